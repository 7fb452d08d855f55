#include "jumpers/labels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "board/geometry.h"
#include "jumpers/common.h"
#include "pinout/palette.h"
#include "pinout/placement.h"

namespace wb::jumpers {
namespace {

using scene::Role;
namespace ui = pinout::ui;

enum Side { kLeft, kRight, kTop, kBottom };
constexpr double kGutter = 48;
constexpr double kGap = 10;

bool horizontal(Side s) { return s == kTop || s == kBottom; }

Point centre_of(const LabelGroup::Owner& o) {
  double x = 0, y = 0;
  for (const auto* p : o.parts) x += p->x, y += p->y;
  double n = static_cast<double>(std::max<size_t>(1, o.parts.size()));
  return {x / n, y / n};
}

Point anchor_of(const LabelGroup& g) {
  double x = 0, y = 0, n = 0;
  for (const auto& o : g.owners)
    for (const auto* p : o.parts) x += p->x, y += p->y, n += 1;
  return n > 0 ? Point{x / n, y / n} : Point{};
}

double side_distance(Point a, const Rect& b, Side s) {
  switch (s) {
    case kLeft: return a.x - b.x;
    case kRight: return b.right() - a.x;
    case kTop: return a.y - b.y;
    default: return b.bottom() - a.y;
  }
}

struct Placed {
  LabelGroup group;
  Side side;
  Point anchor;  // mm
  pinout::Table table;
  Rect at;
};

pinout::Table make_table(LabelGroup g, Side side) {
  std::stable_sort(g.owners.begin(), g.owners.end(), [&](const auto& a, const auto& b) {
    Point pa = centre_of(a), pb = centre_of(b);
    return horizontal(side) ? pa.x < pb.x : pa.y < pb.y;
  });
  pinout::Table t;
  t.id = g.id;
  t.title = g.title;
  t.caption = g.caption;
  for (const auto& o : g.owners) t.members.push_back(o.parts.empty() ? nullptr : o.parts.front());
  if (horizontal(side)) {
    t.transposed = true;
    std::vector<pinout::Cell> head{plain_cell("")};
    for (const auto& o : g.owners) head.push_back(plain_cell(o.name, true));
    t.rows.push_back(head);
    for (size_t r = 0; r < g.rows.size(); ++r) {
      std::vector<pinout::Cell> row{plain_cell(g.rows[r])};
      for (const auto& o : g.owners) row.push_back(r < o.cells.size() ? o.cells[r] : plain_cell(""));
      t.rows.push_back(row);
    }
  } else {
    std::vector<pinout::Cell> head{plain_cell("")};
    for (const auto& r : g.rows) head.push_back(plain_cell(r));
    t.rows.push_back(head);
    t.member_of_row.push_back(-1);
    for (size_t i = 0; i < g.owners.size(); ++i) {
      std::vector<pinout::Cell> row{plain_cell(g.owners[i].name, true)};
      for (size_t r = 0; r < g.rows.size(); ++r)
        row.push_back(r < g.owners[i].cells.size() ? g.owners[i].cells[r] : plain_cell(""));
      t.rows.push_back(row);
      t.member_of_row.push_back(static_cast<int>(i));
    }
  }
  pinout::measure(t);
  return t;
}

// Owners in the order make_table put them.
std::vector<const LabelGroup::Owner*> ordered_owners(const LabelGroup& g, Side side) {
  std::vector<const LabelGroup::Owner*> out;
  for (const auto& o : g.owners) out.push_back(&o);
  std::stable_sort(out.begin(), out.end(), [&](const auto* a, const auto* b) {
    Point pa = centre_of(*a), pb = centre_of(*b);
    return horizontal(side) ? pa.x < pb.x : pa.y < pb.y;
  });
  return out;
}

std::vector<Placed> assign_sides(const std::vector<LabelGroup>& groups, const Rect& board_mm, double k) {
  std::vector<Placed> placed;
  for (const auto& g : groups) {
    Point a = anchor_of(g);
    double d[4] = {side_distance(a, board_mm, kLeft), side_distance(a, board_mm, kRight),
                   side_distance(a, board_mm, kTop), side_distance(a, board_mm, kBottom)};
    // Prefer above and below: the tables read left to right like the board.
    d[kLeft] *= 1.6, d[kRight] *= 1.6;
    Side s = static_cast<Side>(std::min_element(d, d + 4) - d);
    placed.push_back({g, s, a, make_table(g, s), {}});
  }
  double room[4] = {board_mm.h * k * 1.6, board_mm.h * k * 1.6, board_mm.w * k * 1.15, board_mm.w * k * 1.15};
  auto load = [&](Side s) {
    double used = -kGap;
    for (const auto& p : placed)
      if (p.side == s) used += (horizontal(s) ? p.table.width : p.table.height) + kGap;
    return used;
  };
  for (int round = 0; round < 50; ++round) {
    Side full = kLeft;
    double worst = 0;
    for (Side s : {kLeft, kRight, kTop, kBottom})
      if (load(s) - room[s] > worst) worst = load(s) - room[s], full = s;
    if (worst <= 0) break;
    Placed* best = nullptr;
    Side best_side = kLeft;
    double best_cost = std::numeric_limits<double>::max();
    for (auto& p : placed) {
      if (p.side != full) continue;
      for (Side alt : {kTop, kBottom, kLeft, kRight}) {
        if (alt == full) continue;
        pinout::Table t = make_table(p.group, alt);
        if (load(alt) + kGap + (horizontal(alt) ? t.width : t.height) > room[alt]) continue;
        double cost = side_distance(p.anchor, board_mm, alt) - side_distance(p.anchor, board_mm, full);
        if (cost < best_cost) best = &p, best_side = alt, best_cost = cost;
      }
    }
    if (!best) break;  // nothing fits elsewhere: the side grows
    best->side = best_side;
    best->table = make_table(best->group, best_side);
  }
  return placed;
}

void place_side(std::vector<Placed*>& tables, Side s, const Rect& board, double scale, const Rect& board_mm) {
  std::stable_sort(tables.begin(), tables.end(), [&](const Placed* a, const Placed* b) {
    return horizontal(s) ? a->anchor.x < b->anchor.x : a->anchor.y < b->anchor.y;
  });
  std::vector<pinout::TableSize> sizes;
  for (const auto* p : tables)
    sizes.push_back({p->table.width, p->table.height,
                     horizontal(s) ? board.x + (p->anchor.x - board_mm.x) * scale
                                   : board.y + (p->anchor.y - board_mm.y) * scale});
  auto rects = pinout::place_along_edge(s, board, sizes, kGutter, kGap);
  for (size_t i = 0; i < tables.size(); ++i) tables[i]->at = rects[i];
}

Rect grow(const Rect& r, double by) { return {r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

}  // namespace

pinout::Cell set_cell(const std::string& text) {
  pinout::Cell c;
  c.text = text;
  c.chip = true;
  c.fill = colors::kCap;
  return c;
}

pinout::Cell plain_cell(const std::string& text, bool bold) {
  pinout::Cell c;
  c.text = text;
  c.bold = bold;
  return c;
}

void place_labels(const std::vector<LabelGroup>& groups, const pinout::BoardView& v, const Rect& board_mm,
                  const std::vector<std::pair<std::string, Rect>>& avoid, scene::Scene& s) {
  if (groups.empty()) return;
  Rect board = v.to_canvas(board_mm);
  auto placed = assign_sides(groups, board_mm, v.scale);
  for (Side side : {kLeft, kRight, kTop, kBottom}) {
    std::vector<Placed*> on_side;
    for (auto& p : placed)
      if (p.side == side) on_side.push_back(&p);
    place_side(on_side, side, board, v.scale, board_mm);
  }
  // Leaders: from the jumper's edge facing the table straight out to the
  // board edge, then to the table. The straight run picks a line across the
  // jumper that keeps clear of other jumpers' caps and marks.
  std::map<int, std::vector<double>> used;
  std::vector<std::pair<std::string, std::vector<Point>>> leaders;
  for (const auto& p : placed) {
    const char edge = p.side == kLeft ? 'r' : p.side == kRight ? 'l' : p.side == kTop ? 'b' : 't';
    auto owners = ordered_owners(p.group, p.side);
    for (size_t m = 0; m < owners.size(); ++m) {
      Point end = pinout::attach_point(p.table, p.at, m, edge);
      for (const Part* part : owners[m]->parts) {
        Rect body = v.to_canvas(part->body());
        bool hz = horizontal(p.side);
        double lo = (hz ? body.x : body.y) + 2, hi = (hz ? body.right() : body.bottom()) - 2;
        double mid = (lo + hi) / 2;
        auto segment = [&](double line) -> std::pair<Point, Point> {
          switch (p.side) {
            case kLeft: return {{body.x, line}, {board.x, line}};
            case kRight: return {{body.right(), line}, {board.right(), line}};
            case kTop: return {{line, body.y}, {line, board.y}};
            default: return {{line, body.bottom()}, {line, board.bottom()}};
          }
        };
        auto cost = [&](double line) {
          auto [a, b] = segment(line);
          double c = 0;
          for (const auto& [tag, r] : avoid)
            if (tag != part->id && segment_hits_rect(a, b, grow(r, 1.5))) c += 10;
          for (double l : used[p.side])
            if (std::abs(l - line) < 3.5) c += 5;
          return c + std::abs(line - mid) / 100;
        };
        double best = mid, best_cost = cost(mid);
        for (double step = 1; step <= (hi - lo) / 2 + 0.01; step += 1)
          for (double line : {mid - step, mid + step}) {
            if (line < lo || line > hi) continue;
            double c = cost(line);
            if (c < best_cost - 1e-9) best = line, best_cost = c;
          }
        used[p.side].push_back(best);
        auto [a, b] = segment(best);
        leaders.push_back({part->id, {a, b, end}});
      }
    }
  }
  for (const auto& [id, pts] : leaders) {
    s.path(Role::Leader, id, pts, false, std::nullopt, {ui::kLeader, 1.2});
    s.circle(Role::Mark, "leader-dot:" + id, pts.front(), 2.4, ui::kLeader, {ui::kPaper, 0.8});
  }
  for (const auto& p : placed) pinout::draw_table(p.table, p.at, s);
}

}  // namespace wb::jumpers
