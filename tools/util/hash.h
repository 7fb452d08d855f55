#pragma once
// A fast 64-bit content hash for cache keys and change detection; not for
// security, and not stable across wirebook versions (caches are keyed by
// the tool's identity anyway). Eight bytes per step: page texts and
// rendered pages are hashed on every build.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace wb {

class Hasher {
 public:
  Hasher& add(std::string_view data) {
    const char* p = data.data();
    size_t n = data.size();
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      mix(w);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    // The length closes each field, so ("ab","c") and ("a","bc") differ.
    mix(tail);
    mix(data.size());
    return *this;
  }
  Hasher& add(uint64_t v) {
    mix(v);
    return *this;
  }
  uint64_t value() const {
    uint64_t h = h_;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  }
  std::string hex() const {
    static const char* digits = "0123456789abcdef";
    uint64_t v = value();
    std::string s(16, '0');
    for (int i = 0; i < 16; ++i) s[15 - i] = digits[(v >> (4 * i)) & 15];
    return s;
  }

 private:
  void mix(uint64_t w) {
    h_ = (h_ ^ w) * 0x9e3779b97f4a7c15ull;
    h_ ^= h_ >> 29;
  }
  uint64_t h_ = 0x243f6a8885a308d3ull;
};

}  // namespace wb
