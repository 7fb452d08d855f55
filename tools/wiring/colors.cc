// Wire colours: the names a build may use, and the edge that keeps a wire
// visible on both the white paper and the dark green board.
#include <algorithm>
#include <cctype>
#include <map>

#include "wiring/colors.h"
#include "wiring/wiring.h"

namespace wb::wiring {

std::optional<draw::Color> wire_color(const std::string& name) {
  std::string n;
  for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::map<std::string, std::string> named = {
      {"black", "#151515"},  {"red", "#d32f2f"},    {"green", "#2e9d3a"},  {"blue", "#1e63c8"},
      {"yellow", "#fdd835"}, {"white", "#ffffff"},  {"orange", "#f57c00"}, {"brown", "#7b4a2e"},
      {"grey", "#9e9e9e"},   {"gray", "#9e9e9e"},   {"purple", "#8e24aa"}, {"violet", "#8e24aa"},
      {"pink", "#f06292"},   {"cyan", "#00acc1"},   {"turquoise", "#1ec8b8"},
  };
  auto it = named.find(n);
  if (it != named.end()) return draw::Color::hex(it->second);
  return draw::Color::parse(n);
}

draw::Color wire_edge(draw::Color c) {
  // Dark wires get a light edge (they would vanish on the dark board), light
  // ones a dark edge (they would vanish on the paper).
  static const draw::Color dark = draw::Color::hex("#202020"), light = draw::Color::hex("#f4f4f4");
  return draw::contrast_ratio(c, dark) >= draw::contrast_ratio(c, light) ? dark : light;
}

std::string color_display_name(const std::string& name) {
  std::string n;
  for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "gray") return "grey";
  return n;
}

}  // namespace wb::wiring
