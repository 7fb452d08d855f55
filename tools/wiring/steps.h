#pragma once
// The stages of the wiring layout, in the order wiring_layout runs them.
#include "scene/scene.h"
#include "wiring/model.h"

namespace wb::wiring {

// Wires and bundles from the build's attachments and harness wires.
void collect_wires(Layout& layout);
// sides.h: assign_sides(), then:
// Routes every bundle out of its connector and across the board (escape.h,
// router.h); fills WireRun::board_path and WireRun::drop.
void route_bundles(Layout& layout);
// sides.h: place_boxes(), then:
// Pushes apart wires that run side by side closer than a wire is wide.
void nudge_wires(Layout& layout);
// Drawing:
void draw_wires(const Layout& layout, scene::Scene& s);
// Title, board and MCU, and the legend of wire colours, and a note naming
// connector labels that found no room on the board; returns its height.
double draw_title(const Layout& layout, double width, const std::vector<std::string>& unlabelled, scene::Scene& s);

}  // namespace wb::wiring
