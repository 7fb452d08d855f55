#pragma once
// Checks one resolved board: ids, pins, function classes, shared MCU pins,
// references between parts, and the geometry (outline and overlaps).
#include "board/model.h"

namespace wb {

void validate(const ResolvedBoard& board, Diagnostics& diags);

}  // namespace wb
