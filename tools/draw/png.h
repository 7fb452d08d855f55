#pragma once
// A PNG encoder tuned for speed on diagram-like images (large flat areas).
// cairo_surface_write_to_png goes through libpng at zlib's default level and
// takes several hundred milliseconds for a 3200x2000 image; this one filters
// with Up, compresses with RunDeflater (deflate.h) and spreads horizontal
// strips over threads.
#include <functional>
#include <string>

namespace wb::draw {

// Encodes an opaque image held as cairo RGB24 (or ARGB32, whose alpha is then
// ignored) pixels: `height` rows of `width` native-endian 0xXXRRGGBB words,
// `stride` bytes apart. Returns the bytes of an 8-bit RGB PNG without any
// time or text chunk. The output depends only on the pixels, never on the
// number of threads (`threads` = 0 means one per core) or their timing.
std::string encode_png(const unsigned char* data, int width, int height, int stride, unsigned threads = 0);

// Writes rows [y0, y1) of the image into `pixels` (RGB24 words as above,
// `stride` bytes apart, row y0 first). May be called from several threads
// at once, for different rows.
using BandFiller = std::function<void(int y0, int y1, unsigned char* pixels, int stride)>;

// The same PNG as encode_png, for an image that is never whole in memory:
// each thread asks `fill` for a strip of rows at a time (about 1 MB) into
// one buffer it reuses. A large diagram then touches a few megabytes of
// memory instead of tens, and new memory is what costs most here.
std::string encode_png_bands(int width, int height, const BandFiller& fill, unsigned threads = 0);

}  // namespace wb::draw
