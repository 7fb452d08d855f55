#pragma once
// Draws a Scene to PNG, SVG or PDF bytes: the one drawing code for all formats.
#include <string>

#include "draw/canvas.h"
#include "scene/scene.h"

namespace wb::scene {

std::string render(const Scene& scene, draw::Format format, double scale = 1.0);

// The order of the texts, which are all drawn after the shapes.
enum class TextOrder {
  Scene,     // one text at a time, in the scene's order (PNG; PDF, whose readers extract text in this order)
  ByColour,  // grouped by colour, a few cairo calls per colour (SVG; see scene/text_order.h)
};

// Draws every item of the scene on cr, in canvas units (no background).
void draw(const Scene& scene, cairo_t* cr, TextOrder order);

}  // namespace wb::scene
