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

const draw::TextStyle kText{9, true, false};
constexpr double kPadX = 4, kPadY = 2;
constexpr double kNear = 200;      // obstacles further than this from a connector cannot matter
constexpr double kTwoLines = 14;   // a label broken in two lines reads worse than one line
constexpr double kOnJumper = 40;   // covering a jumper
constexpr double kOnPart = 400;    // covering another part's body (last resort)
constexpr double kOffBoard = 12, kAcrossEdge = 30;

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

std::vector<Candidate> candidates(const Want& want) {
  std::vector<Candidate> out;
  const Rect& b = want.body;
  for (size_t t = 0; t < want.texts.size(); ++t) {
    const double w = want.sizes[t].w, h = want.sizes[t].h;
    for (double d : {2.5, 6.0, 10.0, 15.0, 21.0, 28.0, 36.0, 45.0, 56.0, 68.0, 82.0, 98.0, 116.0, 136.0}) {
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

void place_labels(const Layout& L, scene::Scene& s) {
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
  std::vector<Rect> wires, boxes, pins;
  std::vector<std::pair<Rect, const Part*>> parts, jumpers;
  for (const auto& w : L.wires)
    for (size_t k = 0; k + 1 < w.path.size(); ++k) wires.push_back(segment_box(w.path[k], w.path[k + 1], geom::kHalf + 1.2));
  for (const auto& b : L.boxes) boxes.push_back(grow(b.rect, 4));
  for (const auto& p : L.board->parts) {
    Rect body = L.view.to_canvas(p.body());
    (p.type == PartType::Jumper ? jumpers : parts).push_back({grow(body, 1), &p});
    if (p.type == PartType::Switch || p.type == PartType::Button) continue;
    double r = pinout::pin_radius(p, L.view.scale) + 1.2;
    for (int n = 1; n <= p.pin_count(); ++n)
      if (auto c = p.pin_position(n)) {
        Point q = L.view.to_canvas(*c);
        pins.push_back({q.x - r, q.y - r, 2 * r, 2 * r});
      }
  }
  std::vector<Point> outline;
  for (const auto& p : L.board->board->outline.points) outline.push_back(L.view.to_canvas(p));

  struct Local {
    std::vector<Rect> hard;         // wires, boxes, pins: never covered
    std::vector<Rect> parts;        // other parts' bodies: covered only as a last resort
    std::vector<Rect> jumpers;      // covered at a price
    std::vector<Rect> leader_hard;  // what a leader may not cross: wires, boxes
  };
  auto local = [&](const Want& want) {
    Local l;
    Rect zone = grow(want.body, kNear);
    for (const auto* v : {&wires, &boxes, &pins})
      for (const auto& r : *v)
        if (rects_overlap(r, zone)) l.hard.push_back(r);
    for (const auto& [r, p] : parts)
      if (p != want.part && p != want.driver && rects_overlap(r, zone)) l.parts.push_back(r);
    for (const auto& [r, p] : jumpers)
      if (rects_overlap(r, zone)) l.jumpers.push_back(r);
    for (const auto* v : {&wires, &boxes})
      for (const auto& r : *v)
        if (rects_overlap(r, zone)) l.leader_hard.push_back(r);
    return l;
  };
  std::vector<Rect> placed;
  // Level 0: clear of other parts and inside the routing area; level 1: may
  // cover other parts' bodies; level 2: may also leave the area.
  auto score = [&](const Candidate& c, const Want& want, const Local& l, int level) {
    const double inf = std::numeric_limits<double>::infinity();
    if (rects_overlap(c.box, grow(want.body, 1))) return inf;
    if (level < 2 && !contains(L.area, c.box)) return inf;
    for (const auto& r : l.hard)
      if (rects_overlap(c.box, r)) return inf;
    for (const auto& r : placed)
      if (rects_overlap(grow(c.box, 3), r)) return inf;
    double e = c.score;
    for (const auto& r : l.parts)
      if (rects_overlap(c.box, r)) {
        if (level == 0) return inf;
        e += kOnPart;
      }
    if (c.leader) {
      for (const auto& r : l.leader_hard)
        if (segment_hits_rect(c.from, c.to, r)) return inf;
      for (const auto& r : placed)
        if (segment_hits_rect(c.from, c.to, grow(r, 1))) return inf;
    }
    for (const auto& r : l.jumpers)
      if (rects_overlap(c.box, r)) e += kOnJumper;
    int inside = 0;
    for (Point p : {Point{c.box.x, c.box.y}, Point{c.box.right(), c.box.y}, Point{c.box.x, c.box.bottom()},
                    Point{c.box.right(), c.box.bottom()}})
      inside += point_in_polygon(p, outline);
    if (inside == 0) e += kOffBoard;
    else if (inside < 4) e += kAcrossEdge;
    return e;
  };

  // Most constrained first: the labels with the fewest free spots.
  std::vector<std::vector<Candidate>> cands;
  std::vector<Local> locals;
  std::vector<size_t> free_count;
  for (const auto& want : wants) {
    cands.push_back(candidates(want));
    locals.push_back(local(want));
    size_t n = 0;
    for (const auto& c : cands.back()) n += std::isfinite(score(c, want, locals.back(), 0));
    free_count.push_back(n);
  }
  std::vector<size_t> idx(wants.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return free_count[a] < free_count[b]; });

  std::vector<std::pair<size_t, Candidate>> chosen;
  for (size_t i : idx) {
    const Want& want = wants[i];
    const Candidate* best = nullptr;
    for (int level = 0; level < 3 && !best; ++level) {
      double best_score = std::numeric_limits<double>::infinity();
      for (const auto& c : cands[i])
        if (double sc = score(c, want, locals[i], level); sc < best_score) best = &c, best_score = sc;
    }
    Candidate pick = best ? *best : cands[i].front();
    placed.push_back(pick.box);
    chosen.emplace_back(i, pick);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [i, c] : chosen) {
    const Want& want = wants[i];
    std::string tag = "connector:" + want.part->id;
    if (c.leader) s.path(Role::Leader, tag, {c.from, c.to}, false, std::nullopt, {draw::Color::hex("#cfd8dc"), 1.3, {3, 2}});
    s.rect(Role::Label, tag, c.box, ui::kPaper, {ui::kInk, 1.0}, 2.5);
    s.text(Role::Text, tag, {c.box.x + kPadX, c.box.y + kPadY}, want.texts[c.text], kText, ui::kInk, ui::kPaper);
  }
}

}  // namespace wb::wiring
