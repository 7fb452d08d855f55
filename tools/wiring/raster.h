#pragma once
// A coarse grid of values over the board with prefix sums, so that the
// router can ask "how much of this rectangle is part body / pin / another
// bundle" in constant time.
#include <vector>

#include "board/model.h"

namespace wb::wiring {

class Raster {
 public:
  Raster() = default;
  Raster(const Rect& area, double cell);
  // Sets cells whose centre lies in r (or within `radius` of c) to 1.
  void mark(const Rect& r);
  void mark_disc(Point c, double radius);
  // Recomputes the prefix sums after marking.
  void finish();
  // Marked area inside r: the number of marked cells whose centre lies in r, times the cell area.
  double area(const Rect& r) const;
  bool marked(Point p) const;
  double cell() const { return cell_; }
  Point centre(int i, int j) const { return {x0_ + (i + 0.5) * cell_, y0_ + (j + 0.5) * cell_}; }
  int nx() const { return nx_; }
  int ny() const { return ny_; }
  void set(int i, int j) { v_[static_cast<size_t>(j) * nx_ + i] = 1; }

 private:
  void range(const Rect& r, int& i0, int& i1, int& j0, int& j1) const;
  double x0_ = 0, y0_ = 0, cell_ = 1;
  int nx_ = 0, ny_ = 0;
  std::vector<unsigned char> v_;
  std::vector<int> sum_;  // (nx + 1) * (ny + 1)
};

}  // namespace wb::wiring
