#include "wiring/escape.h"

#include <algorithm>
#include <cmath>

#include "board/geometry.h"

namespace wb::wiring {
namespace {

constexpr double kExitMargin = 4;  // from the body edge to the exit line

struct PinAt {
  int n;
  Point at;
  double depth;  // distance behind the exit line
  double perp;   // position across the exit direction
};

double distance_to_segment(Point p, Point a, Point b) {
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

struct Gap {
  double lo = 0, hi = 0;  // the files on either side (outer gaps: only one is real)
  bool outer_lo = false, outer_hi = false;
  int capacity = 0;       // lanes that fit (outer gaps: unlimited)
  int from_lo = 0, from_hi = 0;
  int used() const { return from_lo + from_hi; }
  bool room() const { return outer_lo || outer_hi || used() < capacity; }
};

}  // namespace

double pin_clearance(const Part& part, double scale) {
  // Pin dot, its dark edge, half a wire and a hair of paper between them.
  return pinout::pin_radius(part, scale) + 0.6 + geom::kHalf + 0.6;
}

Escape escape(const Part& part, const std::vector<int>& pins, Side dir, const pinout::BoardView& view) {
  Escape e;
  e.dir = dir;
  if (pins.empty()) return e;
  const double clear = pin_clearance(part, view.scale);
  const double spacing = geom::kSpacing;
  Rect body = view.to_canvas(part.body());
  double exit_along = -1e18;
  for (Point c : {Point{body.x, body.y}, Point{body.right(), body.bottom()}})
    exit_along = std::max(exit_along, along(c, dir));
  exit_along += kExitMargin;

  std::vector<PinAt> all;
  for (int n = 1; n <= part.pin_count(); ++n)
    if (auto p = part.pin_position(n)) {
      Point c = view.to_canvas(*p);
      all.push_back({n, c, exit_along - along(c, dir), across(c, dir)});
    }
  std::vector<double> files;
  for (const auto& p : all) files.push_back(p.perp);
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end(), [](double a, double b) { return std::abs(a - b) < 0.5; }),
              files.end());
  auto file_of = [&](double perp) {
    size_t best = 0;
    for (size_t i = 1; i < files.size(); ++i)
      if (std::abs(files[i] - perp) < std::abs(files[best] - perp)) best = i;
    return best;
  };
  const size_t F = files.size();
  if (F == 0) return e;
  std::vector<Gap> gaps(F + 1);
  for (size_t g = 0; g <= F; ++g) {
    Gap& gap = gaps[g];
    gap.outer_lo = g == 0;
    gap.outer_hi = g == F;
    gap.lo = g > 0 ? files[g - 1] : files[0];
    gap.hi = g < F ? files[g] : files[F - 1];
    if (!gap.outer_lo && !gap.outer_hi) {
      double width = gap.hi - gap.lo;
      gap.capacity = width >= 2 * clear - 0.01 ? 1 + static_cast<int>(std::floor((width - 2 * clear) / spacing + 1e-9)) : 0;
    }
  }

  // The used pins, as given.
  std::vector<const PinAt*> used;
  for (int n : pins) {
    auto it = std::find_if(all.begin(), all.end(), [&](const PinAt& p) { return p.n == n; });
    if (it == all.end()) return e;
    used.push_back(&*it);
  }
  std::vector<double> lane(used.size());
  std::vector<std::vector<Point>> paths(used.size());
  auto point = [&](double perp, double along_pos) {
    return at(dir, perp, along_pos * outward(dir));
  };
  // Pins with nothing between them and the exit go straight out.
  std::vector<size_t> deep;
  for (size_t i = 0; i < used.size(); ++i) {
    const PinAt& p = *used[i];
    bool blocked = std::any_of(all.begin(), all.end(), [&](const PinAt& q) {
      return q.n != p.n && std::abs(q.perp - p.perp) < 0.5 && q.depth < p.depth - 0.5;
    });
    if (blocked) {
      deep.push_back(i);
      continue;
    }
    lane[i] = p.perp;
    paths[i] = {p.at, point(p.perp, exit_along)};
  }
  // The others step into a gap, nearest the exit first; later (deeper) ones
  // take lanes further from their file so that no escape crosses another.
  std::stable_sort(deep.begin(), deep.end(), [&](size_t a, size_t b) {
    return std::make_pair(used[a]->depth, used[a]->perp) < std::make_pair(used[b]->depth, used[b]->perp);
  });
  for (size_t i : deep) {
    const PinAt& p = *used[i];
    size_t f = file_of(p.perp);
    // Gap f is below (lower perp than) file f, gap f + 1 above it.
    size_t below = f, above = f + 1;
    auto inner = [&](size_t g) { return !gaps[g].outer_lo && !gaps[g].outer_hi; };
    size_t pick;
    bool rb = gaps[below].room(), ra = gaps[above].room();
    if (rb && ra) {
      if (inner(below) != inner(above)) pick = inner(below) ? below : above;
      else if (inner(below)) pick = gaps[below].capacity - gaps[below].used() >= gaps[above].capacity - gaps[above].used() ? below : above;
      else pick = gaps[below].used() < gaps[above].used() ? below : above;
    } else if (rb || ra) {
      pick = rb ? below : above;
    } else {
      // Both neighbours are full: the nearest gap with room, across whatever is in between.
      pick = 0;
      double best = 1e18;
      for (size_t g = 0; g <= F; ++g) {
        double d = std::abs(static_cast<double>(g) - (static_cast<double>(f) + 0.5));
        if (gaps[g].room() && d < best) best = d, pick = g;
      }
    }
    Gap& gap = gaps[pick];
    double pos;
    bool from_hi_side = p.perp > gap.hi - 0.5 && !gap.outer_hi;  // the pin's file is the gap's upper file
    if (gap.outer_lo) {
      pos = gap.lo - clear - spacing * gap.from_hi++;
    } else if (gap.outer_hi) {
      pos = gap.hi + clear + spacing * gap.from_lo++;
    } else if (gap.capacity <= 1) {
      pos = (gap.lo + gap.hi) / 2;
      (from_hi_side ? gap.from_hi : gap.from_lo)++;
    } else if (from_hi_side) {
      pos = gap.hi - clear - spacing * gap.from_hi++;
    } else {
      pos = gap.lo + clear + spacing * gap.from_lo++;
    }
    lane[i] = pos;
    paths[i] = {p.at, point(pos, exit_along - p.depth), point(pos, exit_along)};
  }

  // What the escapes cost: pins passed too closely, escapes crossing each other.
  for (size_t i = 0; i < used.size(); ++i) {
    for (size_t k = 0; k + 1 < paths[i].size(); ++k) {
      for (const auto& q : all)
        if (q.n != used[i]->n && distance_to_segment(q.at, paths[i][k], paths[i][k + 1]) < clear - 0.5) e.cost += 1;
      for (size_t j = i + 1; j < used.size(); ++j)
        for (size_t m = 0; m + 1 < paths[j].size(); ++m)
          if (segments_cross(paths[i][k], paths[i][k + 1], paths[j][m], paths[j][m + 1])) e.cost += 1;
    }
  }
  double lo = *std::min_element(lane.begin(), lane.end()), hi = *std::max_element(lane.begin(), lane.end());
  double centre = (lo + hi) / 2;
  Point n = left_normal(dir);
  double n_perp = along_x(dir) ? n.x : n.y;
  e.exit = point(centre, exit_along);
  e.offset.resize(used.size());
  for (size_t i = 0; i < used.size(); ++i) e.offset[i] = (lane[i] - centre) / n_perp;
  e.half_width = (hi - lo) / 2;
  e.paths = std::move(paths);
  e.ok = true;
  return e;
}

}  // namespace wb::wiring
