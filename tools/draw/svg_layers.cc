#include "draw/svg_layers.h"

namespace wb::draw {

namespace {

constexpr std::string_view kBodyOpen = "<g id=\"surface1\">\n";
constexpr std::string_view kEnd = "</g>\n</svg>\n";

struct Parts {
  std::string_view head;  // the XML declaration and the <svg> line
  std::string_view defs;  // "<defs>...</defs>\n", or empty
  std::string_view body;  // the elements inside <g id="surface1">
};

std::optional<Parts> split(std::string_view svg) {
  size_t svg_tag = svg.find("\n<svg ");
  if (svg_tag == std::string_view::npos) return std::nullopt;
  size_t head_end = svg.find('\n', svg_tag + 1);
  if (head_end == std::string_view::npos) return std::nullopt;
  Parts parts;
  parts.head = svg.substr(0, head_end + 1);
  size_t at = head_end + 1;
  if (svg.substr(at).starts_with("<defs>\n")) {
    size_t defs_end = svg.find("\n</defs>\n", at);
    if (defs_end == std::string_view::npos) return std::nullopt;
    defs_end += std::string_view("\n</defs>\n").size();
    parts.defs = svg.substr(at, defs_end - at);
    at = defs_end;
  }
  if (!svg.substr(at).starts_with(kBodyOpen) || !svg.ends_with(kEnd)) return std::nullopt;
  size_t body = at + kBodyOpen.size();
  if (body > svg.size() - kEnd.size()) return std::nullopt;
  parts.body = svg.substr(body, svg.size() - kEnd.size() - body);
  return parts;
}

}  // namespace

std::optional<std::string> stack_svg_layers(std::string_view below, std::string_view above) {
  auto low = split(below), high = split(above);
  if (!low || !high || !low->defs.empty() || low->head != high->head) return std::nullopt;
  std::string out;
  out.reserve(below.size() + above.size());
  out.append(high->head).append(high->defs).append(kBodyOpen);
  out.append(low->body).append(high->body).append(kEnd);
  return out;
}

}  // namespace wb::draw
