#include "wiring/raster.h"

#include <algorithm>
#include <cmath>

namespace wb::wiring {

Raster::Raster(const Rect& area, double cell)
    : x0_(area.x), y0_(area.y), cell_(cell),
      nx_(std::max(1, static_cast<int>(std::ceil(area.w / cell)))),
      ny_(std::max(1, static_cast<int>(std::ceil(area.h / cell)))),
      v_(static_cast<size_t>(nx_) * ny_, 0),
      sum_(static_cast<size_t>(nx_ + 1) * (ny_ + 1), 0) {}

void Raster::range(const Rect& r, int& i0, int& i1, int& j0, int& j1) const {
  // Cells whose centre x0 + (i + 0.5) * cell lies in [r.x, r.right()].
  i0 = std::max(0, static_cast<int>(std::ceil((r.x - x0_) / cell_ - 0.5)));
  i1 = std::min(nx_ - 1, static_cast<int>(std::floor((r.right() - x0_) / cell_ - 0.5)));
  j0 = std::max(0, static_cast<int>(std::ceil((r.y - y0_) / cell_ - 0.5)));
  j1 = std::min(ny_ - 1, static_cast<int>(std::floor((r.bottom() - y0_) / cell_ - 0.5)));
}

void Raster::mark(const Rect& r) {
  int i0, i1, j0, j1;
  range(r, i0, i1, j0, j1);
  for (int j = j0; j <= j1; ++j)
    for (int i = i0; i <= i1; ++i) v_[static_cast<size_t>(j) * nx_ + i] = 1;
}

void Raster::mark_disc(Point c, double radius) {
  int i0, i1, j0, j1;
  range({c.x - radius, c.y - radius, 2 * radius, 2 * radius}, i0, i1, j0, j1);
  for (int j = j0; j <= j1; ++j)
    for (int i = i0; i <= i1; ++i) {
      Point p = centre(i, j);
      if (std::hypot(p.x - c.x, p.y - c.y) <= radius) v_[static_cast<size_t>(j) * nx_ + i] = 1;
    }
}

void Raster::finish() {
  const size_t w = static_cast<size_t>(nx_) + 1;
  for (int j = 0; j < ny_; ++j) {
    int row = 0;
    for (int i = 0; i < nx_; ++i) {
      row += v_[static_cast<size_t>(j) * nx_ + i];
      sum_[(j + 1) * w + (i + 1)] = sum_[j * w + (i + 1)] + row;
    }
  }
}

double Raster::area(const Rect& r) const {
  int i0, i1, j0, j1;
  range(r, i0, i1, j0, j1);
  if (i0 > i1 || j0 > j1) return 0;
  const size_t w = static_cast<size_t>(nx_) + 1;
  int n = sum_[(j1 + 1) * w + (i1 + 1)] - sum_[j0 * w + (i1 + 1)] - sum_[(j1 + 1) * w + i0] + sum_[j0 * w + i0];
  return n * cell_ * cell_;
}

bool Raster::marked(Point p) const {
  int i = static_cast<int>(std::floor((p.x - x0_) / cell_)), j = static_cast<int>(std::floor((p.y - y0_) / cell_));
  if (i < 0 || j < 0 || i >= nx_ || j >= ny_) return false;
  return v_[static_cast<size_t>(j) * nx_ + i] != 0;
}

}  // namespace wb::wiring
