#pragma once
// The frame of a diagram page: a title, an optional callout, muted lines, a
// legend and notes above the drawing, margins around it. Shared by the jumper
// and harness diagrams.
#include <functional>
#include <string>
#include <vector>

#include "scene/scene.h"

namespace wb::page {

// Greedy word wrap of `text` to `width` canvas units in `style`.
std::vector<std::string> wrap(const std::string& text, const draw::TextStyle& style, double width);

struct LegendEntry {
  std::string text;
  // Draws the swatch into the box it is given; empty: a line of text only.
  std::function<void(scene::Scene&, const Rect&)> swatch;

  static LegendEntry plain(std::string text);
  static LegendEntry colour(draw::Color fill, std::string text);
};

struct Header {
  std::string title;
  std::string callout;                   // one big line, e.g. "Remove all jumpers marked in yellow"
  draw::Color callout_fill{1, 1, 1, 0};  // band behind the callout (transparent: none)
  std::vector<std::string> lines;        // muted sub-lines
  std::vector<LegendEntry> legend;
  std::vector<std::string> notes;        // paragraphs below the legend
};

// Puts the header above `body` (drawn anywhere) with margins; the result
// starts at (0, 0). The header wraps to the body's width (at least min_width).
scene::Scene compose(const Header& header, scene::Scene body, double min_width = 0);

}  // namespace wb::page
