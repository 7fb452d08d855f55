// Admonitions: Docusaurus ':::note Title' fences (turned into markers by
// preprocess()) and GitHub alerts ('> [!NOTE]' as a blockquote's first line)
// both become <div class="admonition admonition-KIND"> with a title.
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>

#include "markdown/internal.h"

namespace wb::markdown::detail {
namespace {

const char* kAlertKinds[] = {"note", "tip", "important", "warning", "caution"};

cmark_node* html_block(const std::string& html) {
  cmark_node* n = cmark_node_new(CMARK_NODE_HTML_BLOCK);
  cmark_node_set_literal(n, html.c_str());
  return n;
}

// "[!NOTE]" -> "note"; "" if the text is not an alert marker.
std::string alert_kind(const std::string& text) {
  std::string t = trim(text);
  if (t.size() < 4 || t.compare(0, 2, "[!") != 0 || t.back() != ']') return "";
  std::string kind = t.substr(2, t.size() - 3);
  for (char c : kind)
    if (!std::isalpha(static_cast<unsigned char>(c))) return "";
  std::transform(kind.begin(), kind.end(), kind.begin(), [](unsigned char c) { return std::tolower(c); });
  return kind;
}

}  // namespace

std::string admonition_open_html(const std::string& kind, const std::string& title) {
  std::string shown = title;
  if (shown.empty()) {
    shown = kind;
    if (!shown.empty()) shown[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(shown[0])));
  }
  return "<div class=\"admonition admonition-" + kind + "\">\n<p class=\"admonition-title\">" + escape_html(shown) +
         "</p>\n";
}

void convert_alerts(cmark_node* doc, const Preprocessed& pre, Diagnostics& diags) {
  std::vector<cmark_node*> quotes;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type e; (e = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
    if (e == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_BLOCK_QUOTE)
      quotes.push_back(cmark_iter_get_node(it));
  cmark_iter_free(it);

  for (cmark_node* quote : quotes) {
    cmark_node* para = cmark_node_first_child(quote);
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) continue;
    cmark_node* marker = cmark_node_first_child(para);
    if (!marker || cmark_node_get_type(marker) != CMARK_NODE_TEXT) continue;
    cmark_node* after = cmark_node_next(marker);
    if (after && cmark_node_get_type(after) != CMARK_NODE_SOFTBREAK && cmark_node_get_type(after) != CMARK_NODE_LINEBREAK)
      continue;
    std::string kind = alert_kind(cmark_node_get_literal(marker));
    if (kind.empty()) continue;
    if (std::find(std::begin(kAlertKinds), std::end(kAlertKinds), kind) == std::end(kAlertKinds)) {
      diags.error(pre.find(cmark_node_get_start_line(marker), cmark_node_get_start_column(marker), "[!"),
                  "unknown alert kind '" + trim(cmark_node_get_literal(marker)) + "'",
                  "use [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]");
      continue;
    }
    // Drop the marker line; the rest of the quote becomes the admonition body.
    if (after) cmark_node_free(after);
    cmark_node_free(marker);
    if (!cmark_node_first_child(para)) cmark_node_free(para);
    cmark_node_insert_before(quote, html_block(admonition_open_html(kind, "")));
    while (cmark_node* child = cmark_node_first_child(quote)) cmark_node_insert_before(quote, child);
    cmark_node_insert_before(quote, html_block("</div>\n"));
    cmark_node_free(quote);
  }
}

std::string replace_admonition_markers(const std::string& html, const Preprocessed& pre) {
  static const std::string open = "<!--wirebook:admonition:", close = admonition_close();
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t a = html.find(open, pos), c = html.find(close, pos);
    size_t next = std::min(a, c);
    if (next == std::string::npos) break;
    out.append(html, pos, next - pos);
    if (next == c) {
      out += "</div>";
      pos = c + close.size();
      continue;
    }
    size_t digits = a + open.size(), end = html.find("-->", digits);
    size_t index = std::stoul(html.substr(digits, end - digits));
    const Admonition& adm = pre.admonitions.at(index);
    std::string opening = admonition_open_html(adm.kind, adm.title);
    out += opening.substr(0, opening.size() - 1);  // the marker's own newline follows
    pos = end + 3;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace wb::markdown::detail
