#pragma once
// Draws a Scene to PNG, SVG or PDF bytes: the one drawing code for all formats.
#include <string>

#include "draw/canvas.h"
#include "scene/scene.h"

namespace wb::scene {

std::string render(const Scene& scene, draw::Format format, double scale = 1.0);

}  // namespace wb::scene
