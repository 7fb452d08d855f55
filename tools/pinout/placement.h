#pragma once
// One-dimensional label placement: put intervals as close as possible to
// where they want to be (least squares) without overlapping, keeping their
// order. Used to stack label tables along each side of the board.
#include <vector>

#include "board/model.h"

namespace wb::pinout {

struct Interval {
  double ideal;  // wanted start
  double size;
};

// Returns the start of each interval. Intervals must be sorted by ideal
// start; `gap` separates neighbours; starts stay within [lo, hi - size] when
// they fit.
std::vector<double> place_intervals(const std::vector<Interval>& items, double gap, double lo, double hi);

// Label tables along one edge of the board (0 left, 1 right, 2 top, 3 bottom,
// the order of the layouts' Side enums), `gutter` away from it: each as near
// its wanted centre (along the edge) as it can be, in the given order. Top
// and bottom rows stay within the board's width; left and right columns may
// run past its ends. Returns each table's rectangle.
struct TableSize {
  double width, height, centre;
};
std::vector<Rect> place_along_edge(int edge, const Rect& board, const std::vector<TableSize>& tables, double gutter,
                                   double gap);

}  // namespace wb::pinout
