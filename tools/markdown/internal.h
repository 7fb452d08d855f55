#pragma once
// Shared by the markdown/*.cc files only: the line map from the text cmark
// parses back to the page and its includes, the {{ }} / {% %} tokens that
// stand in that text for expressions, and small HTML helpers.
#include <string>
#include <vector>

#include <cmark-gfm.h>

#include "markdown/markdown.h"

namespace wb::markdown::detail {

// Where a stretch of a parsed line differs in length from the line as
// written: a placeholder standing for a token, or indentation added in front
// of an included snippet. Offsets are bytes, 0-based.
struct Shift {
  int parsed_begin = 0, parsed_len = 0, original_begin = 0, original_len = 0;
};

// One line of the text given to cmark and where it came from.
struct SourceLine {
  std::string file;
  int line = 0;          // 1-based line in `file`
  std::string original;  // the line as written there (no newline)
  std::vector<Shift> shifts;  // sorted by parsed_begin
};

// A {{ ... }} or {% ... %} found in the text, replaced by a placeholder so
// that cmark sees neither braces nor spaces (links keep working) and code
// can get the original back.
struct Token {
  enum Kind { kExpression, kBlockExpression, kLiquid } kind = kExpression;
  std::string text;  // as written, e.g. "{{ page.title }}"
  std::string name;  // "page.title", "pin", "if" (for Liquid)
  std::string args;  // the rest, trimmed
  Location where;
};

struct Admonition {
  std::string kind, title;
};

struct Preprocessed {
  std::string text;  // what cmark parses
  std::vector<SourceLine> lines;
  std::vector<Token> tokens;
  std::vector<Admonition> admonitions;
  // Maps a cmark position (1-based line, 1-based byte column) to the file.
  Location at(int line, int byte_column) const;
  // The first position at or after the cmark position where `needle` occurs in
  // the original line, else at(line, byte_column).
  Location find(int line, int byte_column, const std::string& needle) const;
  std::optional<Location> search(int line, int byte_column, const std::string& needle) const;
};

// Where an inline node is written. cmark's inline positions are right for
// links and images but missing or off for autolinks; for those the text is
// looked up in the lines of the enclosing block.
Location inline_location(cmark_node* node, const Preprocessed& pre);

// Includes, admonition fences and tokens. Lines inside fenced code are left
// as they are.
Preprocessed preprocess(const std::string& body, const Context& context, Diagnostics& diags, int first_line);

// Placeholders: inline tokens become U+E000 INDEX U+E001; block expressions
// and admonition fences become whole-line HTML comments that cmark keeps as
// HTML blocks.
std::string inline_placeholder(size_t index);
std::string block_placeholder(size_t index);
std::string admonition_open(size_t index);
std::string admonition_close();
// Calls f(begin, length, index) for each inline placeholder in s.
template <typename F>
void for_each_placeholder(const std::string& s, F f);

// {#id aliases="a b"} at the end of a heading or after a figure's image.
struct Attributes {
  std::string id;
  std::vector<std::string> aliases;
};
// If `text` ends with an attribute block, parses it, sets `*rest` to the text
// before it and returns true; reports malformed blocks (where = the '{').
bool split_attributes(const std::string& text, std::string* rest, Attributes* out, std::string* error);

// Replaces tokens in the tree: values in text, links and raw HTML, the
// original text back in code; Liquid outside code is an error.
void evaluate_tokens(cmark_node* doc, const Preprocessed& pre, const Context& context, Diagnostics& diags,
                     std::vector<Reference>* references);
// Undoes placeholders in a string (for code, and anything left over).
std::string restore_tokens(const std::string& s, const Preprocessed& pre);

// Turns GitHub alerts (> [!NOTE]) into admonition HTML blocks.
void convert_alerts(cmark_node* doc, const Preprocessed& pre, Diagnostics& diags);
// The HTML that admonition markers stand for.
std::string admonition_open_html(const std::string& kind, const std::string& title);
std::string replace_admonition_markers(const std::string& html, const Preprocessed& pre);

// Ids are unique within a page; explicit ones are claimed first.
class IdSet {
 public:
  bool claim(const std::string& id);  // false if already used
  bool used(const std::string& id) const;
  std::string unique(const std::string& base);  // base, base-1, base-2...

 private:
  std::vector<std::string> ids_;
};

// A paragraph or level-6 heading that holds only an image, maybe followed by
// an attribute block (and the stray ']' some Voron pages have).
struct FigureMatch {
  cmark_node* image = nullptr;
  bool has_attributes = false;
  Attributes attributes;
};
bool match_figure(cmark_node* block, const Preprocessed& pre, Diagnostics& diags, FigureMatch* m);
// Fills src, alt, caption, image and where; resolves diagram embeds.
void describe_figure(const FigureMatch& m, const Preprocessed& pre, const Context& context, Diagnostics& diags,
                     Figure* f, std::optional<DiagramUrls>* urls);
// The id a figure without {#id} gets: from its file or diagram name.
std::string derived_figure_id(const Figure& f);
std::string figure_html(const Figure& f, const std::optional<DiagramUrls>& urls);
// A diagram embed that is not a figure of its own shows the PNG inline.
void resolve_inline_diagrams(cmark_node* doc, const Preprocessed& pre, const Context& context, Diagnostics& diags);
// Where an attribute block or its error points: the '{' in the source.
Location attributes_location(cmark_node* text, const Preprocessed& pre);

// Headings and figures: ids, link symbols, figure HTML. Replaces the nodes by
// HTML blocks and fills `out`.
void build_headings_and_figures(cmark_node* doc, cmark_llist* extensions, const Preprocessed& pre,
                                const Context& context, Diagnostics& diags, Rendered* out);

// Plain text of an inline subtree (text and code, no HTML tags).
std::string plain_text(cmark_node* node);
std::string escape_html(const std::string& s);
// Like cmark's href escaping: percent-encodes what may not stand in a URL.
std::string escape_href(const std::string& s);
std::string trim(const std::string& s);

// --- template definitions ---

// Calls f(begin, length, number) for every OPEN digits CLOSE marker in s.
template <typename F>
void for_each_numbered(const std::string& s, const std::string& open, const std::string& close, F f) {
  size_t pos = 0;
  while ((pos = s.find(open, pos)) != std::string::npos) {
    size_t digits = pos + open.size(), end = digits;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    if (end > digits && s.compare(end, close.size(), close) == 0) {
      f(pos, end + close.size() - pos, std::stoul(s.substr(digits, end - digits)));
      pos = end + close.size();
    } else {
      pos = digits;
    }
  }
}

template <typename F>
void for_each_placeholder(const std::string& s, F f) {
  for_each_numbered(s, "\xEE\x80\x80", "\xEE\x80\x81", f);
}

}  // namespace wb::markdown::detail
