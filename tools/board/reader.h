#pragma once
// Reads one boards/*.xml file into a Board (templates applied, overlays kept
// as operations). Problems go to Diagnostics with file:line:column.
#include <optional>
#include <string>

#include "board/model.h"

namespace wb {

std::optional<Board> parse_board(const std::string& file, const std::string& text, Diagnostics& diags);
std::optional<Board> read_board(const std::string& file, Diagnostics& diags);

}  // namespace wb
