// Connector labels: every candidate spot around the connector is priced
// (distance, a second line, covering a jumper, leaving the board) against
// obstacles that never move, then labels are placed one by one, the most
// constrained first, each at its cheapest spot still clear of the labels
// and leaders placed before it.
#include "wiring/labels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "board/geometry.h"
#include "pinout/palette.h"
#include "wiring/wiring.h"

namespace wb::wiring {
namespace {

using scene::Role;
namespace ui = pinout::ui;

const draw::TextStyle kText{8.5, true, false};
constexpr double kPadX = 3, kPadY = 1.5;
constexpr double kTwoLines = 14;   // a label broken in two lines reads worse than one line
constexpr double kOnJumper = 40;   // covering a jumper
constexpr double kOnPart = 150;       // covering a driver socket, switch or button (when nothing else is free)
constexpr double kOnConnector = 400;  // covering another connector (last resort)
constexpr double kOffBoard = 12, kAcrossEdge = 30;
constexpr double kOnDriver = -80;  // a stepper's label on its own driver socket names both
// How far from the body a label may sit; the far ones only when nothing nearer is free.
const std::vector<double> kDistances = {2.5, 6, 10, 15, 21, 28, 36, 45, 56, 68, 82, 98, 116, 136};
const std::vector<double> kFar = {160, 190, 225, 265, 310};

struct Want {
  const Part* part;
  const Part* driver;  // a stepper's driver socket: its label may sit on it
  std::vector<std::string> texts;  // one line, and broken in two where it has a break
  std::vector<Rect> sizes;
  Rect body;
};

struct Candidate {
  Rect box;
  size_t text;
  double score;
  bool leader;
  Point from, to;  // leader, label edge -> body edge
};

Rect grow(const Rect& r, double by) { return {r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

Rect segment_box(Point a, Point b, double half) {
  return {std::min(a.x, b.x) - half, std::min(a.y, b.y) - half, std::abs(a.x - b.x) + 2 * half,
          std::abs(a.y - b.y) + 2 * half};
}

// Rectangles bucketed on a coarse grid, for quick "does anything overlap this" questions.
class Index {
 public:
  explicit Index(double cell = 40) : cell_(cell) {}
  void add(const Rect& r) {
    size_t id = rects_.size();
    rects_.push_back(r);
    each_cell(r, [&](long key) { cells_[key].push_back(id); });
  }
  bool hits(const Rect& r) const {
    bool hit = false;
    each_cell(r, [&](long key) {
      if (hit) return;
      auto it = cells_.find(key);
      if (it == cells_.end()) return;
      for (size_t id : it->second)
        if (rects_overlap(rects_[id], r)) {
          hit = true;
          return;
        }
    });
    return hit;
  }
  bool hits_segment(Point a, Point b) const {
    Rect r{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
    bool hit = false;
    each_cell(r, [&](long key) {
      if (hit) return;
      auto it = cells_.find(key);
      if (it == cells_.end()) return;
      for (size_t id : it->second)
        if (segment_hits_rect(a, b, rects_[id])) {
          hit = true;
          return;
        }
    });
    return hit;
  }
  int count(const Rect& r) const {
    std::vector<size_t> found;
    each_cell(r, [&](long key) {
      auto it = cells_.find(key);
      if (it == cells_.end()) return;
      for (size_t id : it->second)
        if (rects_overlap(rects_[id], r)) found.push_back(id);
    });
    std::sort(found.begin(), found.end());
    return static_cast<int>(std::unique(found.begin(), found.end()) - found.begin());
  }

 private:
  template <class F>
  void each_cell(const Rect& r, F f) const {
    long i0 = static_cast<long>(std::floor(r.x / cell_)), i1 = static_cast<long>(std::floor(r.right() / cell_));
    long j0 = static_cast<long>(std::floor(r.y / cell_)), j1 = static_cast<long>(std::floor(r.bottom() / cell_));
    for (long j = j0; j <= j1; ++j)
      for (long i = i0; i <= i1; ++i) f(j * 100003 + i);
  }
  double cell_;
  std::vector<Rect> rects_;
  std::map<long, std::vector<size_t>> cells_;
};

bool contains(const Rect& outer, const Rect& r) {
  return r.x >= outer.x && r.y >= outer.y && r.right() <= outer.right() && r.bottom() <= outer.bottom();
}

// "MOTOR0 · DRIVER0" -> "MOTOR0 ·\nDRIVER0"; "HE0 (PA2)" -> "HE0\n(PA2)".
std::string two_lines(const std::string& s) {
  auto dot = s.find(" \u00b7 ");
  if (dot != std::string::npos) return s.substr(0, dot + 3) + "\n" + s.substr(dot + 4);
  auto paren = s.find(" (");
  if (paren != std::string::npos) return s.substr(0, paren) + "\n" + s.substr(paren + 1);
  return "";
}

// Spots beside each edge of the body, `d` away, sliding along the edge as
// long as the label still faces the body (so a straight leader reaches it).
std::vector<Candidate> candidates(const Want& want, const std::vector<double>& distances) {
  std::vector<Candidate> out;
  const Rect& b = want.body;
  for (size_t t = 0; t < want.texts.size(); ++t) {
    const double w = want.sizes[t].w, h = want.sizes[t].h;
    for (double d : distances) {
      for (Side side : kSides) {
        bool above_below = along_x(side);
        double lo = above_below ? b.x - w + 10 : b.y - h + 6;
        double hi = above_below ? b.right() - 10 : b.bottom() - 6;
        double mid = above_below ? b.center().x - w / 2 : b.center().y - h / 2;
        if (lo > hi) lo = hi = mid;
        for (double pos = lo; pos <= hi + 1e-9; pos += 4) {
          Rect r;
          switch (side) {
            case kTop: r = {pos, b.y - d - h, w, h}; break;
            case kBottom: r = {pos, b.bottom() + d, w, h}; break;
            case kLeft: r = {b.x - d - w, pos, w, h}; break;
            default: r = {b.right() + d, pos, w, h}; break;
          }
          Candidate c{r, t, d + 0.3 * std::abs(pos - mid) + (t > 0 ? kTwoLines : 0), d > 8, {}, {}};
          if (c.leader) {
            // From the middle of the overlap between label and body, straight across the gap.
            double m = above_below ? (std::max(r.x, b.x) + std::min(r.right(), b.right())) / 2
                                   : (std::max(r.y, b.y) + std::min(r.bottom(), b.bottom())) / 2;
            switch (side) {
              case kTop: c.from = {m, r.bottom()}, c.to = {m, b.y}; break;
              case kBottom: c.from = {m, r.y}, c.to = {m, b.bottom()}; break;
              case kLeft: c.from = {r.right(), m}, c.to = {b.x, m}; break;
              default: c.from = {r.x, m}, c.to = {b.right(), m}; break;
            }
          }
          out.push_back(c);
        }
      }
    }
  }
  return out;
}

}  // namespace

std::vector<std::pair<const Part*, std::string>> place_labels(const Layout& L, scene::Scene& s) {
  // What each used connector is labelled with.
  std::map<const Part*, std::pair<std::vector<int>, std::string>> used;
  std::vector<const Part*> order;
  for (const auto& w : L.wires) {
    auto [it, fresh] = used.try_emplace(w.part);
    if (fresh) order.push_back(w.part);
    it->second.first.push_back(w.pin);
    const auto& c = L.build->components[w.component];
    if (!c.driver.empty() && it->second.second.empty()) it->second.second = c.driver;
  }
  std::vector<Want> wants;
  for (const Part* p : order) {
    auto& [pins, driver] = used[p];
    std::sort(pins.begin(), pins.end());
    pins.erase(std::unique(pins.begin(), pins.end()), pins.end());
    Want want{p, driver.empty() ? nullptr : L.board->part(driver), {}, {}, L.view.to_canvas(p->body())};
    want.texts.push_back(connector_label(*p, pins, driver));
    if (std::string two = two_lines(want.texts[0]); !two.empty()) want.texts.push_back(two);
    for (const auto& t : want.texts) {
      Rect m = scene::measure_text({0, 0}, t, kText);
      want.sizes.push_back({0, 0, m.w + 2 * kPadX, m.h + 2 * kPadY});
    }
    wants.push_back(want);
  }

  // Obstacles that never move.
  Index hard, leader_hard, jumpers;
  // Other parts' bodies, per label (a stepper's label may cover its own
  // driver socket): connectors, and the rest (drivers, switches, buttons).
  std::map<const Part*, Index> connectors_but, others_but;
  for (const auto& w : L.wires)
    for (size_t k = 0; k + 1 < w.path.size(); ++k) {
      Rect r = segment_box(w.path[k], w.path[k + 1], geom::kHalf + 1.2);
      hard.add(r);
      leader_hard.add(r);
    }
  for (const auto& b : L.boxes) hard.add(grow(b.rect, 4)), leader_hard.add(grow(b.rect, 4));
  for (const auto& p : L.board->parts) {
    Rect body = L.view.to_canvas(p.body());
    if (p.type == PartType::Jumper) jumpers.add(grow(body, 1));
    // A jumper may be covered, pins and all; other parts' pins never.
    if (p.type == PartType::Switch || p.type == PartType::Button || p.type == PartType::Jumper) continue;
    double r = pinout::pin_radius(p, L.view.scale) + 1.2;
    for (int n = 1; n <= p.pin_count(); ++n)
      if (auto c = p.pin_position(n)) {
        Point q = L.view.to_canvas(*c);
        hard.add({q.x - r, q.y - r, 2 * r, 2 * r});
      }
  }
  for (const auto& want : wants) {
    Index& connectors = connectors_but[want.part];
    Index& others = others_but[want.part];
    for (const auto& p : L.board->parts)
      if (p.type != PartType::Jumper && &p != want.part && &p != want.driver)
        (p.type == PartType::Connector ? connectors : others).add(grow(L.view.to_canvas(p.body()), 1));
  }
  std::vector<Point> outline;
  for (const auto& p : L.board->board->outline.points) outline.push_back(L.view.to_canvas(p));

  // What a spot costs before other labels are placed, per level: 0 keeps
  // clear of other parts and inside the routing area; 1 may cover (and lead
  // across) driver sockets, switches and buttons; 2 may cover other
  // connectors and leave the area. Infinite: never.
  const double inf = std::numeric_limits<double>::infinity();
  auto fixed_cost = [&](const Candidate& c, const Want& want, int level) {
    if (rects_overlap(c.box, grow(want.body, 1))) return inf;
    if (level < 2 && !contains(L.area, c.box)) return inf;
    if (hard.hits(c.box)) return inf;
    double e = c.score;
    const Index &connectors = connectors_but.at(want.part), &others = others_but.at(want.part);
    if (others.hits(c.box) || (c.leader && others.hits_segment(c.from, c.to))) {
      if (level == 0) return inf;
      e += kOnPart * others.count(c.box);
    }
    if (connectors.hits(c.box) || (c.leader && connectors.hits_segment(c.from, c.to))) {
      if (level < 2) return inf;
      e += kOnConnector * connectors.count(c.box);
    }
    if (c.leader && leader_hard.hits_segment(c.from, c.to)) return inf;
    e += kOnJumper * jumpers.count(c.box);
    if (want.driver && contains(L.view.to_canvas(want.driver->body()), c.box)) e += kOnDriver;
    int inside = 0;
    for (Point p : {Point{c.box.x, c.box.y}, Point{c.box.right(), c.box.y}, Point{c.box.x, c.box.bottom()},
                    Point{c.box.right(), c.box.bottom()}})
      inside += point_in_polygon(p, outline);
    if (inside == 0) e += kOffBoard;
    else if (inside < 4) e += kAcrossEdge;
    return e;
  };
  struct Scored {
    Candidate c;
    double cost[3];
  };
  std::vector<std::vector<Scored>> cands;
  std::vector<size_t> free_count;
  for (const auto& want : wants) {
    std::vector<Scored> list;
    size_t n = 0;
    for (const auto& c : candidates(want, kDistances)) {
      Scored sc{c, {fixed_cost(c, want, 0), inf, inf}};
      if (!std::isfinite(sc.cost[0])) sc.cost[1] = fixed_cost(c, want, 1), sc.cost[2] = fixed_cost(c, want, 2);
      else sc.cost[1] = sc.cost[2] = sc.cost[0], ++n;
      if (std::isfinite(sc.cost[2])) list.push_back(sc);
    }
    cands.push_back(std::move(list));
    free_count.push_back(n);
  }
  // Most constrained first: the labels with the fewest free spots.
  std::vector<size_t> idx(wants.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return free_count[a] < free_count[b]; });

  Index placed, leaders;
  auto clear_of_labels = [&](const Candidate& c) {
    return !placed.hits(grow(c.box, 2)) && !leaders.hits(grow(c.box, 1)) && !(c.leader && placed.hits_segment(c.from, c.to));
  };
  std::vector<std::pair<size_t, Candidate>> chosen;
  std::vector<std::pair<const Part*, std::string>> missing;
  for (size_t i : idx) {
    const Candidate* best = nullptr;
    for (int level = 0; level < 3 && !best; ++level) {
      double best_score = inf;
      for (const auto& sc : cands[i])
        if (sc.cost[level] < best_score && clear_of_labels(sc.c)) best = &sc.c, best_score = sc.cost[level];
    }
    std::vector<Scored> far;
    if (!best) {
      // Crowded all around: look further out, with a longer leader.
      for (const auto& c : candidates(wants[i], kFar))
        if (double cost = fixed_cost(c, wants[i], 2); std::isfinite(cost)) far.push_back({c, {cost, cost, cost}});
      double best_score = inf;
      for (const auto& sc : far)
        if (sc.cost[2] < best_score && clear_of_labels(sc.c)) best = &sc.c, best_score = sc.cost[2];
    }
    if (!best) {
      // Nowhere at all: better no label than one on top of something; the title block lists it.
      missing.emplace_back(wants[i].part, wants[i].texts[0]);
      continue;
    }
    placed.add(best->box);
    if (best->leader) leaders.add(segment_box(best->from, best->to, 0.7));
    chosen.emplace_back(i, *best);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [i, c] : chosen) {
    const Want& want = wants[i];
    std::string tag = "connector:" + want.part->id;
    if (c.leader) s.path(Role::Leader, tag, {c.from, c.to}, false, std::nullopt, {draw::Color::hex("#cfd8dc"), 1.3, {3, 2}});
    s.rect(Role::Label, tag, c.box, ui::kPaper, {ui::kInk, 1.0}, 2.5);
    s.text(Role::Text, tag, {c.box.x + kPadX, c.box.y + kPadY}, want.texts[c.text], kText, ui::kInk, ui::kPaper);
  }
  std::sort(missing.begin(), missing.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return missing;
}

}  // namespace wb::wiring
