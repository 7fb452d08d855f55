#pragma once
// The wiring diagram of a build: the board to scale in the middle, every
// component of the build as a box around it, one line per wire in the wire's
// own colour from the component box to the exact pin it lands on, a label
// at each used connector ("HE0 (PA2)", "MOTOR0 · DRIVER0") and a title block
// with a legend.
//
// Wires are routed orthogonally in three stretches: out of the connector
// between its pins (escape.h), across the board as a bundle that keeps clear
// of other parts, pins and bundles where it can (router.h), and along a
// channel outside the board edge to the component box, on tracks chosen so
// that wires of one side cross only where no order of tracks avoids it
// (sides.h); a last pass pushes apart wires left side by side (nudge.cc).
// Labels then go where they cover no wire, box, pin or other label
// (labels.h). The stages run in the order steps.h lists them.
#include <optional>
#include <string>

#include "board/model.h"
#include "diagram/spec.h"
#include "draw/canvas.h"
#include "scene/scene.h"

namespace wb::wiring {

scene::Scene wiring_layout(const diagram::Build& build, const ResolvedBoard& board);

// Layout and render in one go.
std::string render(const diagram::Build& build, const ResolvedBoard& board, draw::Format format, double scale);

// The colour of a wire colour name ("red", "grey", "#aa3300"); nullopt when unknown.
std::optional<draw::Color> wire_color(const std::string& name);

// What the diagram writes next to a connector the build uses: "HE0 (PA2)"
// (the MCU pins among the used pins, when there are one or two),
// "MOTOR0 · DRIVER0" for a stepper, or just the connector id.
std::string connector_label(const Part& connector, const std::vector<int>& pins, const std::string& driver);

// Scene tags: wires are "COMPONENT:CONNECTOR.PIN", component boxes
// "component:COMPONENT", connector labels "connector:CONNECTOR".
std::string wire_tag(const std::string& component, const std::string& connector, int pin);

}  // namespace wb::wiring
