#include "wiring/sides.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>

#include "pinout/placement.h"
#include "wiring/boxes.h"
#include "wiring/router.h"

namespace wb::wiring {
namespace {

constexpr double kBoxGap = 10;      // between neighbouring boxes
constexpr double kCorner = 60;      // how far a row of boxes may reach past the board's ends before boxes move to other sides
constexpr double kFirstTrack = 12;  // from the routing edge to the first track
constexpr double kLastTrack = 14;   // from the last track to the boxes

double distance_to_side(Point p, const Rect& a, Side s) {
  switch (s) {
    case kLeft: return p.x - a.x;
    case kRight: return a.right() - p.x;
    case kTop: return p.y - a.y;
    default: return a.bottom() - p.y;
  }
}

double edge(const Rect& a, Side s) {
  switch (s) {
    case kLeft: return a.x;
    case kRight: return a.right();
    case kTop: return a.y;
    default: return a.bottom();
  }
}

double extent(const Rect& r, Side s) { return along_x(s) ? r.w : r.h; }

}  // namespace

void assign_sides(Layout& L) {
  const auto& comps = L.build->components;
  L.boxes.clear();
  for (size_t c = 0; c < comps.size(); ++c) {
    ComponentBox b;
    b.component = static_cast<int>(c);
    for (size_t w = 0; w < L.wires.size(); ++w)
      if (L.wires[w].component == static_cast<int>(c)) b.wires.push_back(static_cast<int>(w));
    Point sum{0, 0};
    for (int w : b.wires) sum.x += L.wires[w].pin_at.x, sum.y += L.wires[w].pin_at.y;
    double n = static_cast<double>(std::max<size_t>(1, b.wires.size()));
    b.anchor = b.wires.empty() ? L.area.center() : Point{sum.x / n, sum.y / n};
    double best = std::numeric_limits<double>::max();
    for (Side s : kSides)
      if (double d = distance_to_side(b.anchor, L.area, s); d < best) best = d, b.side = s;
    b.rect = measure_box(comps[c], b.wires.size(), b.side);
    L.boxes.push_back(b);
  }
  // Rows above and below the board may grow past its ends into the corners
  // (their wires stay above or below the board); columns beside it stay
  // within its height, so a corner never holds two rows of boxes.
  double room[4];
  for (Side s : kSides) room[s] = along_x(s) ? L.area.w + 2 * kCorner : L.area.h;
  auto load = [&](Side s) {
    double used = 0;
    for (const auto& b : L.boxes)
      if (b.side == s && !b.wires.empty()) used += extent(b.rect, s) + kBoxGap;
    return used - kBoxGap;
  };
  for (int round = 0; round < 400; ++round) {
    Side full = kLeft;
    double worst = 0;
    for (Side s : kSides)
      if (double over = load(s) - room[s]; over > worst) worst = over, full = s;
    if (worst <= 0) break;
    ComponentBox* move = nullptr;
    Side to = kLeft;
    double cheapest = std::numeric_limits<double>::max();
    for (auto& b : L.boxes) {
      if (b.side != full || b.wires.empty()) continue;
      for (Side alt : kSides) {
        if (alt == full) continue;
        double cost = distance_to_side(b.anchor, L.area, alt) - distance_to_side(b.anchor, L.area, full);
        Rect size = measure_box(comps[b.component], b.wires.size(), alt);
        if (cost >= cheapest || load(alt) + kBoxGap + extent(size, alt) > room[alt]) continue;
        move = &b, to = alt, cheapest = cost;
      }
    }
    if (!move) {
      room[kTop] *= 1.08;
      room[kBottom] *= 1.08;
      continue;
    }
    move->side = to;
    move->rect = measure_box(comps[move->component], move->wires.size(), to);
  }
  // Components without wires to the board go at the end of the row above or below, whichever is shorter.
  for (auto& b : L.boxes) {
    if (!b.wires.empty()) continue;
    b.side = load(kBottom) - room[kBottom] <= load(kTop) - room[kTop] ? kBottom : kTop;
    b.rect = measure_box(comps[b.component], 0, b.side);
  }
}

std::vector<int> assign_tracks(const std::vector<double>& drop, const std::vector<double>& entry, double clearance) {
  const size_t n = drop.size();
  std::vector<int> track(n, -1);
  std::vector<size_t> runs;
  for (size_t i = 0; i < n; ++i)
    if (std::abs(drop[i] - entry[i]) > 1e-6) runs.push_back(i);
  auto lo = [&](size_t i) { return std::min(drop[i], entry[i]); };
  auto hi = [&](size_t i) { return std::max(drop[i], entry[i]); };
  auto in = [&](double x, size_t i) { return x >= lo(i) && x <= hi(i); };
  auto near = [&](double x, double y) { return std::abs(x - y) < clearance; };
  // outer_of[a] holds b when a must run nearer the edge than b.
  std::map<size_t, std::vector<size_t>> outer_of;
  auto reaches = [&](size_t from, size_t to) {
    std::vector<size_t> stack{from};
    std::vector<bool> seen(n, false);
    while (!stack.empty()) {
      size_t v = stack.back();
      stack.pop_back();
      if (v == to) return true;
      if (seen[v]) continue;
      seen[v] = true;
      auto it = outer_of.find(v);
      if (it != outer_of.end())
        for (size_t next : it->second) stack.push_back(next);
    }
    return false;
  };
  auto add = [&](size_t inner, size_t outer) {
    if (reaches(outer, inner)) std::swap(inner, outer);  // the other order is still possible
    outer_of[inner].push_back(outer);
  };
  std::vector<std::pair<size_t, size_t>> loose;
  for (size_t x = 0; x < runs.size(); ++x)
    for (size_t y = x + 1; y < runs.size(); ++y) {
      size_t a = runs[x], b = runs[y];
      // a's drop inside b's run (or right beside b's entry): a must run
      // nearer the edge, or its way down from the edge crosses b's run (or
      // lies along b's way into its box). a's entry inside b's run: a must
      // run further out. The same with a and b swapped.
      // When both hold they must cross; then at least keep them from lying
      // side by side.
      bool near_inner = near(drop[a], entry[b]), near_outer = near(entry[a], drop[b]);
      bool a_inner = near_inner || in(drop[a], b) || in(entry[b], a);
      bool a_outer = near_outer || in(entry[a], b) || in(drop[b], a);
      if (a_inner && a_outer && near_inner != near_outer) a_inner = near_inner, a_outer = near_outer;
      if (a_inner != a_outer) {
        if (a_inner) add(a, b);
        else add(b, a);
      } else if (a_inner || (lo(a) < hi(b) + clearance && lo(b) < hi(a) + clearance)) {
        // They cross whatever the order, or their runs would touch on one track.
        loose.push_back({a, b});
      }
    }
  for (auto [a, b] : loose) add(drop[a] < drop[b] ? a : b, drop[a] < drop[b] ? b : a);
  // Longest path from the edge.
  std::function<int(size_t)> depth;
  std::map<size_t, std::vector<size_t>> inner_of;
  for (const auto& [a, outs] : outer_of)
    for (size_t b : outs) inner_of[b].push_back(a);
  depth = [&](size_t i) {
    if (track[i] >= 0) return track[i];
    int t = 0;
    auto it = inner_of.find(i);
    if (it != inner_of.end())
      for (size_t a : it->second) t = std::max(t, depth(a) + 1);
    return track[i] = t;
  };
  for (size_t i : runs) depth(i);
  return track;
}

void place_boxes(Layout& L) {
  for (Side s : kSides) {
    std::vector<ComponentBox*> row;
    for (auto& b : L.boxes)
      if (b.side == s) row.push_back(&b);
    if (row.empty()) continue;
    for (auto* b : row) {
      std::stable_sort(b->wires.begin(), b->wires.end(), [&](int x, int y) { return L.wires[x].drop < L.wires[y].drop; });
      double sum = 0;
      for (int w : b->wires) sum += L.wires[w].drop;
      b->mean_drop = b->wires.empty() ? std::numeric_limits<double>::max() : sum / static_cast<double>(b->wires.size());
    }
    std::stable_sort(row.begin(), row.end(), [](const ComponentBox* a, const ComponentBox* b) { return a->mean_drop < b->mean_drop; });
    double span_lo = along_x(s) ? L.area.x : L.area.y, span_hi = along_x(s) ? L.area.right() : L.area.bottom();
    double total = -kBoxGap;
    for (auto* b : row) total += extent(b->rect, s) + kBoxGap;
    double extra = std::max(0.0, (total - (span_hi - span_lo)) / 2 + kBoxGap);
    double lo = span_lo - extra, hi = span_hi + extra;
    std::vector<pinout::Interval> items;
    for (auto* b : row) {
      double size = extent(b->rect, s);
      double ideal = b->wires.empty() ? hi - size : b->mean_drop - size / 2;
      items.push_back({ideal, size});
    }
    auto starts = pinout::place_intervals(items, kBoxGap, lo, hi);

    // Where the wires meet each box: side by side, as near their drops as the box allows.
    std::vector<int> side_wires;
    for (size_t k = 0; k < row.size(); ++k) {
      ComponentBox& b = *row[k];
      double size = extent(b.rect, s), start = starts[k];
      size_t n = b.wires.size();
      if (n == 0) continue;
      double spread = static_cast<double>(n - 1) * geom::kEntry;
      double pad = std::min(10.0, (size - spread) / 2);
      double centre = start + size / 2;
      double slack = std::max(0.0, (size - 2 * pad - spread) / 2);
      double mean = b.mean_drop;
      centre += std::clamp(mean - centre, -slack, slack);
      for (size_t i = 0; i < n; ++i) {
        WireRun& w = L.wires[b.wires[i]];
        w.entry = centre - spread / 2 + static_cast<double>(i) * geom::kEntry;
        side_wires.push_back(b.wires[i]);
      }
      // A wire that nearly lines up goes straight.
      for (size_t i = 0; i < n; ++i) {
        WireRun& w = L.wires[b.wires[i]];
        if (std::abs(w.entry - w.drop) < 1.5 && w.drop > start + 2 && w.drop < start + size - 2) w.entry = w.drop;
      }
    }
    std::vector<double> drops, entries;
    for (int w : side_wires) drops.push_back(L.wires[w].drop), entries.push_back(L.wires[w].entry);
    auto tracks = assign_tracks(drops, entries, geom::kTrack);
    int count = 0;
    for (size_t i = 0; i < side_wires.size(); ++i) {
      L.wires[side_wires[i]].track = tracks[i];
      count = std::max(count, tracks[i] + 1);
    }
    const double o = outward(s), e = edge(L.area, s);
    const double near = e + o * (kFirstTrack + std::max(0, count - 1) * geom::kTrack + kLastTrack);
    for (size_t k = 0; k < row.size(); ++k) {
      ComponentBox& b = *row[k];
      double w = b.rect.w, h = b.rect.h;
      if (along_x(s)) b.rect = {starts[k], o > 0 ? near : near - h, w, h};
      else b.rect = {o > 0 ? near : near - w, starts[k], w, h};
      for (int wi : b.wires) {
        WireRun& wire = L.wires[wi];
        std::vector<Point> p{at(s, wire.entry, near)};
        if (wire.track >= 0) {
          double depth = e + o * (kFirstTrack + wire.track * geom::kTrack);
          p.push_back(at(s, wire.entry, depth));
          p.push_back(at(s, wire.drop, depth));
        }
        for (auto it = wire.board_path.rbegin(); it != wire.board_path.rend(); ++it) p.push_back(*it);
        wire.path = simplify(p);
      }
    }
  }
}

}  // namespace wb::wiring
