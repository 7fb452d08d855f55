// Routing every bundle from its connector to the board edge on its box's side.
#include <algorithm>
#include <cmath>

#include "wiring/escape.h"
#include "wiring/router.h"
#include "wiring/steps.h"

namespace wb::wiring {
namespace {

constexpr double kEscapePenalty = 60;  // per pin an escape passes too closely
constexpr size_t kWide = 6;            // a bundle of this many wires is routed before the narrow ones

double edge_distance(const Rect& body, const Rect& area, Side s) {
  switch (s) {
    case kLeft: return body.x - area.x;
    case kRight: return area.right() - body.right();
    case kTop: return body.y - area.y;
    default: return area.bottom() - body.bottom();
  }
}

struct Choice {
  Escape esc;
  Route route;
  double total = 0;
};

}  // namespace

void route_bundles(Layout& L) {
  Router router(L);
  std::vector<Side> side_of(L.build->components.size(), kBottom);
  for (const auto& b : L.boxes) side_of[b.component] = b.side;
  // Wide bundles first (they fit through the fewest gaps), then short trips
  // (they have the least choice of way).
  std::vector<size_t> order(L.bundles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](size_t i) {
    const Bundle& b = L.bundles[i];
    double distance = edge_distance(L.view.to_canvas(b.part->body()), L.area, side_of[b.component]);
    return std::make_pair(b.wires.size() >= kWide ? 0 : 1, distance);
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  // Every connector's way out towards its box, kept clear of the bundles routed before it.
  for (const auto& b : L.bundles) {
    std::vector<int> pins;
    for (int w : b.wires) pins.push_back(L.wires[w].pin);
    Escape esc = escape(*b.part, pins, side_of[b.component], L.view);
    for (const auto& path : esc.paths) router.reserve(path);
  }

  for (size_t bi : order) {
    Bundle& b = L.bundles[bi];
    Side goal = side_of[b.component];
    std::vector<int> pins;
    for (int w : b.wires) pins.push_back(L.wires[w].pin);
    // Out towards the box first, then sideways; backwards only when nothing else works.
    const Side dirs[] = {goal, left_of(goal), right_of(goal), opposite(goal)};
    Choice best;
    bool found = false;
    for (Side d : dirs) {
      if (found && d == opposite(goal)) break;
      Escape esc = escape(*b.part, pins, d, L.view);
      if (!esc.ok) continue;
      // Lanes out of the connector that lie along an earlier bundle are as bad as pins in the way.
      for (const auto& path : esc.paths) esc.cost += router.occupied(path) / 10;
      // Only a route that beats the best so far is worth finding.
      double limit = found ? best.total - kEscapePenalty * esc.cost : 1e300;
      if (limit <= 0) continue;
      Route r = router.route(esc.exit, d, esc.half_width, goal, limit);
      if (!r.ok) continue;
      double total = r.cost + kEscapePenalty * esc.cost;
      if (!found || total < best.total) best = {esc, r, total}, found = true;
      // Straight out towards the box with nothing in the way: nothing can beat it.
      if (d == goal && esc.cost == 0 && r.cost <= r.length + 1e-6) break;
    }
    if (!found) {
      // Nothing fits (a bundle wider than the board): straight out, regardless.
      best.esc = escape(*b.part, pins, goal, L.view);
      if (!best.esc.ok) continue;
      Point e = best.esc.exit;
      Point end = along_x(goal) ? Point{e.x, goal == kTop ? L.area.y : L.area.bottom()}
                                : Point{goal == kLeft ? L.area.x : L.area.right(), e.y};
      best.route.centre = {e, end};
      best.route.ok = true;
    }
    for (size_t i = 0; i < b.wires.size(); ++i) {
      WireRun& w = L.wires[b.wires[i]];
      std::vector<Point> lane = offset_path(best.route.centre, best.esc.dir, best.esc.offset[i]);
      std::vector<Point> path = best.esc.paths[i];
      path.insert(path.end(), lane.begin(), lane.end());
      w.board_path = simplify(path);
      w.drop = across(w.board_path.back(), goal);
      router.occupy(best.esc.paths[i], 0);
    }
    router.occupy(best.route.centre, best.esc.half_width);
  }
}

}  // namespace wb::wiring
