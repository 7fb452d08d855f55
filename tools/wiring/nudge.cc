// The last touch on the wire paths: two wires that run side by side closer
// than a wire is wide (where a bundle's way out of its connector meets a
// bundle routed earlier, or a track meets a drop) are pushed apart by moving
// one inner segment sideways; its neighbours stretch or shrink, so the path
// stays orthogonal and keeps its ends.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "board/geometry.h"
#include "wiring/steps.h"

namespace wb::wiring {
namespace {

constexpr double kMinGap = 4.5;  // centre to centre: a wire with its edges, and a hair
constexpr int kRounds = 20;

bool horizontal(Point a, Point b) { return std::abs(a.y - b.y) < 1e-9; }

// For two segments running the same way: the gap from the first to the
// second across them (signed) and the length they share along them.
bool facing(Point p, Point q, Point r, Point t, double& gap, double& shared) {
  bool h1 = horizontal(p, q), h2 = horizontal(r, t);
  bool v1 = std::abs(p.x - q.x) < 1e-9, v2 = std::abs(r.x - t.x) < 1e-9;
  if (!((h1 && h2 && !v1 && !v2) || (v1 && v2 && !h1 && !h2))) return false;
  gap = h1 ? r.y - p.y : r.x - p.x;
  double lo1 = h1 ? std::min(p.x, q.x) : std::min(p.y, q.y), hi1 = h1 ? std::max(p.x, q.x) : std::max(p.y, q.y);
  double lo2 = h1 ? std::min(r.x, t.x) : std::min(r.y, t.y), hi2 = h1 ? std::max(r.x, t.x) : std::max(r.y, t.y);
  shared = std::min(hi1, hi2) - std::max(lo1, lo2);
  return true;
}

bool too_close(Point p, Point q, Point r, Point t) {
  double gap, shared;
  return facing(p, q, r, t, gap, shared) && std::abs(gap) < kMinGap && shared > 1.0;
}

// 1/-1 along x, 2/-2 along y.
int heading(Point a, Point b) { return horizontal(a, b) ? (b.x > a.x ? 1 : -1) : (b.y > a.y ? 2 : -2); }

void shift(std::vector<Point>& path, size_t k, double by) {
  bool h = horizontal(path[k], path[k + 1]);
  for (size_t i : {k, k + 1}) (h ? path[i].y : path[i].x) += by;
}

}  // namespace

void nudge_wires(Layout& L) {
  auto& wires = L.wires;
  // After a move of segment k of wire w: do its neighbours still run the way
  // they did, and are the three segments clear of every other wire?
  auto acceptable = [&](size_t w, size_t k, int before, int after) {
    const auto& path = wires[w].path;
    if (heading(path[k - 1], path[k]) != before || heading(path[k + 1], path[k + 2]) != after) return false;
    for (const auto& box : L.boxes)
      if (box.component != wires[w].component)
        for (size_t s = k - 1; s <= k + 1; ++s)
          if (segment_hits_rect(path[s], path[s + 1], box.rect)) return false;
    for (size_t o = 0; o < wires.size(); ++o) {
      if (o == w) continue;
      const auto& other = wires[o].path;
      for (size_t m = 0; m + 1 < other.size(); ++m)
        for (size_t s = k - 1; s <= k + 1; ++s)
          if (too_close(path[s], path[s + 1], other[m], other[m + 1])) return false;
    }
    return true;
  };
  // Moves segment k of wire w to a line clear of a segment `from` away
  // across it: the near side first, a little further, then the far side.
  auto move_clear = [&](size_t w, size_t k, double from) {
    auto& path = wires[w].path;
    if (k < 1 || k + 2 >= path.size()) return false;  // the ends stay on the box and the pin
    int before = heading(path[k - 1], path[k]), after = heading(path[k + 1], path[k + 2]);
    double side = from >= 0 ? 1 : -1;
    for (double s : {side, -side})
      for (double extra : {0.5, 2.0, 3.5, 5.0, 6.5}) {
        std::vector<Point> keep = path;
        shift(path, k, s * (kMinGap + extra) - from);
        if (acceptable(w, k, before, after)) return true;
        path = keep;
      }
    return false;
  };
  for (int round = 0; round < kRounds; ++round) {
    bool moved = false, stuck = false;
    for (size_t a = 0; a < wires.size(); ++a)
      for (size_t b = a + 1; b < wires.size(); ++b)
        for (size_t i = 0; i + 1 < wires[a].path.size(); ++i)
          for (size_t j = 0; j + 1 < wires[b].path.size(); ++j) {
            const auto &pa = wires[a].path, &pb = wires[b].path;
            double gap, shared;
            if (!facing(pa[i], pa[i + 1], pb[j], pb[j + 1], gap, shared) || std::abs(gap) >= kMinGap || shared <= 1.0)
              continue;
            // gap runs from a's line to b's: b moves off a's line, or a off b's.
            bool done = move_clear(b, j, gap) || move_clear(a, i, -gap);
            moved = moved || done;
            stuck = stuck || !done;
          }
    if (!moved || !stuck) break;
  }
}

}  // namespace wb::wiring
