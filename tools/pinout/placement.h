#pragma once
// One-dimensional label placement: put intervals as close as possible to
// where they want to be (least squares) without overlapping, keeping their
// order. Used to stack label tables along each side of the board.
#include <vector>

namespace wb::pinout {

struct Interval {
  double ideal;  // wanted start
  double size;
};

// Returns the start of each interval. Intervals must be sorted by ideal
// start; `gap` separates neighbours; starts stay within [lo, hi - size] when
// they fit.
std::vector<double> place_intervals(const std::vector<Interval>& items, double gap, double lo, double hi);

}  // namespace wb::pinout
