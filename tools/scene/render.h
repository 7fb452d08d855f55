#pragma once
// Draws a Scene to PNG, SVG or PDF bytes: the one drawing code for all formats.
#include <string>

#include "draw/canvas.h"
#include "scene/scene.h"

namespace wb::scene {

std::string render(const Scene& scene, draw::Format format, double scale = 1.0);

// Draws every item of the scene on cr, in canvas units (no background).
void draw(const Scene& scene, cairo_t* cr);

}  // namespace wb::scene
