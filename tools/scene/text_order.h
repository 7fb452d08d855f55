#pragma once
// The order in which to draw a scene's texts into an SVG, where every glyph
// becomes its own element: texts of one colour together, so that they can be
// drawn with a few cairo calls (draw::TextEngine::Batch) rather than one
// call per text, which halves the cost of the text in cairo's SVG writer.
#include <cstddef>
#include <vector>

#include "scene/scene.h"

namespace wb::scene {

// Indexes into `texts` (items holding a TextShape): grouped by colour, in
// the order each colour first appears, and in scene order within a colour.
// Only when no two texts of different colours come close enough for their
// glyphs to touch (then the order cannot show); otherwise the scene order.
// PDF keeps the scene order regardless: it is the order readers extract
// and select the text in.
std::vector<size_t> colour_grouped_order(const std::vector<const Item*>& texts);

}  // namespace wb::scene
