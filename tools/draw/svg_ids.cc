#include "draw/svg_ids.h"

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

}  // namespace

std::string renumber_svg_ids(std::string_view svg) {
  // Pass 1: new names in order of definition.
  std::unordered_map<std::string_view, std::string> renamed;
  std::map<std::string_view, int> next;
  constexpr std::string_view kId = " id=\"";
  for (size_t at = svg.find(kId); at != std::string_view::npos; at = svg.find(kId, at + 1)) {
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
  for (size_t i = 0; i < svg.size(); ++i) {
    if (svg[i] == '#' && i > 0 && (svg[i - 1] == '"' || svg[i - 1] == '('))
      rewrite(i + 1);
    else if (svg[i] == ' ' && svg.compare(i, kId.size(), kId) == 0)
      rewrite(i + kId.size());
  }
  out.append(svg, copied);
  return out;
}

}  // namespace wb::draw
