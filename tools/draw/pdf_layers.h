#pragma once
// Stacks two one-page PDF documents that cairo drew on canvases of the same
// size, so that a diagram can be written as two halves on two cores.
#include <optional>
#include <string>
#include <string_view>

namespace wb::draw {

// `above` with the page content of `below` painted first: below's content
// becomes a form XObject with its own resources (so that no names clash),
// above's page paints it and then its own content, and the cross-reference
// table is rebuilt. Text stays in above's order, as readers extract it.
//
// below's resources must refer to no other object (plain shapes: no text,
// image or pattern), both documents must have one page of one size, and
// both must have the shape of cairo 1.16's output. Otherwise the result is
// empty and the caller draws the whole document on one surface instead.
std::optional<std::string> stack_pdf_layers(std::string_view below, std::string_view above);

}  // namespace wb::draw
