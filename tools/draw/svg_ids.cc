#include "draw/svg_ids.h"

#include <string.h>  // memmem

#include <cctype>
#include <map>
#include <unordered_map>

namespace wb::draw {

namespace {

bool is_id_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; }

// Splits "surface12" into ("surface", true); ids not of that form give false.
bool counter_id(std::string_view id, std::string_view* prefix) {
  size_t letters = 0;
  while (letters < id.size() && std::isalpha(static_cast<unsigned char>(id[letters]))) ++letters;
  if (letters == 0 || letters == id.size()) return false;
  for (size_t i = letters; i < id.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i]))) return false;
  *prefix = id.substr(0, letters);
  return true;
}

// Like string_view::find, but glibc's memmem is much faster on long text.
size_t find(std::string_view text, std::string_view pattern, size_t from) {
  if (from >= text.size()) return std::string_view::npos;
  const void* at = memmem(text.data() + from, text.size() - from, pattern.data(), pattern.size());
  return at ? static_cast<const char*>(at) - text.data() : std::string_view::npos;
}

}  // namespace

std::string renumber_svg_ids(std::string_view svg) {
  // Pass 1: new names in order of definition.
  std::unordered_map<std::string_view, std::string> renamed;
  std::map<std::string_view, int> next;
  constexpr std::string_view kId = " id=\"";
  for (size_t at = find(svg, kId, 0); at != std::string_view::npos; at = find(svg, kId, at + 1)) {
    size_t start = at + kId.size(), end = svg.find('"', start);
    if (end == std::string_view::npos) break;
    std::string_view id = svg.substr(start, end - start), prefix;
    if (counter_id(id, &prefix) && !renamed.count(id)) renamed[id] = std::string(prefix) + std::to_string(++next[prefix]);
  }
  if (renamed.empty()) return std::string(svg);

  // Pass 2: rewrite definitions (id="x") and references (#x).
  std::string out;
  out.reserve(svg.size());
  size_t copied = 0;
  auto rewrite = [&](size_t start) {
    size_t end = start;
    while (end < svg.size() && is_id_char(svg[end])) ++end;
    auto it = renamed.find(svg.substr(start, end - start));
    if (it == renamed.end()) return;
    out.append(svg, copied, start - copied);
    out += it->second;
    copied = end;
  };
  // Jump between candidate positions rather than looking at every byte.
  size_t hash = svg.find('#'), id = find(svg, kId, 0);
  while (hash != std::string_view::npos || id != std::string_view::npos) {
    if (hash < id) {
      if (hash > 0 && (svg[hash - 1] == '"' || svg[hash - 1] == '(')) rewrite(hash + 1);
      hash = svg.find('#', hash + 1);
    } else {
      rewrite(id + kId.size());
      id = find(svg, kId, id + 1);
    }
  }
  out.append(svg, copied);
  return out;
}

}  // namespace wb::draw
