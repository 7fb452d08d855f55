#pragma once
// Harness diagrams: the components of one harness of a build (PSU, SSR,
// Raspberry Pi...) and the board connectors it reaches, drawn as boxes with
// their terminals and pins, joined by wires in their own colours, routed
// orthogonally and labelled with colour, gauge and what they carry.
//
// Scene tags: a node box "node:ID" (ID: the component id or "board:CONNECTOR"),
// a terminal mark "terminal:ID.TERMINAL" ("terminal:psu.V+",
// "terminal:board:POWER.1"), wire k of the harness "wire:k" (its casing
// "casing:k"), its label "wire-label:k".
#include <string>

#include "board/model.h"
#include "diagram/spec.h"
#include "draw/canvas.h"
#include "scene/scene.h"

namespace wb::harness {

scene::Scene harness_layout(const diagram::Build& build, const ResolvedBoard& board, const diagram::Harness& harness);

std::string render(const diagram::Build& build, const ResolvedBoard& board, const diagram::Harness& harness,
                   draw::Format format, double scale);

// The key of a wire end as used in terminal tags: "psu.V+" or "board:POWER.1".
std::string end_key(const diagram::WireEnd& end);

// A wire colour: a name (red, black, green, blue, yellow, white, orange,
// brown, grey, purple, pink) or #rrggbb; nullopt when unknown. "green/yellow"
// gives the first colour (the stripe is drawn from the second).
std::optional<draw::Color> wire_color(const std::string& name);

}  // namespace wb::harness
