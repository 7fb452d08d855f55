#include "scene/dot_rows.h"

#include <algorithm>
#include <cmath>

namespace wb::scene {
namespace {

// Centres come from board millimetres times a scale: a row's dots agree far
// closer than this, and no two different rows or spacings come this close.
constexpr double kTolerance = 1e-6;

double along(Point p, int axis) { return axis == 0 ? p.x : p.y; }
double across(Point p, int axis) { return axis == 0 ? p.y : p.x; }

// Takes rows of `min_count` or more from the unused centres on lines along
// `axis`, marking their dots used.
void take_rows(const std::vector<Point>& centres, int axis, int min_count, std::vector<bool>& used,
               std::vector<DotRow>& rows) {
  std::vector<size_t> order;
  for (size_t i = 0; i < centres.size(); ++i)
    if (!used[i]) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::make_pair(across(centres[a], axis), along(centres[a], axis)) <
           std::make_pair(across(centres[b], axis), along(centres[b], axis));
  });
  for (size_t begin = 0; begin < order.size();) {
    // One line: the centres within the tolerance of its first one.
    size_t end = begin + 1;
    double line = across(centres[order[begin]], axis);
    while (end < order.size() && across(centres[order[end]], axis) - line < kTolerance) ++end;
    std::sort(order.begin() + begin, order.begin() + end,
              [&](size_t a, size_t b) { return along(centres[a], axis) < along(centres[b], axis); });
    for (size_t i = begin; i + 1 < end;) {
      double step = along(centres[order[i + 1]], axis) - along(centres[order[i]], axis);
      size_t last = i + 1;
      while (last + 1 < end &&
             std::abs(along(centres[order[last + 1]], axis) - along(centres[order[last]], axis) - step) < kTolerance)
        ++last;
      int count = static_cast<int>(last - i + 1);
      if (step < kTolerance || count < min_count) {
        ++i;
        continue;
      }
      Point first = centres[order[i]];
      rows.push_back({first, axis == 0 ? Point{step, 0} : Point{0, step}, count});
      for (size_t k = i; k <= last; ++k) used[order[k]] = true;
      i = last + 1;
    }
    begin = end;
  }
}

}  // namespace

std::vector<DotRow> dot_rows(const std::vector<Point>& centres, int min_count) {
  std::vector<DotRow> rows;
  std::vector<bool> used(centres.size());
  take_rows(centres, 0, std::max(2, min_count), used, rows);
  take_rows(centres, 1, std::max(2, min_count), used, rows);
  for (size_t i = 0; i < centres.size(); ++i)
    if (!used[i]) rows.push_back({centres[i], {0, 0}, 1});
  return rows;
}

}  // namespace wb::scene
