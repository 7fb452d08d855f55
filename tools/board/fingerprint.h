#pragma once
// A stable hash of everything a drawing of a resolved board can show: used
// as the cache key of diagrams, so changing one revision's pin re-renders
// that revision's diagrams only.
#include <string>

#include "board/model.h"

namespace wb {

std::string fingerprint(const ResolvedBoard& board);

}  // namespace wb
