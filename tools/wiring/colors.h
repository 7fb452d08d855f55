#pragma once
#include <string>

#include "draw/color.h"

namespace wb::wiring {

// The edge drawn on both sides of a wire of colour c: dark for light wires,
// light for dark ones, so every wire shows on paper and on the board.
draw::Color wire_edge(draw::Color c);
// The colour name as the legend prints it ("gray" -> "grey", lower case).
std::string color_display_name(const std::string& name);

}  // namespace wb::wiring
