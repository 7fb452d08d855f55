#pragma once
// A fast 64-bit content hash (FNV-1a) for cache keys and change detection;
// not for security.
#include <cstdint>
#include <string>
#include <string_view>

namespace wb {

class Hasher {
 public:
  Hasher& add(std::string_view data) {
    for (unsigned char c : data) {
      h_ ^= c;
      h_ *= 1099511628211ull;
    }
    // Separate fields so ("ab","c") and ("a","bc") differ.
    h_ ^= 0xff;
    h_ *= 1099511628211ull;
    return *this;
  }
  Hasher& add(uint64_t v) { return add(std::string_view(reinterpret_cast<const char*>(&v), sizeof v)); }
  uint64_t value() const { return h_; }
  std::string hex() const {
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 0; i < 16; ++i) s[15 - i] = digits[(h_ >> (4 * i)) & 15];
    return s;
  }

 private:
  uint64_t h_ = 1469598103934665603ull;
};

}  // namespace wb
