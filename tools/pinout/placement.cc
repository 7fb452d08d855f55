#include "pinout/placement.h"

#include <algorithm>
#include <limits>

namespace wb::pinout {

std::vector<double> place_intervals(const std::vector<Interval>& items, double gap, double lo, double hi) {
  // Clusters of touching intervals; each sits where the mean of its members'
  // wishes puts it, which minimises the summed squared displacement.
  struct Cluster {
    size_t first, last;   // member range
    double start, length, wish_sum;
  };
  std::vector<double> offset(items.size());
  std::vector<Cluster> clusters;
  auto settle = [&](Cluster& c) {
    double count = static_cast<double>(c.last - c.first + 1);
    c.start = c.wish_sum / count;
    if (hi - lo >= c.length) c.start = std::clamp(c.start, lo, hi - c.length);
    else c.start = lo;
  };
  for (size_t i = 0; i < items.size(); ++i) {
    offset[i] = 0;
    Cluster c{i, i, items[i].ideal, items[i].size, items[i].ideal};
    settle(c);
    clusters.push_back(c);
    while (clusters.size() > 1) {
      Cluster& b = clusters.back();
      Cluster& a = clusters[clusters.size() - 2];
      if (a.start + a.length + gap <= b.start) break;
      // Merge b into a: b's members sit after a's, shifted by a.length + gap.
      double shift = a.length + gap;
      for (size_t k = b.first; k <= b.last; ++k) offset[k] += shift;
      a.wish_sum += b.wish_sum - shift * static_cast<double>(b.last - b.first + 1);
      a.length += gap + b.length;
      a.last = b.last;
      clusters.pop_back();
      settle(clusters.back());
    }
  }
  std::vector<double> starts(items.size());
  for (const auto& c : clusters)
    for (size_t k = c.first; k <= c.last; ++k) starts[k] = c.start + offset[k];
  return starts;
}

std::vector<Rect> place_along_edge(int edge, const Rect& board, const std::vector<TableSize>& tables, double gutter,
                                   double gap) {
  const bool row = edge >= 2;
  std::vector<Interval> items;
  for (const auto& t : tables) {
    double size = row ? t.width : t.height;
    items.push_back({t.centre - size / 2, size});
  }
  const double inf = std::numeric_limits<double>::infinity();
  auto starts = row ? place_intervals(items, gap, board.x, board.right()) : place_intervals(items, gap, -inf, inf);
  std::vector<Rect> out;
  for (size_t i = 0; i < tables.size(); ++i) {
    double w = tables[i].width, h = tables[i].height;
    switch (edge) {
      case 0: out.push_back({board.x - gutter - w, starts[i], w, h}); break;
      case 1: out.push_back({board.right() + gutter, starts[i], w, h}); break;
      case 2: out.push_back({starts[i], board.y - gutter - h, w, h}); break;
      default: out.push_back({starts[i], board.bottom() + gutter, w, h}); break;
    }
  }
  return out;
}

}  // namespace wb::pinout
