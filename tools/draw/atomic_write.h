#pragma once
// Writing output files so that readers never see a half-written file.
#include <string>

namespace wb::draw {

// Writes `bytes` to a temporary file in the same directory as `path`, then
// renames it over `path` (atomic within one file system). On failure returns
// false with a message in *error (when error is not null) and leaves no
// temporary file behind. The new file gets mode 0644.
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string* error);

}  // namespace wb::draw
