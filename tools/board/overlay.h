#pragma once
// Applies a revision and an MCU variant to a board's base part list.
#include <optional>
#include <string>

#include "board/model.h"

namespace wb {

// mcu_id may be empty (no variant). Unknown ids and overlays that name parts,
// pins or signals that do not exist are reported; the result is still
// returned when possible so that later checks can run.
std::optional<ResolvedBoard> resolve(const Board& board, const std::string& revision_id, const std::string& mcu_id,
                                     Diagnostics& diags);

}  // namespace wb
