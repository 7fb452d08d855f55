// Figures: an image alone in its paragraph (or in the Voron seed's empty
// level-6 heading) becomes <figure> with a stable id, a link symbol, a zoom
// link and a caption from the alt text. ![alt](diagram:BOARD@REV/KIND)
// embeds a generated diagram with its 2x PNG, SVG and PDF.
#include <cmark-gfm.h>

#include "markdown/internal.h"

namespace wb::markdown::detail {
namespace {

std::string str(const char* s) { return s ? s : ""; }

bool is_diagram(const std::string& src) { return src.rfind("diagram:", 0) == 0; }

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::optional<DiagramUrls> resolve(const std::string& src, const Location& where, const Context& context,
                                   Diagnostics& diags) {
  if (!context.diagram) {
    diags.error(where, "diagram embeds are not available here ('" + src + "')", "");
    return std::nullopt;
  }
  return context.diagram(src.substr(8), where, diags);
}

}  // namespace

Location attributes_location(cmark_node* text, const Preprocessed& pre) {
  std::string literal = str(cmark_node_get_literal(text));
  size_t brace = literal.rfind('{');
  std::string needle = brace == std::string::npos ? "" : literal.substr(brace);
  while (!needle.empty() && std::isspace(static_cast<unsigned char>(needle.back()))) needle.pop_back();
  return pre.find(cmark_node_get_start_line(text), cmark_node_get_start_column(text), needle);
}

bool match_figure(cmark_node* block, const Preprocessed& pre, Diagnostics& diags, FigureMatch* m) {
  cmark_node* image = cmark_node_first_child(block);
  if (!image || cmark_node_get_type(image) != CMARK_NODE_IMAGE) return false;
  *m = FigureMatch{image};
  for (cmark_node* n = cmark_node_next(image); n; n = cmark_node_next(n)) {
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_SOFTBREAK) continue;
    if (type != CMARK_NODE_TEXT || cmark_node_next(n)) return false;
    std::string literal = str(cmark_node_get_literal(n)), rest, error;
    if (split_attributes(literal, &rest, &m->attributes, &error)) {
      if (!error.empty()) {
        diags.error(attributes_location(n, pre), error, "write {#id} or {#id aliases=\"old-id\"}");
        return false;
      }
      m->has_attributes = true;
    } else {
      rest = literal;
    }
    rest = trim(rest);
    if (!rest.empty() && rest != "]") return false;  // text beside the image: an inline image
  }
  return true;
}

void describe_figure(const FigureMatch& m, const Preprocessed& pre, const Context& context, Diagnostics& diags,
                     Figure* f, std::optional<DiagramUrls>* urls) {
  f->src = str(cmark_node_get_url(m.image));
  f->alt = trim(plain_text(m.image));
  std::string title = str(cmark_node_get_title(m.image));
  f->caption = !f->alt.empty() ? f->alt : title;
  f->image = f->src;
  f->where = inline_location(m.image, pre);
  if (m.has_attributes) {
    f->id = m.attributes.id;
    f->aliases = m.attributes.aliases;
  }
  if (is_diagram(f->src)) {
    f->diagram = true;
    *urls = resolve(f->src, f->where, context, diags);
    if (*urls) {
      f->image = (*urls)->png2x;
      if (f->caption.empty()) f->caption = (*urls)->title;
    }
  }
}

std::string derived_figure_id(const Figure& f) {
  if (f.diagram) return url_slug(f.src.substr(8));
  std::string path = f.src.substr(0, f.src.find_first_of("?#"));
  std::string name = percent_decode(path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1));
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.erase(dot);
  std::string id = github_slug(name);
  return id.empty() ? "figure" : id;
}

std::string figure_html(const Figure& f, const std::optional<DiagramUrls>& urls) {
  std::string id = escape_html(f.id);
  std::string h = "<figure id=\"" + id + "\" class=\"figure" + (f.diagram ? " diagram" : "") + "\">";
  for (const auto& a : f.aliases) h += "<span class=\"alias\" id=\"" + escape_html(a) + "\"></span>";
  h += "<a class=\"anchor\" href=\"#" + id + "\" aria-label=\"Link to this figure\">#</a>";
  std::string alt = escape_html(f.alt.empty() && urls ? urls->title : f.alt);
  if (urls) {
    std::string png = escape_href(urls->png), png2x = escape_href(urls->png2x);
    h += "<a class=\"zoom\" href=\"" + png2x + "\"><img src=\"" + png + "\" srcset=\"" + png + " 1x, " + png2x +
         " 2x\" alt=\"" + alt + "\" loading=\"lazy\"></a>";
    h += "<figcaption>" + escape_html(f.caption) + "<p class=\"downloads\">Download: <a href=\"" + png2x +
         "\">PNG</a> <a href=\"" + escape_href(urls->svg) + "\">SVG</a> <a href=\"" + escape_href(urls->pdf) +
         "\">PDF</a></p></figcaption>";
  } else {
    std::string src = escape_href(f.src);
    h += "<a class=\"zoom\" href=\"" + src + "\"><img src=\"" + src + "\" alt=\"" + alt + "\" loading=\"lazy\"></a>";
    if (!f.caption.empty()) h += "<figcaption>" + escape_html(f.caption) + "</figcaption>";
  }
  return h + "</figure>\n";
}

void resolve_inline_diagrams(cmark_node* doc, const Preprocessed& pre, const Context& context, Diagnostics& diags) {
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type e; (e = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (e != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_IMAGE) continue;
    std::string src = str(cmark_node_get_url(n));
    if (!is_diagram(src)) continue;
    auto urls = resolve(src, inline_location(n, pre), context, diags);
    if (urls) cmark_node_set_url(n, urls->png.c_str());
  }
  cmark_iter_free(it);
}

}  // namespace wb::markdown::detail
