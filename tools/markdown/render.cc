// Drives cmark-gfm: preprocess the body, parse with the GFM extensions,
// replace tokens, alerts, headings and figures in the tree, render HTML.
// Raw HTML passes through (CMARK_OPT_UNSAFE, pages colour text with <span
// style>), while tagfilter still neutralises <script>, <iframe> and the like.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstring>
#include <mutex>

#include "markdown/internal.h"

namespace wb::markdown {
namespace detail {

std::string escape_html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_href(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '\'') out += "&#x27;";
    else if (std::isalnum(c) || std::strchr("-_.!~*();/?:@=+$,%#", c)) out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string plain_text(cmark_node* node) {
  std::string out;
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: out += cmark_node_get_literal(c); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      case CMARK_NODE_IMAGE:
      case CMARK_NODE_HTML_INLINE: break;  // not visible text
      default: out += plain_text(c);
    }
  }
  return out;
}

}  // namespace detail

Rendered render(const std::string& body, const Context& context, Diagnostics& diags, int first_line) {
  using namespace detail;
  Preprocessed pre = preprocess(body, context, diags, first_line);
  cmark_parser* parser = nullptr;
  {
    // The extension registry and the table of special inline characters that
    // attaching fills are global in cmark-gfm: pages render in parallel.
    static std::mutex setup;
    std::lock_guard lock(setup);
    cmark_gfm_core_extensions_ensure_registered();
    parser = cmark_parser_new(CMARK_OPT_UNSAFE);
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, pre.text.data(), pre.text.size());
  cmark_node* doc = cmark_parser_finish(parser);
  cmark_llist* extensions = cmark_parser_get_syntax_extensions(parser);

  Rendered out;
  cmark_consolidate_text_nodes(doc);
  evaluate_tokens(doc, pre, context, diags, &out.references);
  cmark_consolidate_text_nodes(doc);  // values joined their neighbours
  convert_alerts(doc, pre, diags);
  build_headings_and_figures(doc, extensions, pre, context, diags, &out);

  // Positions are kept by the parser for our messages, not shown in HTML.
  char* html = cmark_render_html(doc, CMARK_OPT_UNSAFE, extensions);
  out.html = restore_tokens(replace_admonition_markers(html, pre), pre);
  free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

}  // namespace wb::markdown
