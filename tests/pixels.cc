#include "pixels.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace wbtest {

cairo_surface_t* decode_png(const std::string& png) {
  struct Reader {
    const std::string& data;
    size_t at = 0;
  } reader{png};
  auto read = [](void* closure, unsigned char* out, unsigned int n) {
    auto* r = static_cast<Reader*>(closure);
    if (r->at + n > r->data.size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(out, r->data.data() + r->at, n);
    r->at += n;
    return CAIRO_STATUS_SUCCESS;
  };
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read, &reader);
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  return s;
}

uint32_t pixel(cairo_surface_t* s, int x, int y) {
  auto row = cairo_image_surface_get_data(s) + size_t(y) * cairo_image_surface_get_stride(s);
  return reinterpret_cast<const uint32_t*>(row)[x] & 0xffffff;
}

int channel_distance(uint32_t a, uint32_t b) {
  int d = 0;
  for (int shift : {0, 8, 16}) d = std::max(d, std::abs(int(a >> shift & 0xff) - int(b >> shift & 0xff)));
  return d;
}

}  // namespace wbtest
