#pragma once
// Component boxes: the component's label in bold, its role below, a stripe
// in the colour of its kind, and room on the edge facing the board for the
// wires to meet it side by side.
#include "scene/scene.h"
#include "wiring/model.h"

namespace wb::wiring {

// Width and height of the box for a component with `wires` wires on `side`.
Rect measure_box(const diagram::Component& c, size_t wires, Side side);
void draw_box(const diagram::Component& c, const ComponentBox& box, scene::Scene& s);
// The stripe colour of a component kind (stepper, heater, fan...).
draw::Color kind_color(const std::string& kind);
std::string box_tag(const diagram::Component& c);

}  // namespace wb::wiring
