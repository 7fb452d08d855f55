// {{ page.x }}, {{ site.x }} and {{ NAME args }} after parsing: the
// placeholders left by preprocess() are replaced where they ended up. In code
// the original text comes back, so pages can show the syntax; Liquid
// {% tags %} anywhere else stop with an error.
#include <cmark-gfm.h>

#include <cmath>

#include "markdown/internal.h"

namespace wb::markdown::detail {
namespace {

const char* kLiquidHint =
    "use {{ page.x }} or {{ site.x }} for values, {{ include NAME }} for text shared between pages, "
    "and variant blocks for text that differs between boards or builds";

std::string str(const char* s) { return s ? s : ""; }

bool is_value(const std::string& name) {
  return name == "page" || name == "site" || name.rfind("page.", 0) == 0 || name.rfind("site.", 0) == 0;
}

// Calls f(begin, length, index) for each block marker in s.
template <typename F>
void for_each_marker(const std::string& s, F f) {
  for_each_numbered(s, "<!--wirebook:expression:", "-->", f);
}

struct Evaluator {
  const Preprocessed& pre;
  const Context& context;
  Diagnostics& diags;

  // The text of {{ page.a.b }} / {{ site.x }}; nullopt after an error.
  std::optional<std::string> value(const Token& t) {
    bool page = t.name.rfind("page", 0) == 0;
    std::string what = page ? "page" : "site";
    std::string path = t.name.size() > 5 ? t.name.substr(5) : "";
    if (!t.args.empty()) {
      diags.error(t.where, "'" + t.text + "': filters and arguments are not supported",
                  "write just {{ " + t.name + " }}");
      return std::nullopt;
    }
    if (path.empty()) {
      diags.error(t.where, "'" + t.text + "' needs a key", "for example {{ " + what + ".title }}");
      return std::nullopt;
    }
    const nlohmann::json* v = page ? &context.page : &context.site;
    size_t pos = 0;
    while (pos <= path.size()) {
      size_t dot = path.find('.', pos);
      std::string key = path.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
      const nlohmann::json* next = nullptr;
      if (v->is_object() && v->contains(key)) next = &(*v)[key];
      else if (v->is_array() && !key.empty() && key.find_first_not_of("0123456789") == std::string::npos &&
               std::stoul(key) < v->size())
        next = &(*v)[std::stoul(key)];
      if (!next) {
        std::string have = path.substr(0, dot == std::string::npos ? path.size() : dot);
        diags.error(t.where, what + " has no '" + have + "'",
                    page ? "add '" + have + ":' to the page's front matter, or fix the name"
                         : "add '" + have + ":' to site/config.yml, or fix the name");
        return std::nullopt;
      }
      v = next;
      if (dot == std::string::npos) break;
      pos = dot + 1;
    }
    if (v->is_string()) return v->get<std::string>();
    if (v->is_boolean()) return std::string(v->get<bool>() ? "true" : "false");
    if (v->is_null()) return std::string();
    if (v->is_number_float()) {
      double d = v->get<double>();
      if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
      return v->dump();
    }
    if (v->is_number()) return v->dump();
    diags.error(t.where, "'" + t.text + "' is a " + (v->is_array() ? "list" : "map") + ", not text",
                "name one of its entries, such as {{ " + t.name + (v->is_array() ? ".0" : ".key") + " }}");
    return std::nullopt;
  }

  bool liquid(const Token& t) {
    if (t.kind != Token::kLiquid) return false;
    std::string tag = t.name.empty() ? t.text : "{% " + t.name + " %}";
    diags.error(t.where, "Liquid tags such as '" + tag + "' are not supported", kLiquidHint);
    return true;
  }

  // HTML for a token outside code; nullopt after an error.
  std::optional<std::string> html(const Token& t, bool block) {
    if (liquid(t)) return std::nullopt;
    if (t.name.empty()) {
      diags.error(t.where, "empty expression '" + t.text + "'", "write {{ page.title }}, {{ site.url }} or {{ include NAME }}");
      return std::nullopt;
    }
    if (is_value(t.name)) {
      auto v = value(t);
      if (!v) return std::nullopt;
      return block ? "<p>" + escape_html(*v) + "</p>\n" : escape_html(*v);
    }
    if (t.name == "include") {
      diags.error(t.where, "'" + t.text + "' must be alone on its line", "put the include on a line of its own");
      return std::nullopt;
    }
    if (!context.expression) {
      diags.error(t.where, "unknown expression '" + t.text + "'",
                  "wirebook knows {{ page.x }}, {{ site.x }} and {{ include NAME }} here");
      return std::nullopt;
    }
    return context.expression(t.name, t.args, block, t.where, diags);
  }

  // A link target or title: only values make sense there.
  std::string url(const std::string& s) {
    std::string out;
    size_t last = 0;
    for_each_placeholder(s, [&](size_t begin, size_t len, size_t index) {
      out.append(s, last, begin - last);
      last = begin + len;
      const Token& t = pre.tokens.at(index);
      if (liquid(t)) return;
      if (!is_value(t.name)) {
        diags.error(t.where, "'" + t.text + "' cannot be used in a link or image target",
                    "only {{ page.x }} and {{ site.x }} can be part of a URL");
        return;
      }
      if (auto v = value(t)) out += *v;
    });
    out.append(s, last, std::string::npos);
    return out;
  }

  // Raw HTML: values escaped, expressions as their HTML.
  std::string raw_html(const std::string& s) {
    std::string out;
    size_t last = 0;
    for_each_placeholder(s, [&](size_t begin, size_t len, size_t index) {
      out.append(s, last, begin - last);
      last = begin + len;
      if (auto h = html(pre.tokens.at(index), false)) out += *h;
    });
    out.append(s, last, std::string::npos);
    std::string result;
    last = 0;
    for_each_marker(out, [&](size_t begin, size_t len, size_t index) {
      result.append(out, last, begin - last);
      last = begin + len;
      if (auto h = html(pre.tokens.at(index), true)) {
        // The marker's line already ends in a newline.
        if (!h->empty() && h->back() == '\n' && out.compare(last, 1, "\n") == 0) h->pop_back();
        result += *h;
      }
    });
    result.append(out, last, std::string::npos);
    return result;
  }

  // A text node with placeholders becomes text and HTML nodes.
  void text(cmark_node* node) {
    std::string s = str(cmark_node_get_literal(node));
    bool any = false;
    for_each_placeholder(s, [&](size_t, size_t, size_t) { any = true; });
    if (!any) return;
    auto insert = [&](cmark_node_type type, const std::string& literal) {
      if (literal.empty()) return;
      cmark_node* n = cmark_node_new(type);
      cmark_node_set_literal(n, literal.c_str());
      cmark_node_insert_before(node, n);
    };
    size_t last = 0;
    for_each_placeholder(s, [&](size_t begin, size_t len, size_t index) {
      insert(CMARK_NODE_TEXT, s.substr(last, begin - last));
      last = begin + len;
      const Token& t = pre.tokens.at(index);
      if (is_value(t.name) && t.kind == Token::kExpression) {
        if (auto v = value(t)) insert(CMARK_NODE_TEXT, *v);
      } else if (auto h = html(t, false)) {
        insert(CMARK_NODE_HTML_INLINE, *h);
      }
    });
    insert(CMARK_NODE_TEXT, s.substr(last));
    cmark_node_free(node);
  }
};

}  // namespace

std::string restore_tokens(const std::string& s, const Preprocessed& pre) {
  std::string out;
  size_t last = 0;
  for_each_placeholder(s, [&](size_t begin, size_t len, size_t index) {
    out.append(s, last, begin - last);
    out += index < pre.tokens.size() ? pre.tokens[index].text : s.substr(begin, len);
    last = begin + len;
  });
  out.append(s, last, std::string::npos);
  std::string result;
  last = 0;
  for_each_marker(out, [&](size_t begin, size_t len, size_t index) {
    result.append(out, last, begin - last);
    result += index < pre.tokens.size() ? pre.tokens[index].text : out.substr(begin, len);
    last = begin + len;
  });
  result.append(out, last, std::string::npos);
  return result;
}

void evaluate_tokens(cmark_node* doc, const Preprocessed& pre, const Context& context, Diagnostics& diags,
                     std::vector<Reference>* references) {
  Evaluator ev{pre, context, diags};
  // Collect first: the tree changes while tokens are replaced.
  std::vector<cmark_node*> nodes;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type e; (e = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
    if (e == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(it));
  cmark_iter_free(it);

  for (cmark_node* node : nodes) {
    auto literal = [&] { return str(cmark_node_get_literal(node)); };
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        ev.text(node);
        break;
      case CMARK_NODE_CODE:
        cmark_node_set_literal(node, restore_tokens(literal(), pre).c_str());
        break;
      case CMARK_NODE_CODE_BLOCK:
        cmark_node_set_literal(node, restore_tokens(literal(), pre).c_str());
        cmark_node_set_fence_info(node, restore_tokens(str(cmark_node_get_fence_info(node)), pre).c_str());
        break;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK:
        cmark_node_set_literal(node, ev.raw_html(literal()).c_str());
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        std::string url = ev.url(str(cmark_node_get_url(node)));
        cmark_node_set_url(node, url.c_str());
        cmark_node_set_title(node, ev.url(str(cmark_node_get_title(node))).c_str());
        bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
        if (references && !(image && url.rfind("diagram:", 0) == 0))  // diagrams are checked when resolved
          references->push_back({url, image, inline_location(node, pre)});
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace wb::markdown::detail
