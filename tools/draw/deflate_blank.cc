#include "draw/deflate_blank.h"

#include <algorithm>

namespace wb::draw {

namespace {

// Deflate packs bits from the least significant end of each byte.
class BitWriter {
 public:
  BitWriter(std::string& out, size_t* end) : out_(out), end_(end) {}
  ~BitWriter() { flush(); }

  void bits(uint32_t value, int count) {
    acc_ |= uint64_t(value) << count_;
    count_ += count;
    if (count_ >= 32) {
      put(4);
      acc_ >>= 32;
      count_ -= 32;
    }
  }
  // Huffman codes go most significant bit first, so they are reversed.
  void code(uint32_t code, int length) {
    uint32_t reversed = 0;
    for (int i = 0; i < length; ++i) reversed |= ((code >> i) & 1) << (length - 1 - i);
    bits(reversed, length);
  }
  void align() {
    if (count_ % 8) bits(0, 8 - count_ % 8);
    flush();
  }

 private:
  void put(int bytes) {
    if (out_.size() < *end_ + 8) out_.resize(std::max<size_t>(out_.size() * 2, *end_ + 4096));
    for (int i = 0; i < bytes; ++i) out_[(*end_)++] = char(acc_ >> (8 * i));
  }
  void flush() {
    put((count_ + 7) / 8);
    acc_ = 0;
    count_ = 0;
  }

  std::string& out_;
  size_t* end_;
  uint64_t acc_ = 0;
  int count_ = 0;
};

// The fixed literal/length code of RFC 1951, section 3.2.6.
void symbol(BitWriter& w, int sym) {
  if (sym < 144) w.code(0x30 + sym, 8);
  else if (sym < 256) w.code(0x190 + sym - 144, 9);
  else if (sym < 280) w.code(sym - 256, 7);
  else w.code(0xc0 + sym - 280, 8);
}

// A copy of `length` (3..258) bytes from distance 1, i.e. a run of the last byte.
void repeat_last(BitWriter& w, size_t length) {
  static constexpr int kBase[] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                  31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  static constexpr int kExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                   2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
  int i = 28;
  while (kBase[i] > int(length)) --i;
  symbol(w, 257 + i);
  w.bits(uint32_t(length - kBase[i]), kExtra[i]);
  w.code(0, 5);  // distance code 0: distance 1, no extra bits
}

}  // namespace

void deflate_blank_rows(std::string& out, size_t* end, uint8_t type, size_t zeros, size_t rows) {
  BitWriter w(out, end);
  w.bits(0, 1);  // not the final block
  w.bits(1, 2);  // fixed Huffman codes
  for (size_t r = 0; r < rows; ++r) {
    symbol(w, type);
    size_t left = zeros;
    if (left > 0) symbol(w, 0), --left;
    for (; left >= 3; left -= std::min<size_t>(left, 258)) repeat_last(w, std::min<size_t>(left, 258));
    for (; left > 0; --left) symbol(w, 0);
  }
  symbol(w, 256);  // end of block
  // Empty stored block: header bits, padding to a byte, LEN 0 and NLEN 0xffff.
  w.bits(0, 3);
  w.align();
  out.resize(std::max(out.size(), *end + 4));
  for (char c : {'\0', '\0', '\xff', '\xff'}) out[(*end)++] = c;
}

}  // namespace wb::draw
