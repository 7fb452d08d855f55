#include "draw/png.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

#include "draw/deflate_blank.h"

namespace wb::draw {

namespace {

// Rows are grouped into strips of about this many raw bytes. Each strip is
// deflated on its own (possibly on another thread) and the pieces joined into
// one zlib stream. The split depends only on the image size, so the output
// is the same whatever the number of threads.
constexpr size_t kStripBytes = 1 << 20;
// Runs of at least this many blank rows skip zlib (see deflate_blank.h); a
// shorter run is not worth the flush around it.
constexpr int kMinBlankRun = 2;
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

// adler32 after `n` more zero bytes, in constant time: the byte sum is
// unchanged and the sum of sums grows by n times the byte sum.
uLong adler32_zeros(uLong adler, size_t n) {
  constexpr uLong kBase = 65521;
  uLong a = adler & 0xffff, b = adler >> 16;
  b = (b + (n % kBase) * a) % kBase;
  return (b << 16) | a;
}

// One scanline: the filter-type byte then R, G, B per pixel. Filter Up (the
// difference with the row above) turns flat areas and vertical runs into
// zeros, which deflate handles fastest; the first row has no row above.
void filter_row(const uint32_t* row, const uint32_t* above, int width, uint8_t* out) {
  *out++ = above ? kFilterUp : kFilterNone;
  for (int x = 0; x < width; ++x) {
    uint32_t v = above ? sub_bytes(row[x], above[x]) : row[x];
    out[0] = uint8_t(v >> 16);
    out[1] = uint8_t(v >> 8);
    out[2] = uint8_t(v);
    out += 3;
  }
}

struct Strip {
  std::string deflated;  // raw deflate data, byte-aligned at the end
  uLong adler = 1;       // adler32 of the strip's filtered bytes
  size_t raw_size = 0;
};

// Filters and deflates strips one after another. It keeps its zlib state and
// row buffer from one strip to the next: allocating them afresh costs page
// faults that show up in the timings.
class StripEncoder {
 public:
  StripEncoder(const unsigned char* data, int width, int stride)
      : data_(data), width_(width), stride_(stride), row_bytes_(size_t(width) * 3 + 1) {
    // Level 1 with the default strategy: several times faster than the
    // default level on these images for a file only slightly larger. Raw
    // deflate (no zlib header): the strips are joined under one header.
    if (deflateInit2(&z_, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::bad_alloc();
    batch_rows_ = static_cast<int>(std::max<size_t>(1, kBatchBytes / row_bytes_));
    buf_.resize(row_bytes_ * size_t(batch_rows_));
  }
  ~StripEncoder() { deflateEnd(&z_); }
  StripEncoder(const StripEncoder&) = delete;
  StripEncoder& operator=(const StripEncoder&) = delete;

  // Filters rows [y0, y1) and deflates them, a few rows at a time so the
  // filtered bytes stay in cache. All strips but the last end with a full
  // flush: that leaves the output byte-aligned without a final block, and
  // since each strip starts with no history, the pieces concatenate into one
  // valid deflate stream (as pigz does). Runs of blank rows are written by
  // hand between full flushes of zlib.
  void encode(int y0, int y1, bool last, Strip& strip) {
    deflateReset(&z_);
    out_ = &strip.deflated;
    end_ = 0;
    zlib_has_input_ = false;
    batched_ = 0;
    uLong& adler = strip.adler;
    for (int y = y0; y < y1;) {
      int blank = blank_rows(y, y1);
      if (blank >= kMinBlankRun) {
        if (batched_ > 0 || zlib_has_input_) deflate_batch(Z_FULL_FLUSH);
        deflate_blank_rows(*out_, &end_, kFilterUp, row_bytes_ - 1, size_t(blank));
        for (int i = 0; i < blank; ++i) adler = adler32_zeros(adler32(adler, &kFilterUp, 1), row_bytes_ - 1);
        y += blank;
        continue;
      }
      uint8_t* out = buf_.data() + row_bytes_ * size_t(batched_);
      if (blank == 1) {
        out[0] = kFilterUp;
        std::memset(out + 1, 0, row_bytes_ - 1);
        adler = adler32_zeros(adler32(adler, out, 1), row_bytes_ - 1);
      } else {
        filter_row(row(y), y > 0 ? row(y - 1) : nullptr, width_, out);
        adler = adler32(adler, out, static_cast<uInt>(row_bytes_));
      }
      if (++batched_ == batch_rows_) deflate_batch(Z_NO_FLUSH);
      ++y;
    }
    if (last) deflate_batch(Z_FINISH);  // also when empty: the stream needs a final block
    else if (batched_ > 0 || zlib_has_input_) deflate_batch(Z_FULL_FLUSH);
    strip.deflated.resize(end_);
    strip.raw_size = row_bytes_ * size_t(y1 - y0);
  }

 private:
  static constexpr size_t kBatchBytes = 64 * 1024;

  const uint32_t* row(int y) const { return reinterpret_cast<const uint32_t*>(data_ + size_t(y) * stride_); }

  // How many rows from y on (before y1) are identical to the row above.
  int blank_rows(int y, int y1) const {
    int n = 0;
    while (y + n < y1 && y + n > 0 && std::memcmp(row(y + n), row(y + n - 1), size_t(width_) * 4) == 0) ++n;
    return n;
  }

  // Gives zlib the batched rows; with a flush, until it has written everything out.
  void deflate_batch(int flush) {
    z_.next_in = buf_.data();
    z_.avail_in = static_cast<uInt>(row_bytes_ * size_t(batched_));
    batched_ = 0;
    std::string& out = *out_;
    for (;;) {
      if (out.size() - end_ < 4096) out.resize(std::max<size_t>(out.size() * 2, 65536));
      z_.next_out = reinterpret_cast<Bytef*>(out.data() + end_);
      z_.avail_out = static_cast<uInt>(out.size() - end_);
      int status = deflate(&z_, flush);
      if (status == Z_STREAM_ERROR) throw std::runtime_error("deflate failed");
      end_ = out.size() - z_.avail_out;
      // Finished once all input is taken and, when flushing, output had room to spare.
      if (flush == Z_FINISH ? status == Z_STREAM_END : (z_.avail_in == 0 && z_.avail_out != 0)) break;
    }
    zlib_has_input_ = flush == Z_NO_FLUSH;
  }

  const unsigned char* data_;
  int width_, stride_;
  size_t row_bytes_;
  int batch_rows_;
  std::vector<uint8_t> buf_;
  z_stream z_{};
  // State of the strip being encoded.
  std::string* out_ = nullptr;
  size_t end_ = 0;       // bytes of *out_ in use
  int batched_ = 0;      // rows waiting in buf_
  bool zlib_has_input_ = false;  // since its last flush
};

}  // namespace

std::string encode_png(const unsigned char* data, int width, int height, int stride, unsigned threads) {
  if (width <= 0 || height <= 0) throw std::invalid_argument("PNG image must not be empty");
  size_t row_bytes = size_t(width) * 3 + 1;
  int rows_per_strip = static_cast<int>(std::max<size_t>(1, kStripBytes / row_bytes));
  int strip_count = (height + rows_per_strip - 1) / rows_per_strip;
  std::vector<Strip> strips(strip_count);

  // Workers take strips in turn; each result lands in its own slot, so the
  // order of completion does not matter.
  std::atomic<int> next{0};
  auto work = [&] {
    StripEncoder encoder(data, width, stride);
    for (int i; (i = next.fetch_add(1)) < strip_count;) {
      int y0 = i * rows_per_strip;
      encoder.encode(y0, std::min(height, y0 + rows_per_strip), i == strip_count - 1, strips[i]);
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, strip_count);
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

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

}  // namespace wb::draw
