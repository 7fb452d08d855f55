#pragma once
// Routes a bundle of parallel wires across the board, from the exit line of
// its connector to the board edge on the side of its component box: an A*
// search on a grid anchored at the bundle's start, over (node, direction)
// states. A step costs its length, plus extra for the share of the bundle's
// band that covers other parts' bodies or pins or crosses an earlier bundle;
// running along an earlier bundle is not allowed, so bundles never lie on
// top of each other. A turn costs a bend and is followed by a straight run at
// least as long as the bundle is wide, so the wires of a bundle stay
// parallel through every corner.
#include <cstdint>
#include <vector>

#include "wiring/model.h"
#include "wiring/raster.h"

namespace wb::wiring {

struct Route {
  bool ok = false;
  std::vector<Point> centre;  // start -> on the goal edge; corners only
  double cost = 0;
  double length = 0;
  bool gave_up = false;  // the search ran out of time, not out of routes
};

class Router {
 public:
  explicit Router(const Layout& layout);
  // A band whose outermost wires are `half` from its centre line, from
  // `start` leaving towards `first`, to the edge of the routing area on `goal`.
  // Running along an earlier bundle is allowed only where nothing else gets
  // through, at a high price.
  // Gives up once it is clear that the route would cost `limit` or more.
  Route route(Point start, Side first, double half, Side goal, double limit = 1e300);
  // Keeps later bundles from running along this one.
  void occupy(const std::vector<Point>& centre, double half);
  // Asks bundles routed before a connector's own to keep clear of the lanes
  // its wires will take out of it (they may still cross them).
  void reserve(const std::vector<Point>& wire);
  // How much of these wire paths runs along bundles already routed (area).
  double occupied(const std::vector<Point>& wire) const;

 private:
  Route search(Point start, Side first, double half, Side goal, double limit, double weight);
  double step(Point a, Side d, double half) const;
  bool inside(Point b, Side d, double half, Side goal, double goal_along, bool& at_goal) const;

  Rect area_;
  double step_size_ = 4;
  bool dirty_ = false;  // bundles marked since the last prefix sums
  Raster body_, pins_, used_pins_, off_, along_x_, along_y_, reserved_x_, reserved_y_;
  // Search state, reused between calls.
  std::vector<double> cost_, step_;
  std::vector<int32_t> parent_;
  std::vector<uint32_t> stamp_, step_stamp_;
  uint32_t run_ = 0;
};

// The centre line of a bundle moved sideways by `offset` (left of travel):
// the path of one of its wires. A single point stays where it is, moved along
// the left normal of `first`.
std::vector<Point> offset_path(const std::vector<Point>& centre, Side first, double offset);

// Drops repeated points and points in the middle of a straight run.
std::vector<Point> simplify(const std::vector<Point>& pts);

}  // namespace wb::wiring
