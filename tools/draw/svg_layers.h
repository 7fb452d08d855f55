#pragma once
// Stacks two SVG documents that cairo drew on canvases of the same size.
#include <optional>
#include <string>
#include <string_view>

namespace wb::draw {

// One document showing `above` drawn over `below`: above's header and
// definitions, then below's elements, then above's. cairo writes each drawing
// operation as elements of their own, so this is byte for byte the document
// that drawing both on one surface would give.
//
// `below` must need no definitions (plain shapes: no text, clip or pattern),
// and both must have the shape of cairo 1.16's output with its ids renumbered
// (renumber_svg_ids): the <svg> line, an optional <defs> block, then one
// <g id="surface1"> holding every element. Otherwise the result is empty and
// the caller draws the whole document on one surface instead.
std::optional<std::string> stack_svg_layers(std::string_view below, std::string_view above);

}  // namespace wb::draw
