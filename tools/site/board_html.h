#pragma once
// HTML made from board data for pages bound to a board (front matter
// `board: octopus-pro@v1.1`): the pin table and pin references.
#include <string>

#include "board/model.h"
#include "diagram/spec.h"

namespace wb::site {

std::string pin_table_html(const ResolvedBoard& board);
// "HE0 (PA2)" for a connector whose one MCU-wired pin is PA2; "DRIVER3 EN (PA2)"
// for a driver signal; nullopt (with a reason) when the reference is unknown.
std::optional<std::string> pin_reference(const ResolvedBoard& board, const std::string& ref, std::string& why);

// The build's wiring checklist (one line per component) and jumper table,
// made from the same model as the diagrams.
std::string checklist_html(const diagram::Build& build, const ResolvedBoard& board);
std::string jumper_table_html(const diagram::Build& build, const ResolvedBoard& board);

}  // namespace wb::site
