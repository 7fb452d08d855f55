// Line-level work before cmark parses the body: {{ include NAME }} lines are
// replaced by the snippet, ::: admonition fences and lone {{ expressions }}
// by HTML-comment markers, other {{ }} and {% %} by placeholders. Each
// resulting line remembers its file, line and original text, so every
// message can point at the page or snippet as written.
#include <algorithm>
#include <cctype>

#include "markdown/internal.h"

namespace wb::markdown::detail {
namespace {

constexpr int kMaxIncludeDepth = 8;
const char* kKinds[] = {"note", "tip", "info", "caution", "warning", "danger"};

int char_column(const std::string& line, size_t byte) {
  int column = 1;
  for (size_t i = 0; i < byte && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

size_t leading_spaces(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// A fenced code block opener: returns the fence ("```", "~~~~"...) or "".
std::string fence_open(const std::string& line) {
  size_t i = leading_spaces(line);
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return "";
  size_t j = i;
  while (j < line.size() && line[j] == line[i]) ++j;
  if (j - i < 3) return "";
  if (line[i] == '`' && line.find('`', j) != std::string::npos) return "";  // ```inline``` code
  return line.substr(i, j - i);
}

bool fence_closes(const std::string& line, const std::string& fence) {
  size_t i = leading_spaces(line), j = i;
  while (j < line.size() && line[j] == fence[0]) ++j;
  return j - i >= fence.size() && trim(line.substr(j)).empty();
}

// Splits "{{ name args }}" / "{% name args %}" contents; Liquid's '-'
// whitespace control is ignored.
void split_expression(const std::string& inner, std::string* name, std::string* args) {
  std::string s = trim(inner);
  if (!s.empty() && s.front() == '-') s = trim(s.substr(1));
  if (!s.empty() && s.back() == '-') s = trim(s.substr(0, s.size() - 1));
  size_t space = s.find_first_of(" \t");
  *name = s.substr(0, space);
  *args = space == std::string::npos ? "" : trim(s.substr(space));
}

struct Builder {
  const Context& context;
  Diagnostics& diags;
  Preprocessed& out;
  std::vector<std::string> chain;  // include names being expanded, outermost first
  struct Open {
    Location where;
    std::string kind;
  };
  std::vector<Open> open;  // admonitions not closed yet

  void add(const SourceLine& source, std::string parsed) {
    out.text += parsed;
    out.text += '\n';
    out.lines.push_back(source);
  }

  // Replaces {{ }} and {% %} in `line` by placeholders; `prefix` is prepended.
  std::string tokenize(SourceLine& src, const std::string& prefix) {
    const std::string& line = src.original;
    std::string parsed = prefix;
    size_t pos = 0;
    while (pos < line.size()) {
      size_t open_at = line.find('{', pos);
      if (open_at == std::string::npos || open_at + 1 >= line.size()) break;
      char second = line[open_at + 1];
      bool escaped = open_at > 0 && line[open_at - 1] == '\\';
      if ((second != '{' && second != '%') || escaped) {
        parsed.append(line, pos, open_at + 1 - pos);
        pos = open_at + 1;
        continue;
      }
      const char* closer = second == '{' ? "}}" : "%}";
      size_t close_at = line.find(closer, open_at + 2);
      if (close_at == std::string::npos && second == '{') {  // a lone "{{" is just text
        parsed.append(line, pos, open_at + 2 - pos);
        pos = open_at + 2;
        continue;
      }
      size_t end = close_at == std::string::npos ? open_at + 2 : close_at + 2;
      Token t;
      t.kind = second == '{' ? Token::kExpression : Token::kLiquid;
      t.text = line.substr(open_at, end - open_at);
      if (close_at != std::string::npos) split_expression(line.substr(open_at + 2, close_at - open_at - 2), &t.name, &t.args);
      t.where = {src.file, src.line, char_column(line, open_at)};
      parsed.append(line, pos, open_at - pos);
      std::string placeholder = inline_placeholder(out.tokens.size());
      src.shifts.push_back({static_cast<int>(parsed.size()), static_cast<int>(placeholder.size()),
                            static_cast<int>(open_at), static_cast<int>(end - open_at)});
      parsed += placeholder;
      out.tokens.push_back(std::move(t));
      pos = end;
    }
    if (pos < line.size()) parsed.append(line, pos, std::string::npos);
    return parsed;
  }

  // A line that is nothing but one {{ ... }}: its contents, else nullopt.
  static std::optional<std::string> lone_expression(const std::string& line) {
    std::string t = trim(line);
    if (t.size() < 4 || t.compare(0, 2, "{{") != 0 || t.compare(t.size() - 2, 2, "}}") != 0) return std::nullopt;
    std::string inner = t.substr(2, t.size() - 4);
    if (inner.find("}}") != std::string::npos || inner.find("{{") != std::string::npos) return std::nullopt;
    return inner;
  }

  void include(const std::string& args, const Location& where, const std::string& prefix) {
    std::string name = trim(args);
    if (name.empty() || name.find_first_of(" \t") != std::string::npos) {
      diags.error(where, "'{{ include " + args + " }}' needs exactly one snippet name",
                  "write {{ include NAME }} with NAME a file under content/_includes/");
      return;
    }
    if (!context.include) {
      diags.error(where, "{{ include " + name + " }}: includes are not available here", "");
      return;
    }
    std::string path_text;
    for (const auto& c : chain) path_text += c + " -> ";
    if (std::find(chain.begin(), chain.end(), name) != chain.end()) {
      diags.error(where, "include cycle: " + path_text + name, "remove the include that leads back to '" + name + "'");
      return;
    }
    if (static_cast<int>(chain.size()) >= kMaxIncludeDepth) {
      diags.error(where, "includes nested more than " + std::to_string(kMaxIncludeDepth) + " deep: " + path_text + name,
                  "flatten the snippets: a snippet may include others, but not this deep");
      return;
    }
    auto snippet = context.include(name, where, diags);
    if (!snippet) return;
    chain.push_back(name);
    lines(snippet->first, snippet->second, 1, prefix);
    chain.pop_back();
  }

  // `:::kind Title`, `:::kind[Title]` or a closing `:::`.
  void admonition(SourceLine src, const std::string& prefix) {
    const std::string& line = src.original;
    size_t i = 0;
    while (i < line.size() && line[i] == ':') ++i;
    size_t kind_begin = leading_spaces(line.substr(i)) + i, kind_end = kind_begin;
    while (kind_end < line.size() && std::isalpha(static_cast<unsigned char>(line[kind_end]))) ++kind_end;
    std::string kind = line.substr(kind_begin, kind_end - kind_begin);
    std::string rest = trim(line.substr(kind_end));
    std::transform(kind.begin(), kind.end(), kind.begin(), [](unsigned char c) { return std::tolower(c); });
    Location where{src.file, src.line, 1};
    if (kind.empty() && rest.empty()) {  // closing fence
      if (open.empty())
        diags.error(where, "':::' closes no admonition",
                    "remove it, or open one before it with :::note, :::tip, :::info, :::caution, :::warning or :::danger");
      else open.pop_back();
      add(src, prefix + admonition_close());
      return;
    }
    bool known = std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds);
    if (!known) {
      Location at{src.file, src.line, char_column(line, kind_begin)};
      diags.error(at, "unknown admonition kind '" + (kind.empty() ? rest : kind) + "'",
                  "use :::note, :::tip, :::info, :::caution, :::warning or :::danger, optionally followed by a title");
      add(src, prefix);
      return;
    }
    if (rest.size() >= 2 && rest.front() == '[' && rest.back() == ']') rest = trim(rest.substr(1, rest.size() - 2));
    open.push_back({where, kind});
    out.admonitions.push_back({kind, rest});
    add(src, prefix + admonition_open(out.admonitions.size() - 1));
  }

  void lines(const std::string& text, const std::string& file, int first_line, const std::string& prefix) {
    std::string fence;  // the open code fence, if any
    size_t pos = 0;
    int number = first_line;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      SourceLine src{file, number++, text.substr(pos, end - pos), {}};
      pos = end + 1;
      if (!src.original.empty() && src.original.back() == '\r') src.original.pop_back();
      if (!prefix.empty()) src.shifts.push_back({0, static_cast<int>(prefix.size()), 0, 0});
      const std::string& line = src.original;

      if (!fence.empty()) {  // inside fenced code everything stays as written
        if (fence_closes(line, fence)) fence.clear();
        add(src, prefix + line);
        continue;
      }
      if (std::string f = fence_open(line); !f.empty()) {
        fence = f;
        add(src, prefix + line);
        continue;
      }
      if (line.compare(0, 3, ":::") == 0) {
        admonition(src, prefix);
        continue;
      }
      std::string name, args;
      if (auto inner = lone_expression(line)) split_expression(*inner, &name, &args);
      // page./site. values are text: they stay inline so paragraphs read on.
      bool value = name == "page" || name == "site" || name.rfind("page.", 0) == 0 || name.rfind("site.", 0) == 0;
      if (!name.empty() && !value) {
        size_t indent = leading_spaces(line);
        Location where{file, src.line, char_column(line, indent)};
        if (name == "include") {  // the snippet's lines replace this one
          include(args, where, prefix + line.substr(0, indent));
          continue;
        }
        Token t{Token::kBlockExpression, trim(line), name, args, where};
        std::string marker = block_placeholder(out.tokens.size());
        out.tokens.push_back(t);
        src.shifts.push_back({static_cast<int>(prefix.size() + indent), static_cast<int>(marker.size()),
                              static_cast<int>(indent), static_cast<int>(line.size() - indent)});
        add(src, prefix + line.substr(0, indent) + marker);
        continue;
      }
      std::string parsed = tokenize(src, prefix);
      add(src, std::move(parsed));
    }
  }
};

}  // namespace

std::string inline_placeholder(size_t index) { return "\xEE\x80\x80" + std::to_string(index) + "\xEE\x80\x81"; }
std::string block_placeholder(size_t index) { return "<!--wirebook:expression:" + std::to_string(index) + "-->"; }
std::string admonition_open(size_t index) { return "<!--wirebook:admonition:" + std::to_string(index) + "-->"; }
std::string admonition_close() { return "<!--wirebook:/admonition-->"; }

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

Preprocessed preprocess(const std::string& body, const Context& context, Diagnostics& diags, int first_line) {
  Preprocessed out;
  Builder b{context, diags, out, {}, {}};
  b.lines(body, context.file, first_line, "");
  for (const auto& o : b.open)
    diags.error(o.where, "':::" + o.kind + "' is never closed", "add a line ':::' after the admonition's last line");
  return out;
}

Location Preprocessed::at(int line, int byte_column) const {
  if (lines.empty()) return {};
  const SourceLine& src = lines[std::clamp(line, 1, static_cast<int>(lines.size())) - 1];
  int b = std::max(byte_column, 1) - 1, delta = 0, original = -1;
  for (const auto& s : src.shifts) {
    if (b >= s.parsed_begin + s.parsed_len) delta += s.original_len - s.parsed_len;
    else if (b >= s.parsed_begin) original = s.original_begin;  // inside a placeholder: its start
    else break;
    if (original >= 0) break;
  }
  if (original < 0) original = std::clamp(b + delta, 0, static_cast<int>(src.original.size()));
  return {src.file, src.line, char_column(src.original, static_cast<size_t>(original))};
}

Location Preprocessed::find(int line, int byte_column, const std::string& needle) const {
  auto hit = search(line, byte_column, needle);
  return hit ? *hit : at(line, byte_column);
}

std::optional<Location> Preprocessed::search(int line, int byte_column, const std::string& needle) const {
  if (lines.empty() || needle.empty()) return std::nullopt;
  Location from = at(line, byte_column);
  const SourceLine& src = lines[std::clamp(line, 1, static_cast<int>(lines.size())) - 1];
  // Back from the character column to a byte offset in the original line.
  size_t byte = 0;
  for (int col = 1; byte < src.original.size() && col < from.column; ++col) {
    ++byte;
    while (byte < src.original.size() && (static_cast<unsigned char>(src.original[byte]) & 0xC0) == 0x80) ++byte;
  }
  size_t hit = src.original.find(needle, byte);
  if (hit == std::string::npos) return std::nullopt;
  return Location{src.file, src.line, char_column(src.original, hit)};
}

Location inline_location(cmark_node* node, const Preprocessed& pre) {
  cmark_node* block = node;
  while (block && (cmark_node_get_type(block) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK)
    block = cmark_node_parent(block);
  cmark_node* text = cmark_node_first_child(node);
  bool autolink = cmark_node_get_type(node) == CMARK_NODE_LINK && text && cmark_node_get_type(text) == CMARK_NODE_TEXT &&
                  !cmark_node_next(text) && [&] {
                    std::string url = cmark_node_get_url(node), t = cmark_node_get_literal(text);
                    return url.size() >= t.size() && url.compare(url.size() - t.size(), t.size(), t) == 0;
                  }();
  if (!autolink && cmark_node_get_start_line(node) > 0)
    return pre.at(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  if (!block) return pre.at(1, 1);
  int first = cmark_node_get_start_line(block), last = std::max(first, cmark_node_get_end_line(block));
  if (autolink) {
    std::string t = cmark_node_get_literal(text);
    for (const std::string& needle : {"<" + t + ">", t})
      for (int line = first; line <= last; ++line)
        if (auto hit = pre.search(line, line == first ? cmark_node_get_start_column(block) : 1, needle)) return *hit;
  }
  return pre.at(first, cmark_node_get_start_column(block));
}

}  // namespace wb::markdown::detail
