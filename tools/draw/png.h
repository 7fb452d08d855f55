#pragma once
// A PNG encoder tuned for speed on diagram-like images (large flat areas).
// cairo_surface_write_to_png goes through libpng at zlib's default level and
// takes several hundred milliseconds for a 3200x2000 image; this one filters
// with Up, compresses with RunDeflater (deflate.h) and spreads horizontal
// strips over threads.
#include <string>

namespace wb::draw {

// Encodes an opaque image held as cairo RGB24 (or ARGB32, whose alpha is then
// ignored) pixels: `height` rows of `width` native-endian 0xXXRRGGBB words,
// `stride` bytes apart. Returns the bytes of an 8-bit RGB PNG without any
// time or text chunk. The output depends only on the pixels, never on the
// number of threads (`threads` = 0 means one per core) or their timing.
std::string encode_png(const unsigned char* data, int width, int height, int stride, unsigned threads = 0);

}  // namespace wb::draw
