#pragma once
#include <string>

namespace wb {

// Identifies this build of wirebook: its version and the running binary's
// size and modification time, so caches written by another build of the
// tool are never reused (hashing the whole binary would cost more than a
// small rebuild).
const std::string& tool_identity();

}  // namespace wb
