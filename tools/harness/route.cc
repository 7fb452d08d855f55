// Wire routing for the harness diagram. Layers stand in columns; the channel
// left of layer c is channel c, the one right of the last layer is channel
// L+1. A wire between neighbouring layers runs out of its row, along its own
// vertical track in the channel between them, and into the other row; a wire
// within a layer loops through the channel beside it; a wire that skips
// layers drops to a lane below every box. Tracks in a channel are ordered to
// cross as few other wires as possible. Labels sit beside the nodes, in the
// label zones either side of the tracks.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "board/geometry.h"
#include "harness/layout.h"

namespace wb::harness {
namespace {

enum Kind { kStraight, kAdjacent, kLoop, kBypass };

struct Plan {
  Kind kind = kAdjacent;
  int first = -1, last = -1;  // channels of the vertical runs
  double t_first = 0, t_last = 0, lane = 0;
};

double end_y(const Layout& L, const End& e) {
  const Node& n = L.nodes[e.node];
  const Row& r = n.rows[e.row];
  int k = std::max(1, r.wires[e.side]);
  return n.box.y + r.top + r.h / 2 + (e.slot - (k - 1) / 2.0) * style::kWireSep;
}

std::vector<Point> path_of(const Route& r, const Plan& p) {
  Point a = r.a.at, b = r.b.at;
  switch (p.kind) {
    case kStraight: return {a, b};
    case kAdjacent:
    case kLoop: return {a, {p.t_first, a.y}, {p.t_first, b.y}, b};
    case kBypass: return {a, {p.t_first, a.y}, {p.t_first, p.lane}, {p.t_last, p.lane}, {p.t_last, b.y}, b};
  }
  return {a, b};
}

// Two segments on one line sharing more than a point: one wire would hide the other.
bool collinear_overlap(Point a, Point b, Point c, Point d) {
  const double eps = 1e-6;
  if (std::abs(a.y - b.y) < eps && std::abs(c.y - d.y) < eps && std::abs(a.y - c.y) < 3) {
    double lo = std::max(std::min(a.x, b.x), std::min(c.x, d.x)), hi = std::min(std::max(a.x, b.x), std::max(c.x, d.x));
    return hi - lo > 0.5;
  }
  if (std::abs(a.x - b.x) < eps && std::abs(c.x - d.x) < eps && std::abs(a.x - c.x) < 3) {
    double lo = std::max(std::min(a.y, b.y), std::min(c.y, d.y)), hi = std::min(std::max(a.y, b.y), std::max(c.y, d.y));
    return hi - lo > 0.5;
  }
  return false;
}

// Crossings count 1, wires running on top of each other 100.
int crossings(const std::vector<Point>& p, const std::vector<Point>& q) {
  int n = 0;
  for (size_t i = 0; i + 1 < p.size(); ++i)
    for (size_t j = 0; j + 1 < q.size(); ++j) {
      n += segments_cross(p[i], p[i + 1], q[j], q[j + 1]) ? 1 : 0;
      n += collinear_overlap(p[i], p[i + 1], q[j], q[j + 1]) ? 100 : 0;
    }
  return n;
}

}  // namespace

void route_wires(Layout& L, double zone) {
  int last = 0;
  for (const auto& n : L.nodes) last = std::max(last, n.layer);
  // Equal widths within a layer, so the edges the wires meet line up.
  std::vector<double> layer_w(last + 1, 0);
  for (const auto& n : L.nodes) layer_w[n.layer] = std::max(layer_w[n.layer], n.w);
  for (auto& n : L.nodes) n.box.w = layer_w[n.layer];

  // The wires on one side of a row leave it in the order of where they go,
  // top to bottom, so that they need not cross each other.
  std::map<std::tuple<int, int, int>, std::vector<std::pair<double, End*>>> sides;
  for (auto& r : L.routes) {
    auto partner_y = [&](const End& e) { return L.nodes[e.node].box.y + L.nodes[e.node].rows[e.row].top; };
    sides[{r.a.node, r.a.row, r.a.side}].push_back({partner_y(r.b), &r.a});
    sides[{r.b.node, r.b.row, r.b.side}].push_back({partner_y(r.a), &r.b});
  }
  for (auto& [key, ends] : sides) {
    std::stable_sort(ends.begin(), ends.end(), [](const auto& u, const auto& v) { return u.first < v.first; });
    for (size_t k = 0; k < ends.size(); ++k) ends[k].second->slot = static_cast<int>(k);
  }

  std::vector<Plan> plans(L.routes.size());
  std::vector<std::vector<std::pair<int, bool>>> runs(last + 2);  // channel -> (route, is first run)
  for (size_t i = 0; i < L.routes.size(); ++i) {
    Route& r = L.routes[i];
    r.a.at.y = end_y(L, r.a);
    r.b.at.y = end_y(L, r.b);
    int la = L.nodes[r.a.node].layer, lb = L.nodes[r.b.node].layer;
    Plan& p = plans[i];
    if (la == lb) {
      p.kind = kLoop;
      p.first = r.a.side == 0 ? la : la + 1;
    } else if (lb == la + 1) {
      p.kind = std::abs(r.a.at.y - r.b.at.y) < 0.5 ? kStraight : kAdjacent;
      p.first = lb;
    } else {
      p.kind = kBypass;
      p.first = la + 1;
      p.last = lb;
    }
    if (p.kind != kStraight) runs[p.first].push_back({static_cast<int>(i), true});
    if (p.kind == kBypass) runs[p.last].push_back({static_cast<int>(i), false});
  }
  // Channel widths and layer x.
  std::vector<double> channel_w(last + 2, 0), channel_x(last + 2, 0), layer_x(last + 1, 0);
  for (int c = 0; c <= last + 1; ++c) {
    double tracks = static_cast<double>(runs[c].size()) * style::kTrackSep;
    bool outer = c == 0 || c == last + 1;
    bool any = !runs[c].empty();
    if (!outer) {
      bool straight = false;
      for (const auto& p : plans) straight = straight || (p.kind == kStraight && p.first == c);
      channel_w[c] = any || straight ? 2 * zone + tracks + style::kTrackSep : 60;
    } else {
      channel_w[c] = any ? zone + tracks + style::kTrackSep : 0;
    }
  }
  double x = 0;
  for (int c = 0; c <= last; ++c) {
    channel_x[c] = x;
    x += channel_w[c];
    layer_x[c] = x;
    x += layer_w[c];
  }
  channel_x[last + 1] = x;
  for (auto& n : L.nodes) n.box.x = layer_x[n.layer];
  for (auto& r : L.routes) {
    const Node& a = L.nodes[r.a.node];
    const Node& b = L.nodes[r.b.node];
    r.a.at.x = r.a.side ? a.box.right() : a.box.x;
    r.b.at.x = r.b.side ? b.box.right() : b.box.x;
  }
  // Lanes below everything for wires that skip layers.
  double bottom = 0;
  for (const auto& n : L.nodes) bottom = std::max(bottom, n.box.bottom());
  int lanes = 0;
  for (auto& p : plans)
    if (p.kind == kBypass) p.lane = bottom + 30 + style::kWireSep * lanes++;

  // Track slots per channel: where track k of channel c is.
  auto track_x = [&](int c, size_t k) {
    double start;
    if (c == 0) start = style::kTrackSep / 2;  // loops left of the first layer: tracks far from the boxes
    else start = channel_x[c] + zone;
    return start + style::kTrackSep * (static_cast<double>(k) + 0.5);
  };
  auto set_track = [&](int c, const std::pair<int, bool>& run, size_t k) {
    Plan& p = plans[run.first];
    (run.second ? p.t_first : p.t_last) = track_x(c, k);
  };
  for (int c = 0; c <= last + 1; ++c) {
    auto& order = runs[c];
    if (order.empty()) continue;
    std::stable_sort(order.begin(), order.end(), [&](const auto& u, const auto& v) {
      return L.routes[u.first].a.at.y < L.routes[v.first].a.at.y;
    });
    // Wires that cross this channel without a track still count for crossings.
    std::vector<int> members;
    for (size_t i = 0; i < plans.size(); ++i)
      if (plans[i].first == c || plans[i].last == c) members.push_back(static_cast<int>(i));
    auto cost = [&]() {
      for (size_t k = 0; k < order.size(); ++k) set_track(c, order[k], k);
      int n = 0;
      for (size_t i = 0; i < members.size(); ++i)
        for (size_t j = i + 1; j < members.size(); ++j)
          n += crossings(path_of(L.routes[members[i]], plans[members[i]]),
                         path_of(L.routes[members[j]], plans[members[j]]));
      return n;
    };
    int best = cost();
    if (order.size() <= 7) {
      // Few enough to try every order.
      auto trial = order;
      std::vector<size_t> perm(order.size());
      for (size_t k = 0; k < perm.size(); ++k) perm[k] = k;
      auto best_perm = perm;
      while (best > 0 && std::next_permutation(perm.begin(), perm.end())) {
        for (size_t k = 0; k < perm.size(); ++k) order[k] = trial[perm[k]];
        int c2 = cost();
        if (c2 < best) best = c2, best_perm = perm;
      }
      for (size_t k = 0; k < perm.size(); ++k) order[k] = trial[best_perm[k]];
    }
    for (int round = 0; round < 20 && best > 0; ++round) {
      bool improved = false;
      for (size_t i = 0; i < order.size(); ++i)
        for (size_t j = i + 1; j < order.size(); ++j) {
          std::swap(order[i], order[j]);
          int c2 = cost();
          if (c2 < best) best = c2, improved = true;
          else std::swap(order[i], order[j]);
        }
      if (!improved) break;
    }
    cost();  // leave the tracks set for the chosen order
  }
  for (size_t i = 0; i < L.routes.size(); ++i) L.routes[i].points = path_of(L.routes[i], plans[i]);
}

bool place_labels(Layout& L) {
  draw::TextStyle st{style::kLabelSize, false, false};
  std::vector<Rect> blocked;
  for (const auto& n : L.nodes) blocked.push_back({n.box.x - 6, n.box.y - 4, n.box.w + 12, n.box.h + 8});
  std::vector<Rect> placed;
  bool all = true;
  auto clear = [&](const Rect& box) {
    for (const auto& b : blocked)
      if (rects_overlap(box, b)) return false;
    for (const auto& p : placed)
      if (rects_overlap(box, {p.x - 3, p.y - 2, p.w + 6, p.h + 4})) return false;
    Rect grown{box.x - 2, box.y - 2, box.w + 4, box.h + 4};
    for (const auto& r : L.routes)
      for (size_t i = 0; i + 1 < r.points.size(); ++i)
        if (segment_hits_rect(r.points[i], r.points[i + 1], grown)) return false;
    return true;
  };
  for (auto& r : L.routes) {
    r.label_placed = false;
    if (r.label.empty()) continue;
    Rect size = scene::measure_text({0, 0}, r.label, st);
    // Horizontal segments, the one leaving node a first, then the one reaching node b.
    std::vector<size_t> segs;
    for (size_t i = 0; i + 1 < r.points.size(); ++i)
      if (std::abs(r.points[i].y - r.points[i + 1].y) < 1e-6 && std::abs(r.points[i].x - r.points[i + 1].x) > 1)
        segs.push_back(i);
    if (!segs.empty()) std::stable_partition(segs.begin(), segs.end(), [&](size_t i) { return i == 0 || i + 2 == r.points.size(); });
    bool done = false;
    for (size_t si : segs) {
      Point p = r.points[si], q = r.points[si + 1];
      double x0 = std::min(p.x, q.x) + 8, x1 = std::max(p.x, q.x) - 8 - size.w;
      if (x1 < x0) continue;
      // Near the node this segment touches first.
      bool from_right = si + 2 == r.points.size() ? q.x > p.x : p.x > q.x;
      std::vector<double> xs;
      for (double d = 0; d <= x1 - x0 + 0.01; d += 6) xs.push_back(from_right ? x1 - d : x0 + d);
      for (double lx : xs) {
        for (double ly : {p.y - 3 - size.h, p.y + 3}) {
          Rect box{lx, ly, size.w, size.h};
          if (!clear(box)) continue;
          r.label_box = box;
          r.label_placed = done = true;
          placed.push_back(box);
          break;
        }
        if (done) break;
      }
      if (done) break;
    }
    all = all && done;
  }
  return all;
}

}  // namespace wb::harness
