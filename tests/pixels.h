#pragma once
// Reading back PNG output in tests.
#include <cairo.h>

#include <cstdint>
#include <string>

namespace wbtest {

// Decodes with libpng (through cairo), which checks CRCs and the zlib
// adler32; fails the test on a broken file. The caller destroys the surface.
cairo_surface_t* decode_png(const std::string& png);
// RGB of a pixel as 0xRRGGBB.
uint32_t pixel(cairo_surface_t* s, int x, int y);
// Largest difference of any colour channel between two pixels.
int channel_distance(uint32_t a, uint32_t b);

}  // namespace wbtest
