#pragma once
// Makes cairo's SVG output reproducible.
#include <string>
#include <string_view>

namespace wb::draw {

// cairo 1.16 names some SVG elements after process-wide counters: the page
// group is id="surfaceN" with N the surface's global unique id, and image,
// pattern and recording-surface ids work the same way. Drawing the same thing
// twice in one process therefore gives different bytes. This renames every
// id of the form <letters><digits> (e.g. surface12, image3, clip2) to
// <letters><k>, k counting first appearances per prefix from 1, and rewrites
// the references to it ("#id" in href attributes and url(#id)). Other ids,
// such as the per-document glyph0-1, are already deterministic and kept.
std::string renumber_svg_ids(std::string_view svg);

}  // namespace wb::draw
