#include "wiring/router.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

#include "board/geometry.h"
#include "wiring/escape.h"

namespace wb::wiring {
namespace {

constexpr double kMinStep = 4;     // grid step for thin bundles; wide ones use coarser grids
constexpr double kCell = 2;        // raster cell
constexpr double kMargin = geom::kHalf + 1.6;  // band beyond the outermost wires
constexpr double kBend = 30;
constexpr double kBody = 1.6;      // per unit of length the whole band spends on another part
constexpr double kPin = 0.6;       // per unit of pin area under the band
constexpr double kUsedPin = 4;     // the same for pins the build wires (their wires start there)
constexpr double kCross = 2.5;     // per unit of width of a crossed bundle
constexpr double kOffBoard = 0.6;  // per unit of length off the board (cut-outs)
constexpr double kParallel = 25;   // per unit of area shared with an earlier bundle running the same way
constexpr double kReserved = 6;    // per unit of area along the way out of a connector not yet routed
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr long kMaxExpansions = 25000;  // per search


Point shift(Point a, Side d, double by) {
  Point u = unit(d);
  return {a.x + u.x * by, a.y + u.y * by};
}

double edge_along(const Rect& area, Side s) {
  switch (s) {
    case kLeft: return -area.x;
    case kRight: return area.right();
    case kTop: return -area.y;
    default: return area.bottom();
  }
}

}  // namespace

Router::Router(const Layout& L) : area_(L.area) {
  body_ = pins_ = used_pins_ = off_ = along_x_ = along_y_ = reserved_x_ = reserved_y_ = Raster(area_, kCell);
  for (const auto& p : L.board->parts) {
    body_.mark(L.view.to_canvas(p.body()));
    if (p.type == PartType::Switch || p.type == PartType::Button) continue;
    // Pins of connectors the build uses: their own wires will start there.
    bool used = std::any_of(L.bundles.begin(), L.bundles.end(), [&](const Bundle& b) { return b.part == &p; });
    double r = pinout::pin_radius(p, L.view.scale) + 0.6 + geom::kHalf;
    for (int n = 1; n <= p.pin_count(); ++n)
      if (auto at = p.pin_position(n)) (used ? used_pins_ : pins_).mark_disc(L.view.to_canvas(*at), r);
  }
  // Off the board: inside the area but outside the outline (cut-outs).
  std::vector<Point> outline;
  for (const auto& p : L.board->board->outline.points) outline.push_back(L.view.to_canvas(p));
  for (int j = 0; j < off_.ny(); ++j)
    for (int i = 0; i < off_.nx(); ++i)
      if (!point_in_polygon(off_.centre(i, j), outline)) off_.set(i, j);
  for (Raster* r : {&body_, &pins_, &used_pins_, &off_, &along_x_, &along_y_, &reserved_x_, &reserved_y_}) r->finish();
}

void Router::occupy(const std::vector<Point>& centre, double half) {
  double h = half + geom::kHalf + 0.6;
  for (size_t k = 0; k + 1 < centre.size(); ++k) {
    Point a = centre[k], b = centre[k + 1];
    Rect r{std::min(a.x, b.x) - h, std::min(a.y, b.y) - h, std::abs(a.x - b.x) + 2 * h, std::abs(a.y - b.y) + 2 * h};
    (std::abs(a.y - b.y) < 1e-9 ? along_x_ : along_y_).mark(r);
  }
  dirty_ = true;
}

namespace {
// The band around one segment of a wire: `half` to either side, and no
// further than its ends along it.
Rect wire_band(Point a, Point b, double half) {
  bool horizontal = std::abs(a.y - b.y) < 1e-9;
  double hx = horizontal ? 0 : half, hy = horizontal ? half : 0;
  return {std::min(a.x, b.x) - hx, std::min(a.y, b.y) - hy, std::abs(a.x - b.x) + 2 * hx, std::abs(a.y - b.y) + 2 * hy};
}
}  // namespace

void Router::reserve(const std::vector<Point>& wire) {
  for (size_t k = 0; k + 1 < wire.size(); ++k) {
    Point a = wire[k], b = wire[k + 1];
    if (k + 2 == wire.size()) {
      // Stop short of the exit line, where the connector's own bundle sets off.
      double len = std::hypot(b.x - a.x, b.y - a.y), cut = std::min(len, 2 * kCell);
      if (len > 0) b = {b.x - (b.x - a.x) / len * cut, b.y - (b.y - a.y) / len * cut};
    }
    (std::abs(a.y - b.y) < 1e-9 ? reserved_x_ : reserved_y_).mark(wire_band(a, b, geom::kHalf + 0.6));
  }
  dirty_ = true;
}

double Router::occupied(const std::vector<Point>& wire) const {
  double area = 0;
  for (size_t k = 0; k + 1 < wire.size(); ++k)
    area += (std::abs(wire[k].y - wire[k + 1].y) < 1e-9 ? along_x_ : along_y_)
                .area(wire_band(wire[k], wire[k + 1], geom::kHalf));
  return area;
}

double Router::step(Point a, Side d, double half) const {
  const double kStep = step_size_;
  const double band = half + kMargin;
  Point b = shift(a, d, kStep);
  bool hx = moves_along_x(d);
  Rect r = hx ? Rect{std::min(a.x, b.x), a.y - band, kStep, 2 * band}
              : Rect{a.x - band, std::min(a.y, b.y), 2 * band, kStep};
  double cost = kStep;
  cost += kParallel * (hx ? along_x_ : along_y_).area(r);
  cost += kReserved * (hx ? reserved_x_ : reserved_y_).area(r);
  double width = 2 * band;
  cost += kBody * body_.area(r) / width;
  cost += kPin * pins_.area(r) + kUsedPin * used_pins_.area(r);
  cost += kCross * (hx ? along_y_ : along_x_).area(r) / width;
  cost += kOffBoard * off_.area(r) / width;
  return cost;
}

bool Router::inside(Point b, Side d, double half, Side goal, double goal_along, bool& at_goal) const {
  at_goal = d == goal && along(b, goal) >= goal_along - 1e-9;
  bool hx = moves_along_x(d);
  // The wires stay inside the area across the direction of travel...
  if (hx ? (b.y - half < area_.y - 1e-9 || b.y + half > area_.bottom() + 1e-9)
         : (b.x - half < area_.x - 1e-9 || b.x + half > area_.right() + 1e-9))
    return false;
  if (at_goal) return true;
  // ...and along it, except where they leave it at the goal.
  return hx ? b.x >= area_.x && b.x <= area_.right() : b.y >= area_.y && b.y <= area_.bottom();
}

Route Router::route(Point start, Side first, double half, Side goal, double limit) {
  // A plain A* finds the cheapest route; on a crowded board where that takes
  // too long, a greedier search (heuristic weighted up) settles for a good one.
  for (double weight : {1.3, 3.0}) {
    Route r = search(start, first, half, goal, limit, weight);
    if (r.ok || !r.gave_up) return r;
  }
  return {};
}

Route Router::search(Point start, Side first, double half, Side goal, double limit, double weight) {
  Route out;
  if (dirty_) {
    for (Raster* r : {&along_x_, &along_y_, &reserved_x_, &reserved_y_}) r->finish();
    dirty_ = false;
  }
  step_size_ = std::clamp(std::round(half / 4), kMinStep, 8.0);
  const double kStep = step_size_;
  const double goal_along = edge_along(area_, goal);
  auto finish = [&](std::vector<Point> pts) {
    out.centre = simplify(pts);
    out.ok = true;
    for (size_t k = 0; k + 1 < out.centre.size(); ++k)
      out.length += std::abs(out.centre[k + 1].x - out.centre[k].x) + std::abs(out.centre[k + 1].y - out.centre[k].y);
    return out;
  };
  auto onto_goal = [&](Point p) {
    return along_x(goal) ? Point{p.x, goal_along * outward(goal)} : Point{goal_along * outward(goal), p.y};
  };
  if (first == goal && along(start, goal) >= goal_along - 1e-9) return finish({start});

  // Grid nodes start + (i, j) * kStep, covering the area and a step beyond.
  const int i0 = static_cast<int>(std::ceil((area_.x - kStep - start.x) / kStep));
  const int i1 = static_cast<int>(std::floor((area_.right() + kStep - start.x) / kStep));
  const int j0 = static_cast<int>(std::ceil((area_.y - kStep - start.y) / kStep));
  const int j1 = static_cast<int>(std::floor((area_.bottom() + kStep - start.y) / kStep));
  const int ni = i1 - i0 + 1, nj = j1 - j0 + 1;
  if (ni <= 0 || nj <= 0) return out;
  const size_t states = static_cast<size_t>(ni) * nj * 4;
  if (cost_.size() < states) {
    cost_.assign(states, kInf);
    step_.assign(states, kInf);
    parent_.assign(states, -1);
    stamp_.assign(states, 0);
    step_stamp_.assign(states, 0);
  }
  ++run_;
  // Nodes are (i, j) grid indices; (si, sj) is the start.
  const int si = -i0, sj = -j0;
  auto id_of = [&](int i, int j, Side d) { return (static_cast<size_t>(j) * ni + i) * 4 + static_cast<size_t>(d); };
  auto point = [&](int i, int j) { return Point{start.x + (i + i0) * kStep, start.y + (j + j0) * kStep}; };
  auto get_cost = [&](size_t id) { return stamp_[id] == run_ ? cost_[id] : kInf; };
  static constexpr int di[4] = {-1, 1, 0, 0}, dj[4] = {0, 0, -1, 1};  // kLeft, kRight, kTop, kBottom

  const int turn_run = std::max(2, static_cast<int>(std::ceil(2 * half / kStep)));
  const int first_run = std::max(1, static_cast<int>(std::ceil((half + 2) / kStep)));
  auto heuristic = [&](int i, int j, Side d) {
    double rest = std::max(0.0, goal_along - along(point(i, j), goal));
    if (d != goal) rest += d == opposite(goal) ? 2 * kBend : kBend;
    return rest;
  };

  struct Open {
    double f;
    size_t id;
    bool operator<(const Open& o) const { return f != o.f ? f > o.f : id > o.id; }
  };
  std::priority_queue<Open> open;
  double best_goal = limit;
  long goal_parent = -2;  // -1: straight from the start
  Point goal_point;

  // A straight run of `n` steps from (i, j) along d: its cost (kInf when
  // blocked); (i, j) moves to where it ends. Stops early at the goal.
  auto run = [&](int& i, int& j, Side d, int n, bool& at_goal) {
    double c = 0;
    at_goal = false;
    for (int k = 0; k < n; ++k) {
      if (i < 0 || j < 0 || i >= ni || j >= nj) return kInf;
      // Each step is priced once per search; blocked steps cost kInf.
      size_t id = id_of(i, j, d);
      if (step_stamp_[id] != run_) {
        step_stamp_[id] = run_;
        Point b = point(i + di[d], j + dj[d]);
        bool goal_here;
        step_[id] = inside(b, d, half, goal, goal_along, goal_here) ? step(point(i, j), d, half) : kInf;
      }
      if (step_[id] == kInf) return kInf;
      c += step_[id];
      i += di[d], j += dj[d];
      if (d == goal && along(point(i, j), goal) >= goal_along - 1e-9) {
        at_goal = true;
        break;
      }
    }
    return c;
  };
  auto reach = [&](long from, double base, int i, int j, Side d, int n, double extra) {
    bool at_goal;
    double c = run(i, j, d, n, at_goal);
    if (c == kInf) return;
    double total = base + c + extra;
    if (at_goal) {
      if (total < best_goal) best_goal = total, goal_parent = from, goal_point = onto_goal(point(i, j));
      return;
    }
    if (i < 0 || j < 0 || i >= ni || j >= nj) return;
    size_t id = id_of(i, j, d);
    if (total < get_cost(id)) {
      stamp_[id] = run_;
      cost_[id] = total;
      parent_[id] = static_cast<int32_t>(from);
      open.push({total + weight * heuristic(i, j, d), id});
    }
  };

  reach(-1, 0, si, sj, first, first_run, 0);
  long budget = kMaxExpansions;
  while (!open.empty()) {
    Open o = open.top();
    open.pop();
    if (o.f >= best_goal) break;
    double c = get_cost(o.id);
    size_t node = o.id / 4;
    int i = static_cast<int>(node % ni), j = static_cast<int>(node / ni);
    Side d = static_cast<Side>(o.id % 4);
    if (o.f > c + weight * heuristic(i, j, d) + 1e-9) continue;  // stale
    if (--budget < 0) {
      out.gave_up = true;
      break;
    }
    reach(static_cast<long>(o.id), c, i, j, d, 1, 0);
    reach(static_cast<long>(o.id), c, i, j, left_of(d), turn_run, kBend);
    reach(static_cast<long>(o.id), c, i, j, right_of(d), turn_run, kBend);
  }
  if (goal_parent == -2) return out;
  std::vector<Point> pts{goal_point};
  for (long id = goal_parent; id >= 0; id = parent_[static_cast<size_t>(id)]) {
    size_t node = static_cast<size_t>(id) / 4;
    pts.push_back(point(static_cast<int>(node % ni), static_cast<int>(node / ni)));
  }
  pts.push_back(start);
  std::reverse(pts.begin(), pts.end());
  out.cost = best_goal;
  return finish(pts);
}

std::vector<Point> simplify(const std::vector<Point>& pts) {
  std::vector<Point> out;
  for (const auto& p : pts) {
    if (!out.empty() && std::abs(out.back().x - p.x) < 1e-6 && std::abs(out.back().y - p.y) < 1e-6) continue;
    if (out.size() >= 2) {
      const Point &a = out[out.size() - 2], &b = out.back();
      bool colinear = (std::abs(a.x - b.x) < 1e-6 && std::abs(b.x - p.x) < 1e-6) ||
                      (std::abs(a.y - b.y) < 1e-6 && std::abs(b.y - p.y) < 1e-6);
      // Keep reversals: a wire never doubles back on itself, but be safe.
      bool forward = (b.x - a.x) * (p.x - b.x) + (b.y - a.y) * (p.y - b.y) >= 0;
      if (colinear && forward) {
        out.back() = p;
        continue;
      }
    }
    out.push_back(p);
  }
  return out;
}

std::vector<Point> offset_path(const std::vector<Point>& c, Side first, double offset) {
  auto normal = [](Point a, Point b) {
    double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    return len > 0 ? Point{dy / len, -dx / len} : Point{0, 0};
  };
  if (c.size() < 2) {
    Point n = left_normal(first);
    return {Point{c[0].x + n.x * offset, c[0].y + n.y * offset}};
  }
  std::vector<Point> out;
  for (size_t k = 0; k < c.size(); ++k) {
    Point n{0, 0};
    if (k > 0) {
      Point m = normal(c[k - 1], c[k]);
      n.x += m.x, n.y += m.y;
    }
    if (k + 1 < c.size()) {
      Point m = normal(c[k], c[k + 1]);
      // At a corner the two offsets add up; along a straight run they are the same.
      if (k > 0 && std::abs(m.x - n.x) < 1e-9 && std::abs(m.y - n.y) < 1e-9) m = {0, 0};
      n.x += m.x, n.y += m.y;
    }
    out.push_back({c[k].x + n.x * offset, c[k].y + n.y * offset});
  }
  return out;
}

}  // namespace wb::wiring
