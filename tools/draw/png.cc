#include "draw/png.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "draw/deflate.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define WB_PNG_SSSE3 1
#endif

namespace wb::draw {

namespace {

// Rows are grouped into strips of about this many raw bytes. Each strip is
// deflated on its own (possibly on another thread) and the pieces joined into
// one zlib stream. The split depends only on the image size, so the output
// is the same whatever the number of threads.
constexpr size_t kStripBytes = 1 << 20;
constexpr uint8_t kFilterNone = 0, kFilterUp = 2;

void put32(std::string& out, uint32_t v) {
  const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  out.append(b, 4);
}

void chunk(std::string& out, const char* type, const char* data, size_t size) {
  put32(out, static_cast<uint32_t>(size));
  size_t start = out.size();
  out.append(type, 4);
  out.append(data, size);
  uLong crc = crc32(0, reinterpret_cast<const Bytef*>(out.data() + start), static_cast<uInt>(size + 4));
  put32(out, static_cast<uint32_t>(crc));
}

// Byte-wise a - b of four packed bytes at once (SWAR): PNG filters work modulo 256 per byte.
inline uint32_t sub_bytes(uint32_t a, uint32_t b) {
  return ((a | 0x80808080u) - (b & 0x7f7f7f7fu)) ^ ((a ^ ~b) & 0x80808080u);
}

// Filter Up and repacking 0xXXRRGGBB words into R, G, B bytes, for `width`
// pixels. `above` may be null (first row: no filter).
void filter_up_scalar(const uint32_t* pixels, const uint32_t* above, int width, uint8_t* out) {
  for (int x = 0; x < width; ++x) {
    uint32_t v = above ? sub_bytes(pixels[x], above[x]) : pixels[x];
    out[0] = uint8_t(v >> 16);
    out[1] = uint8_t(v >> 8);
    out[2] = uint8_t(v);
    out += 3;
  }
}

#ifdef WB_PNG_SSSE3
// The same, four pixels per step with SSSE3 (every x86-64 CPU since 2006 has
// it, but the default target does not assume it): about four times faster.
// Each step stores 16 bytes of which 12 count, so `out` needs 4 bytes of room
// past the row.
__attribute__((target("ssse3"))) void filter_up_ssse3(const uint32_t* pixels, const uint32_t* above, int width,
                                                      uint8_t* out) {
  const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  int x = 0;
  for (; x + 4 <= width; x += 4) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(pixels + x));
    if (above) v = _mm_sub_epi8(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(above + x)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 3 * x), _mm_shuffle_epi8(v, order));
  }
  filter_up_scalar(pixels + x, above ? above + x : nullptr, width - x, out + 3 * x);
}
#endif

void filter_up(const uint32_t* pixels, const uint32_t* above, int width, uint8_t* out) {
#ifdef WB_PNG_SSSE3
  static const bool ssse3 = __builtin_cpu_supports("ssse3");
  if (ssse3) return filter_up_ssse3(pixels, above, width, out);
#endif
  filter_up_scalar(pixels, above, width, out);
}

struct Strip {
  std::string deflated;  // raw deflate data, byte-aligned at the end
  uLong adler = 1;       // adler32 of the strip's filtered bytes
  size_t raw_size = 0;
};

// Filters and deflates strips one after another, reusing its buffers.
class StripEncoder {
 public:
  StripEncoder(int width, int stride) : width_(width), stride_(stride), row_bytes_(size_t(width) * 3 + 1) {
    batch_rows_ = static_cast<int>(std::max<size_t>(1, kBatchBytes / row_bytes_));
    buf_.resize(row_bytes_ * size_t(batch_rows_) + 16);  // room for filter_up's last store
  }

  // The pixels of rows [first, ...) are at `data` from now on.
  void set_rows(const unsigned char* data, int first) {
    data_ = data;
    first_ = first;
  }

  // Filters rows [y0, y1) and deflates them, a few rows at a time so the
  // filtered bytes stay in cache. All strips but the last end byte-aligned
  // without a final block, and since no strip refers to another's data, the
  // pieces concatenate into one valid deflate stream (as in pigz).
  void encode(int y0, int y1, bool last, Strip& strip) {
    size_t end = 0;
    deflater_.reset(&strip.deflated, &end);
    for (int y = y0; y < y1; y += batch_rows_) {
      int n = std::min(batch_rows_, y1 - y);
      for (int i = 0; i < n; ++i) filter_row(y + i, buf_.data() + row_bytes_ * size_t(i));
      deflater_.write(buf_.data(), row_bytes_ * size_t(n));
    }
    deflater_.finish(last);
    strip.deflated.resize(end);
    strip.adler = deflater_.adler();
    strip.raw_size = row_bytes_ * size_t(y1 - y0);
  }

 private:
  static constexpr size_t kBatchBytes = 64 * 1024;

  const uint32_t* row(int y) const { return reinterpret_cast<const uint32_t*>(data_ + size_t(y - first_) * stride_); }

  // One scanline: the filter-type byte then R, G, B per pixel. Filter Up (the
  // difference with the row above) turns flat areas and vertical runs into
  // zeros; the first row has no row above.
  void filter_row(int y, uint8_t* out) const {
    const uint32_t* pixels = row(y);
    const uint32_t* above = y > 0 ? row(y - 1) : nullptr;
    *out++ = above ? kFilterUp : kFilterNone;
    if (above && std::memcmp(pixels, above, size_t(width_) * 4) == 0) {
      std::memset(out, 0, size_t(width_) * 3);  // a blank row, common in diagrams
      return;
    }
    filter_up(pixels, above, width_, out);
  }

  const unsigned char* data_ = nullptr;
  int first_ = 0;
  int width_, stride_;
  size_t row_bytes_;
  int batch_rows_;
  std::vector<uint8_t> buf_;
  RunDeflater deflater_;
};

// Strips go to workers in turn; each result lands in its own slot, so the
// order of completion does not matter. `prepare(worker, strip)` returns the
// encoder to use, with its rows set.
template <typename Prepare>
std::vector<Strip> encode_strips(int count, unsigned threads, const Prepare& prepare,
                                 const std::function<void(int, StripEncoder&, Strip&)>& encode) {
  std::vector<Strip> strips(count);
  std::atomic<int> next{0};
  auto work = [&](unsigned worker) {
    for (int i; (i = next.fetch_add(1)) < count;) encode(i, prepare(worker, i), strips[i]);
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, count);
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
  return strips;
}

int rows_per_strip(int width) {
  return static_cast<int>(std::max<size_t>(1, kStripBytes / (size_t(width) * 3 + 1)));
}

std::string assemble(int width, int height, const std::vector<Strip>& strips) {
  // zlib stream: header (deflate, 32K window, "fastest" level hint), the
  // strips, then the adler32 of all filtered bytes.
  std::string z = "\x78\x01";
  uLong adler = 1;
  for (const Strip& s : strips) {
    z += s.deflated;
    adler = adler32_combine(adler, s.adler, static_cast<z_off_t>(s.raw_size));
  }
  put32(z, static_cast<uint32_t>(adler));

  std::string png("\x89PNG\r\n\x1a\n", 8);
  char ihdr[13];
  for (int i = 0; i < 4; ++i) {
    ihdr[i] = char(uint32_t(width) >> (24 - 8 * i));
    ihdr[4 + i] = char(uint32_t(height) >> (24 - 8 * i));
  }
  ihdr[8] = 8;   // bits per channel
  ihdr[9] = 2;   // colour type: RGB
  ihdr[10] = 0;  // compression: deflate
  ihdr[11] = 0;  // filter method: adaptive (per-row type byte)
  ihdr[12] = 0;  // no interlacing
  chunk(png, "IHDR", ihdr, sizeof ihdr);
  // A chunk holds at most 2^31-1 bytes; split the stream over several IDATs if needed.
  constexpr size_t kMaxChunk = size_t(1) << 30;
  for (size_t at = 0; at < z.size(); at += kMaxChunk)
    chunk(png, "IDAT", z.data() + at, std::min(kMaxChunk, z.size() - at));
  chunk(png, "IEND", "", 0);
  return png;
}

}  // namespace

std::string encode_png(const unsigned char* data, int width, int height, int stride, unsigned threads) {
  if (width <= 0 || height <= 0) throw std::invalid_argument("PNG image must not be empty");
  const int rows = rows_per_strip(width);
  const int count = (height + rows - 1) / rows;
  std::vector<StripEncoder> encoders;
  for (unsigned t = 0; t < std::max(1u, threads == 0 ? std::thread::hardware_concurrency() : threads); ++t)
    encoders.emplace_back(width, stride);
  auto prepare = [&](unsigned worker, int) -> StripEncoder& {
    encoders[worker].set_rows(data, 0);
    return encoders[worker];
  };
  auto strips = encode_strips(count, unsigned(encoders.size()), prepare, [&](int i, StripEncoder& e, Strip& s) {
    int y0 = i * rows;
    e.encode(y0, std::min(height, y0 + rows), i == count - 1, s);
  });
  return assemble(width, height, strips);
}

std::string encode_png_bands(int width, int height, const BandFiller& fill, unsigned threads) {
  if (width <= 0 || height <= 0) throw std::invalid_argument("PNG image must not be empty");
  const int rows = rows_per_strip(width);
  const int count = (height + rows - 1) / rows;
  const int stride = width * 4;
  unsigned workers = std::max(1u, threads == 0 ? std::thread::hardware_concurrency() : threads);
  // Each worker holds one strip and the row above it (filter Up needs it).
  struct Worker {
    std::vector<unsigned char> pixels;
    StripEncoder encoder;
  };
  std::vector<Worker> pool;
  for (unsigned t = 0; t < workers; ++t) pool.push_back({{}, StripEncoder(width, stride)});
  auto prepare = [&](unsigned worker, int i) -> StripEncoder& {
    Worker& w = pool[worker];
    if (w.pixels.empty()) w.pixels.resize(size_t(stride) * size_t(rows + 1));
    int y0 = i * rows, y1 = std::min(height, y0 + rows);
    int first = y0 > 0 ? y0 - 1 : 0;
    fill(first, y1, w.pixels.data(), stride);
    w.encoder.set_rows(w.pixels.data(), first);
    return w.encoder;
  };
  auto strips = encode_strips(count, workers, prepare, [&](int i, StripEncoder& e, Strip& s) {
    int y0 = i * rows;
    e.encode(y0, std::min(height, y0 + rows), i == count - 1, s);
  });
  return assemble(width, height, strips);
}

}  // namespace wb::draw
