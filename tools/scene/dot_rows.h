#pragma once
// Finds rows of evenly spaced dots, such as the pins of a header, so that
// the renderer can draw each row as one dashed line of zero-length dashes
// with round caps: four numbers for the row instead of four per dot. That
// is most of what cairo's PDF and SVG writers spend on a board's pins.
#include <vector>

#include "board/model.h"

namespace wb::scene {

// `count` dots at first, first + step, first + 2 * step, ...
struct DotRow {
  Point first;
  Point step;
  int count = 1;
};

// Every centre in exactly one row. Rows run along x or along y, hold at
// least `min_count` dots at one spacing, and take dots greedily from the
// top-left; a dot in no such row is a row of one (step {0, 0}).
std::vector<DotRow> dot_rows(const std::vector<Point>& centres, int min_count = 3);

}  // namespace wb::scene
