#pragma once
// A whole file mapped read-only into memory. Reading a large cache file this
// way costs a page fault per 64 KB or so, where read() into a fresh buffer
// costs one per 4 KB page plus the copy. The mapping stays valid after the
// file is replaced by rename (it keeps the old file).
#include <string_view>

namespace wb {

class MappedFile {
 public:
  MappedFile() = default;
  explicit MappedFile(const char* path);  // empty() when it cannot be read
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }
  bool empty() const { return size_ == 0; }

 private:
  void* addr_ = nullptr;
  size_t size_ = 0;
};

}  // namespace wb
