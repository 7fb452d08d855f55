#include "draw/deflate.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace wb::draw {

namespace {

constexpr uint32_t kCopy = 0x80000000u;
constexpr size_t kMinCopy = 3;  // deflate's shortest copy
constexpr int kMaxBits = 15, kMaxCodeLengthBits = 7;

// Length codes 257..285: base lengths and extra bits (RFC 1951, 3.2.5).
constexpr int kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr int kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
// Distance codes 0..29.
constexpr int kDistanceBase[30] = {1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                   33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                   1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr int kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// Order in which the code-length code's lengths are sent.
constexpr int kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

struct LengthTable {
  uint8_t code[259] = {};  // length -> index into kLengthBase
  constexpr LengthTable() {
    for (int len = 3, i = 0; len <= 258; ++len) {
      while (i < 28 && kLengthBase[i + 1] <= len) ++i;
      code[len] = uint8_t(len == 258 ? 28 : i);
    }
  }
};
constexpr LengthTable kLengthCode;

// Distance -> code, as in zlib: direct for 1..256, by 128s above.
struct DistanceTable {
  uint8_t small[257] = {}, large[256] = {};
  constexpr DistanceTable() {
    for (int d = 1, c = 0; d <= 32768; ++d) {
      while (c < 29 && kDistanceBase[c + 1] <= d) ++c;
      if (d <= 256) small[d] = uint8_t(c);
      else large[(d - 1) >> 7] = uint8_t(c);
    }
  }
  constexpr int of(size_t d) const { return d <= 256 ? small[d] : large[(d - 1) >> 7]; }
};
constexpr DistanceTable kDistanceCode;

uint32_t load32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

uint64_t load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Huffman code lengths for the given frequencies, none longer than max_bits.
// When the optimal tree is too deep, frequencies are halved (staying above
// zero) until it fits; that flattens the tree and always terminates. Ties
// are broken by symbol, so the result is deterministic.
void huffman_lengths(const uint32_t* freq, int n, int max_bits, uint8_t* lengths) {
  std::vector<uint32_t> f(freq, freq + n);
  std::vector<int> leaves;
  for (;;) {
    std::fill(lengths, lengths + n, 0);
    leaves.clear();
    for (int s = 0; s < n; ++s)
      if (f[s]) leaves.push_back(s);
    size_t m = leaves.size();
    if (m == 0) return;
    if (m == 1) {
      lengths[leaves[0]] = 1;
      return;
    }
    std::sort(leaves.begin(), leaves.end(), [&](int x, int y) { return f[x] != f[y] ? f[x] < f[y] : x < y; });
    // Two-queue construction: leaves in weight order, then internal nodes,
    // which are created in weight order too.
    std::vector<uint64_t> weight(2 * m - 1);
    std::vector<size_t> parent(2 * m - 1);
    for (size_t i = 0; i < m; ++i) weight[i] = f[leaves[i]];
    size_t leaf = 0, inner = m, next = m;
    auto take = [&] { return (leaf < m && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++; };
    for (; next < 2 * m - 1; ++next) {
      size_t x = take(), y = take();
      weight[next] = weight[x] + weight[y];
      parent[x] = parent[y] = next;
    }
    std::vector<int> depth(2 * m - 1, 0);
    int deepest = 0;
    for (size_t k = 2 * m - 2; k-- > 0;) depth[k] = depth[parent[k]] + 1;
    for (size_t i = 0; i < m; ++i) deepest = std::max(deepest, depth[i]);
    if (deepest <= max_bits) {
      for (size_t i = 0; i < m; ++i) lengths[leaves[i]] = uint8_t(depth[i]);
      return;
    }
    for (uint32_t& x : f)
      if (x) x = (x + 1) / 2;
  }
}

// Canonical codes from lengths (RFC 1951, 3.2.2), bit-reversed because
// deflate sends Huffman codes most significant bit first.
void canonical_codes(const uint8_t* lengths, int n, uint16_t* codes) {
  int count[kMaxBits + 1] = {}, next[kMaxBits + 2] = {};
  for (int s = 0; s < n; ++s) count[lengths[s]]++;
  count[0] = 0;
  for (int bits = 1; bits <= kMaxBits; ++bits) next[bits + 1] = (next[bits] + count[bits]) << 1;
  for (int s = 0; s < n; ++s) {
    int len = lengths[s];
    if (!len) continue;
    uint32_t code = uint32_t(next[len]++), reversed = 0;
    for (int i = 0; i < len; ++i) reversed |= ((code >> i) & 1) << (len - 1 - i);
    codes[s] = uint16_t(reversed);
  }
}

// Makes sure a code has at least two symbols, so that every tree is complete
// (some decoders reject the one-symbol case).
void at_least_two(uint32_t* freq, int n) {
  int used = 0;
  for (int s = 0; s < n; ++s) used += freq[s] != 0;
  for (int s = 0; s < n && used < 2; ++s)
    if (!freq[s]) freq[s] = 1, ++used;
}

}  // namespace

// Deflate packs bits from the least significant end. Bits that do not fill
// a 32-bit word yet stay in the deflater between blocks (blocks are not
// byte-aligned). The caller reserves room, so writes need no bounds checks.
class RunDeflater::BitWriter {
 public:
  explicit BitWriter(RunDeflater& d) : d_(d), at_(d.out_->data() + *d.end_), acc_(d.acc_), fill_(d.fill_) {}
  ~BitWriter() {
    *d_.end_ = size_t(at_ - d_.out_->data());
    d_.acc_ = acc_;
    d_.fill_ = fill_;
  }
  void put(uint32_t value, int count) {
    acc_ |= uint64_t(value) << fill_;
    fill_ += count;
    if (fill_ >= 32) {
      uint32_t word = uint32_t(acc_);
      for (int i = 0; i < 4; ++i) *at_++ = char(word >> (8 * i));
      acc_ >>= 32;
      fill_ -= 32;
    }
  }
  // Pads with zero bits to a byte boundary and writes out everything.
  void align() {
    for (; fill_ > 0; fill_ -= 8, acc_ >>= 8) *at_++ = char(acc_);
    fill_ = 0;
    acc_ = 0;
  }
  void byte(char c) { *at_++ = c; }

 private:
  // Copies of the deflater's state, so the compiler can keep them in
  // registers (writes through char* could alias members).
  RunDeflater& d_;
  char* at_;
  uint64_t acc_;
  int fill_;
};

void RunDeflater::reset(std::string* out, size_t* end) {
  out_ = out;
  end_ = end;
  tokens_.clear();
  tokens_.reserve(kBlockTokens);
  std::fill(std::begin(lit_freq_), std::end(lit_freq_), 0);
  std::fill(std::begin(dist_freq_), std::end(dist_freq_), 0);
  a_ = 1;
  b_ = 0;
  position_ = 0;
  // Reset per piece so the output depends only on this piece's data.
  table_.assign(size_t(1) << kHashBits, 0);
  acc_ = 0;
  fill_ = 0;
}

void RunDeflater::reserve(size_t bytes) {
  if (out_->size() < *end_ + bytes) out_->resize(std::max(out_->size() * 2, *end_ + bytes));
}

void RunDeflater::literal(uint8_t v) {
  tokens_.push_back(v);
  lit_freq_[v]++;
  if (tokens_.size() == kBlockTokens) emit_block(false);
}

// Copies of `length` bytes in all from the same distance, split into pieces
// of 3..258 bytes (never leaving a remainder of 1 or 2).
void RunDeflater::copies(size_t length, size_t distance) {
  int dist_code = kDistanceCode.of(distance);
  while (length > 0) {
    size_t piece = std::min<size_t>(length, 258);
    if (length > 258 && length - 258 < 3) piece = length - 3;
    tokens_.push_back(kCopy | uint32_t(distance) << 9 | uint32_t(piece));
    lit_freq_[257 + kLengthCode.code[piece]]++;
    dist_freq_[dist_code]++;
    if (tokens_.size() == kBlockTokens) emit_block(false);
    length -= piece;
  }
}

void RunDeflater::write(const uint8_t* d, size_t n) {
  // adler32 sums without reduction: within one call (at most one image row
  // or 64 KB) they stay far below 2^64.
  uint64_t a = a_, b = b_;
  const uint32_t base = position_;
  size_t i = 0;
  while (i < n) {
    uint8_t v = d[i];
    size_t length = 0, distance = 0;
    if (i > 0 && v == d[i - 1]) {
      // A run of one byte value (zeros, mostly): copies from distance 1.
      size_t j = i;
      const uint64_t pattern = 0x0101010101010101ull * v;
      while (j + 8 <= n && load64(d + j) == pattern) j += 8;
      while (j < n && d[j] == v) ++j;
      length = j - i, distance = 1;
    }
    if (length < kMinCopy && i >= 3 && v == d[i - 3]) {
      // A repeated pixel: copies from distance 3.
      size_t j = i;
      while (j + 8 <= n && load64(d + j) == load64(d + j - 3)) j += 8;
      while (j < n && d[j] == d[j - 3]) ++j;
      length = j - i, distance = 3;
    }
    if (length < kMinCopy && i + 4 <= n) {
      // The last place these four bytes were seen (text repeats letters).
      uint32_t key = load32(d + i);
      uint32_t& slot = table_[(key * 2654435761u) >> (32 - kHashBits)];
      uint32_t seen = slot;
      slot = base + uint32_t(i);
      // Only earlier in this call's data (stale or empty slots fall outside),
      // and within the decoder's 32 KB window.
      if (seen >= base && seen < base + i && base + i - seen <= 32768 && load32(d + (seen - base)) == key) {
        const uint8_t* from = d + (seen - base);
        size_t j = 4, limit = std::min<size_t>(258, n - i);
        // Eight bytes at a time; the first differing byte (the lowest on a
        // little-endian machine) ends the match.
        for (; std::endian::native == std::endian::little && j + 8 <= limit; j += 8) {
          uint64_t diff = load64(from + j) ^ load64(d + i + j);
          if (diff) {
            j += size_t(__builtin_ctzll(diff)) / 8;
            break;
          }
        }
        if (j + 8 > limit)
          while (j < limit && from[j] == d[i + j]) ++j;
        length = j, distance = base + i - seen;
      }
    }
    if (length >= kMinCopy) {
      copies(length, distance);
      if (distance == 1) {
        b += length * a + uint64_t(v) * length * (length + 1) / 2;
        a += uint64_t(v) * length;
      } else {
        for (size_t k = i; k < i + length; ++k) a += d[k], b += a;
      }
      i += length;
      continue;
    }
    literal(v);
    a += v;
    b += a;
    ++i;
  }
  a_ = a % 65521;
  b_ = b % 65521;
  position_ += uint32_t(n);
}

void RunDeflater::finish(bool final) {
  emit_block(final);
  reserve(16);
  BitWriter w(*this);
  if (!final) {
    // An empty stored block: 3 header bits, padding, LEN = 0, NLEN = 0xffff.
    w.put(0, 3);
    w.align();
    for (char c : {'\0', '\0', '\xff', '\xff'}) w.byte(c);
  }
  w.align();
}

// One block with dynamic Huffman codes (RFC 1951, 3.2.7) for the pending tokens.
void RunDeflater::emit_block(bool final) {
  lit_freq_[256] = 1;  // end of block
  at_least_two(lit_freq_, 286);
  at_least_two(dist_freq_, 30);
  uint8_t lengths[286 + 30];
  uint8_t* lit_len = lengths;
  uint8_t* dist_len = lengths + 286;
  huffman_lengths(lit_freq_, 286, kMaxBits, lit_len);
  huffman_lengths(dist_freq_, 30, kMaxBits, dist_len);
  uint16_t lit_code[286] = {}, dist_code[30] = {};
  canonical_codes(lit_len, 286, lit_code);
  canonical_codes(dist_len, 30, dist_code);
  int hlit = 286, hdist = 30;
  while (hlit > 257 && !lit_len[hlit - 1]) --hlit;
  while (hdist > 1 && !dist_len[hdist - 1]) --hdist;

  // The code lengths, run-length coded: 16 repeats the previous length 3-6
  // times, 17 and 18 give 3-10 and 11-138 zeros.
  uint8_t all[286 + 30];
  int total = 0;
  for (int s = 0; s < hlit; ++s) all[total++] = lit_len[s];
  for (int s = 0; s < hdist; ++s) all[total++] = dist_len[s];
  struct ClSymbol {
    uint8_t sym, extra, extra_bits;
  };
  std::vector<ClSymbol> cl;
  uint32_t cl_freq[19] = {};
  for (int i = 0; i < total;) {
    int v = all[i], run = 1;
    while (i + run < total && all[i + run] == v) ++run;
    i += run;
    if (v == 0) {
      for (; run >= 11; run -= std::min(run, 138)) cl.push_back({18, uint8_t(std::min(run, 138) - 11), 7});
      if (run >= 3) cl.push_back({17, uint8_t(run - 3), 3}), run = 0;
    } else {
      cl.push_back({uint8_t(v), 0, 0}), --run;
      for (; run >= 3; run -= std::min(run, 6)) cl.push_back({16, uint8_t(std::min(run, 6) - 3), 2});
    }
    for (; run > 0; --run) cl.push_back({uint8_t(v), 0, 0});
  }
  for (const ClSymbol& c : cl) cl_freq[c.sym]++;
  at_least_two(cl_freq, 19);
  uint8_t cl_len[19];
  uint16_t cl_code[19] = {};
  huffman_lengths(cl_freq, 19, kMaxCodeLengthBits, cl_len);
  canonical_codes(cl_len, 19, cl_code);
  int hclen = 19;
  while (hclen > 4 && !cl_len[kCodeLengthOrder[hclen - 1]]) --hclen;

  // At most 15 + 5 + 15 bits per token, plus the header.
  reserve(tokens_.size() * 5 + 1024);
  BitWriter w(*this);
  w.put(final ? 1 : 0, 1);
  w.put(2, 2);  // dynamic Huffman codes
  w.put(uint32_t(hlit - 257), 5);
  w.put(uint32_t(hdist - 1), 5);
  w.put(uint32_t(hclen - 4), 4);
  for (int i = 0; i < hclen; ++i) w.put(cl_len[kCodeLengthOrder[i]], 3);
  for (const ClSymbol& c : cl) {
    w.put(cl_code[c.sym], cl_len[c.sym]);
    if (c.extra_bits) w.put(c.extra, c.extra_bits);
  }
  for (uint32_t t : tokens_) {
    if (!(t & kCopy)) {
      w.put(lit_code[t], lit_len[t]);
      continue;
    }
    int length = int(t & 0x1ff), distance = int(t >> 9 & 0xffff), li = kLengthCode.code[length];
    int di = kDistanceCode.of(size_t(distance));
    w.put(lit_code[257 + li], lit_len[257 + li]);
    if (kLengthExtra[li]) w.put(uint32_t(length - kLengthBase[li]), kLengthExtra[li]);
    w.put(dist_code[di], dist_len[di]);
    if (kDistanceExtra[di]) w.put(uint32_t(distance - kDistanceBase[di]), kDistanceExtra[di]);
  }
  w.put(lit_code[256], lit_len[256]);

  tokens_.clear();
  std::fill(std::begin(lit_freq_), std::end(lit_freq_), 0);
  std::fill(std::begin(dist_freq_), std::end(dist_freq_), 0);
}

}  // namespace wb::draw
