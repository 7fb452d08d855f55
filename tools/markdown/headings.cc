// Heading ids: GitHub's slugs, unique within the page, unless the heading
// ends with kramdown's {#id}, which always wins and is kept exactly as
// written. Every heading and figure with an id gets a visible link symbol.
// Explicit ids (and their aliases) are claimed before any slug is made, so a
// slug never takes an id that is written further down.
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>

#include "markdown/internal.h"

namespace wb::markdown {

std::string github_slug(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x80) out += static_cast<char>(c);  // UTF-8 letters stay
    else if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c == '-' || c == '_') out += static_cast<char>(c);
    else if (std::isspace(c)) out += '-';
  }
  return out;
}

std::string url_slug(const std::string& text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(std::tolower(c));
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

namespace detail {
namespace {

std::string str(const char* s) { return s ? s : ""; }

struct Item {
  cmark_node* node = nullptr;
  bool figure = false;
  bool explicit_id = false;
  Heading heading;
  Figure fig;
  std::optional<DiagramUrls> urls;
  Location id_where;  // the {#id}, for duplicate-id messages
};

void collect(cmark_node* doc, std::vector<cmark_node*>* blocks) {
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type e; (e = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (e == CMARK_EVENT_ENTER && (t == CMARK_NODE_HEADING || t == CMARK_NODE_PARAGRAPH)) blocks->push_back(n);
  }
  cmark_iter_free(it);
}

// The heading's inner HTML as cmark renders it (inline markup, raw HTML).
std::string inner_html(cmark_node* heading, cmark_llist* extensions) {
  char* html = cmark_render_html(heading, CMARK_OPT_UNSAFE, extensions);
  std::string s = html;
  free(html);
  size_t open = s.find('>'), close = s.rfind("</h");
  if (open == std::string::npos || close == std::string::npos || close < open) return s;
  return s.substr(open + 1, close - open - 1);
}

void replace_with_html(cmark_node* node, const std::string& html) {
  cmark_node* block = cmark_node_new(CMARK_NODE_HTML_BLOCK);
  cmark_node_set_literal(block, html.c_str());
  cmark_node_insert_before(node, block);
  cmark_node_free(node);
}

}  // namespace

bool IdSet::claim(const std::string& id) {
  if (used(id)) return false;
  ids_.push_back(id);
  return true;
}

bool IdSet::used(const std::string& id) const { return std::find(ids_.begin(), ids_.end(), id) != ids_.end(); }

std::string IdSet::unique(const std::string& base) {
  std::string id = base;
  for (int n = 1; used(id); ++n) id = base + "-" + std::to_string(n);
  ids_.push_back(id);
  return id;
}

void build_headings_and_figures(cmark_node* doc, cmark_llist* extensions, const Preprocessed& pre,
                                const Context& context, Diagnostics& diags, Rendered* out) {
  std::vector<cmark_node*> blocks;
  collect(doc, &blocks);
  std::vector<Item> items;
  for (cmark_node* node : blocks) {
    Item item{node};
    bool heading = cmark_node_get_type(node) == CMARK_NODE_HEADING;
    int level = heading ? cmark_node_get_heading_level(node) : 0;
    FigureMatch m;
    if ((!heading || level == 6) && match_figure(node, pre, diags, &m)) {
      item.figure = true;
      item.explicit_id = m.has_attributes;
      describe_figure(m, pre, context, diags, &item.fig, &item.urls);
      item.id_where = item.fig.where;
      if (m.has_attributes) item.id_where = attributes_location(cmark_node_last_child(node), pre);
      items.push_back(std::move(item));
      continue;
    }
    if (!heading) continue;
    Heading& h = item.heading;
    h.level = level;
    h.where = pre.at(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    item.id_where = h.where;
    cmark_node* last = cmark_node_last_child(node);
    if (last && cmark_node_get_type(last) == CMARK_NODE_TEXT) {
      std::string rest, error;
      Attributes attrs;
      if (split_attributes(str(cmark_node_get_literal(last)), &rest, &attrs, &error)) {
        Location at = attributes_location(last, pre);
        if (!error.empty()) {
          diags.error(at, error, "write {#id} or {#id aliases=\"old-id\"} at the end of the heading");
        } else {
          item.explicit_id = true;
          item.id_where = at;
          h.id = attrs.id;
          h.aliases = attrs.aliases;
          cmark_node_set_literal(last, rest.c_str());
        }
      }
    }
    h.text = trim(plain_text(node));
    items.push_back(std::move(item));
  }

  // Explicit ids and aliases first, then slugs in page order.
  IdSet ids;
  for (const Item& item : items) {
    if (!item.explicit_id) continue;
    std::vector<std::string> claimed = item.figure ? item.fig.aliases : item.heading.aliases;
    claimed.insert(claimed.begin(), item.figure ? item.fig.id : item.heading.id);
    for (const auto& id : claimed)
      if (!ids.claim(id))
        diags.error(item.id_where, "the id '" + id + "' is used twice on this page",
                    "ids must be unique within a page: rename one of them");
  }
  for (Item& item : items) {
    if (item.figure) {
      if (!item.explicit_id) item.fig.id = ids.unique(derived_figure_id(item.fig));
      replace_with_html(item.node, figure_html(item.fig, item.urls));
      out->figures.push_back(item.fig);
      continue;
    }
    Heading& h = item.heading;
    if (!item.explicit_id) {
      std::string slug = github_slug(h.text);
      if (!slug.empty()) h.id = ids.unique(slug);
    }
    if (!h.id.empty()) {
      std::string tag = "h" + std::to_string(h.level), id = escape_html(h.id);
      std::string html = "<" + tag + " id=\"" + id + "\">";
      for (const auto& a : h.aliases) html += "<span class=\"alias\" id=\"" + escape_html(a) + "\"></span>";
      html += inner_html(item.node, extensions) + "<a class=\"anchor\" href=\"#" + id +
              "\" aria-label=\"Link to this section\">#</a></" + tag + ">\n";
      replace_with_html(item.node, html);
    }
    out->headings.push_back(h);
  }
  resolve_inline_diagrams(doc, pre, context, diags);
}

}  // namespace detail
}  // namespace wb::markdown
