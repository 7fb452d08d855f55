#pragma once
#include <string>

namespace wb {

// Size, modification time and inode of a file, "" when it is missing. It
// changes whenever the file is edited, replaced or removed, so a recorded
// stamp tells cheaply whether a file is still the one written.
std::string file_stamp(const std::string& path);

}  // namespace wb
