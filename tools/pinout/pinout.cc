#include "pinout/pinout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "pinout/board_drawing.h"
#include "pinout/groups.h"
#include "pinout/palette.h"
#include "pinout/placement.h"
#include "scene/render.h"

namespace wb::pinout {
namespace {

using scene::Role;

enum Side { kLeft, kRight, kTop, kBottom };

constexpr double kGutter = 56;   // between the board and the label tables
constexpr double kGap = 8;       // between neighbouring tables
constexpr double kMargin = 20;   // around everything

struct Placed {
  Group group;
  Side side;
  Table table;
  Rect at;
};

struct Leader {
  std::string id;
  std::vector<Point> points;
};

double units_per_mm(const Rect& b) {
  // About 1000 units across the long side of the board, within sane limits.
  return std::clamp(1000.0 / std::max(b.w, b.h * 1.6), 4.0, 14.0);
}

Side nearest_side(Point a, const Rect& b) {
  double d[4] = {a.x - b.x, b.right() - a.x, a.y - b.y, b.bottom() - a.y};
  return static_cast<Side>(std::min_element(d, d + 4) - d);
}

double side_distance(Point a, const Rect& b, Side s) {
  switch (s) {
    case kLeft: return a.x - b.x;
    case kRight: return b.right() - a.x;
    case kTop: return a.y - b.y;
    default: return b.bottom() - a.y;
  }
}

bool horizontal(Side s) { return s == kTop || s == kBottom; }

void order_members(Group& g, Side s) {
  std::stable_sort(g.members.begin(), g.members.end(), [&](const Part* a, const Part* b) {
    return horizontal(s) ? std::make_pair(a->x, a->y) < std::make_pair(b->x, b->y)
                         : std::make_pair(a->y, a->x) < std::make_pair(b->y, b->x);
  });
}

Table table_for(Group g, Side s) {
  order_members(g, s);
  return make_table(g, horizontal(s));
}

// Assigns sides: nearest edge first; then, while a side holds more than it
// has room for, the table whose move costs the least extra leader length goes
// to a side that still has room. Top and bottom hold a row as wide as the
// board; left and right a column somewhat taller than the board.
std::vector<Placed> assign_sides(const std::vector<Group>& groups, const Rect& board_mm, double k) {
  // Each group's table in all four orientations, measured once.
  std::vector<std::array<Table, 4>> tables(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    tables[i][kLeft] = table_for(groups[i], kLeft);
    tables[i][kRight] = tables[i][kLeft];  // the same table, just on the other side
    tables[i][kTop] = table_for(groups[i], kTop);
    tables[i][kBottom] = tables[i][kTop];
  }
  std::vector<Placed> placed;
  for (size_t i = 0; i < groups.size(); ++i) {
    Side s = nearest_side(groups[i].anchor, board_mm);
    placed.push_back({groups[i], s, tables[i][s], {}});
    order_members(placed.back().group, s);
  }
  double room[4] = {board_mm.h * k * 1.9, board_mm.h * k * 1.9, board_mm.w * k, board_mm.w * k};
  auto load = [&](Side s, const Placed* without, const Placed* with, const Table* with_table) {
    double used = 0;
    for (const auto& p : placed)
      if (p.side == s && &p != without) used += (horizontal(s) ? p.table.width : p.table.height) + kGap;
    if (with) used += (horizontal(s) ? with_table->width : with_table->height) + kGap;
    return used - kGap;
  };
  for (int round = 0; round < 200; ++round) {
    Side full = kLeft;
    double worst = 0;
    for (Side s : {kLeft, kRight, kTop, kBottom}) {
      double over = load(s, nullptr, nullptr, nullptr) - room[s];
      if (over > worst) worst = over, full = s;
    }
    if (worst <= 0) break;
    Placed* best = nullptr;
    Side best_side = kLeft;
    Table best_table;
    double best_cost = std::numeric_limits<double>::max();
    for (size_t i = 0; i < placed.size(); ++i) {
      Placed& p = placed[i];
      if (p.side != full) continue;
      for (Side alt : {kLeft, kRight, kTop, kBottom}) {
        if (alt == full) continue;
        double cost = side_distance(p.group.anchor, board_mm, alt) - side_distance(p.group.anchor, board_mm, full);
        if (cost >= best_cost) continue;
        const Table& t = tables[i][alt];
        if (load(alt, nullptr, &p, &t) > room[alt]) continue;
        best = &p, best_side = alt, best_table = t, best_cost = cost;
      }
    }
    if (!best) {
      // Nothing fits anywhere: let the columns grow instead.
      room[kLeft] *= 1.1;
      room[kRight] *= 1.1;
      continue;
    }
    best->side = best_side;
    best->table = best_table;
    order_members(best->group, best_side);
  }
  return placed;
}

void place_side(std::vector<Placed*>& side_tables, Side s, const Rect& board) {
  std::stable_sort(side_tables.begin(), side_tables.end(), [&](const Placed* a, const Placed* b) {
    return horizontal(s) ? a->group.anchor.x < b->group.anchor.x : a->group.anchor.y < b->group.anchor.y;
  });
  std::vector<TableSize> sizes;
  for (const auto* p : side_tables)
    sizes.push_back({p->table.width, p->table.height,
                     horizontal(s) ? board.x + p->group.anchor.x : board.y + p->group.anchor.y});
  auto rects = place_along_edge(s, board, sizes, kGutter, kGap);
  for (size_t i = 0; i < side_tables.size(); ++i) side_tables[i]->at = rects[i];
}

std::vector<Leader> make_leaders(const std::vector<Placed>& placed, const BoardView& v, const Rect& board) {
  std::vector<Leader> leaders;
  // Parallel leader runs over the board must not lie on top of each other:
  // remember the lines used per side and nudge a repeat sideways.
  std::map<int, std::vector<double>> used;
  for (const auto& p : placed) {
    const char edge = p.side == kLeft ? 'r' : p.side == kRight ? 'l' : p.side == kTop ? 'b' : 't';
    for (size_t m = 0; m < p.group.members.size(); ++m) {
     std::vector<const Part*> targets{p.group.members[m]};
     if (p.group.companions.count(p.group.members[m]))
       for (const auto* c : p.group.companions.at(p.group.members[m])) targets.push_back(c);
     for (const Part* part : targets) {
      Rect body = v.to_canvas(part->body());
      bool hz = horizontal(p.side);
      double line = hz ? body.x + body.w / 2 : body.y + body.h / 2;
      double lo = hz ? body.x + 1.5 : body.y + 1.5, hi = hz ? body.right() - 1.5 : body.bottom() - 1.5;
      auto& lines = used[p.side];
      for (int tries = 0; tries < 8; ++tries) {
        bool clash = std::any_of(lines.begin(), lines.end(), [&](double l) { return std::abs(l - line) < 3; });
        if (!clash) break;
        line = std::clamp(line + 3.5, lo, std::max(lo, hi));
      }
      lines.push_back(line);
      Point start, edge_point;
      switch (p.side) {
        case kLeft: start = {body.x, line}; edge_point = {board.x, line}; break;
        case kRight: start = {body.right(), line}; edge_point = {board.right(), line}; break;
        case kTop: start = {line, body.y}; edge_point = {line, board.y}; break;
        case kBottom: start = {line, body.bottom()}; edge_point = {line, board.bottom()}; break;
      }
      Point end = attach_point(p.table, p.at, m, edge);
      leaders.push_back({part->id, {start, edge_point, end}});
     }
    }
  }
  return leaders;
}

// Title, subtitle and legend above everything; returns the band height.
double draw_title(const ResolvedBoard& rb, const std::set<std::string>& classes, double x0, double y0, double width,
                  scene::Scene& s) {
  draw::TextStyle title{20, true, false}, sub{11, false, false}, legend{9.5, false, false};
  Rect t = s.text(Role::Title, "title", {x0, y0}, rb.title() + " \u2014 pin diagram", title, ui::kInk, ui::kPaper);
  double y = t.bottom() + 4;
  std::string line = mcu_line(rb);
  if (!line.empty()) y = s.text(Role::Title, "title", {x0, y}, line, sub, ui::kMuted, ui::kPaper).bottom() + 2;
  y = s.text(Role::Title, "title", {x0, y},
             "Generated by wirebook from boards/" + rb.board->id + ".xml. Square red-ringed pads mark pin 1.", sub,
             ui::kMuted, ui::kPaper)
          .bottom() +
      8;
  // Legend: a swatch and a name per function class used, wrapped to the width.
  double x = x0;
  const double sw = 14, row = 18;
  for (const auto& f : function_classes()) {
    if (!classes.count(f)) continue;
    Rect name = scene::measure_text({0, 0}, f, legend);
    double w = sw + 4 + name.w + 14;
    if (x + w > x0 + width && x > x0) {
      x = x0;
      y += row;
    }
    Color c = class_color(f);
    s.rect(Role::Legend, "legend", {x, y + 2, sw, sw - 2}, c, {ui::kInk, 0.6}, 2);
    s.text(Role::Legend, "legend", {x + sw + 4, y + (row - name.h) / 2 - 1}, f, legend, ui::kInk, ui::kPaper);
    x += w;
  }
  return y + row + 12 - y0;
}

std::set<std::string> used_classes(const ResolvedBoard& rb) {
  std::set<std::string> used;
  for (const auto& p : rb.parts) {
    if (p.type != PartType::Connector && p.type != PartType::Driver) continue;
    for (const auto& pin : p.pins)
      if (!pin.function.empty()) used.insert(pin.function);
    if (!p.signals.empty()) used.insert("driver");
  }
  return used;
}

void translate(scene::Scene& s, double dx, double dy) {
  auto move = [&](Point& p) { p.x += dx, p.y += dy; };
  for (auto& item : s.items) {
    if (auto* r = std::get_if<scene::RectShape>(&item.shape)) r->rect.x += dx, r->rect.y += dy;
    if (auto* c = std::get_if<scene::CircleShape>(&item.shape)) move(c->center);
    if (auto* p = std::get_if<scene::PathShape>(&item.shape))
      for (auto& pt : p->points) move(pt);
    if (auto* t = std::get_if<scene::TextShape>(&item.shape)) {
      move(t->top_left);
      t->box.x += dx, t->box.y += dy;
    }
  }
}

}  // namespace

std::string mcu_line(const ResolvedBoard& rb) {
  if (rb.mcu) return "MCU: " + rb.mcu->part + " (" + rb.mcu->crystal + " crystal, " + rb.mcu->bootloader + " bootloader)";
  auto mcus = rb.board->mcus_for(rb.revision ? rb.revision->id : "");
  if (mcus.empty()) return "";
  std::string s = "MCU variants: ";
  for (size_t i = 0; i < mcus.size(); ++i) s += (i ? ", " : "") + mcus[i]->part;
  return s;
}

scene::Scene layout(const ResolvedBoard& rb) {
  Rect board_mm = rb.board->outline.bounds();
  BoardView view;
  view.scale = units_per_mm(board_mm);
  view.origin = {-board_mm.x * view.scale, -board_mm.y * view.scale};
  Rect board = view.to_canvas(board_mm);

  auto groups = group_parts(rb);
  // Anchors in canvas units relative to the board's top-left corner.
  for (auto& g : groups) g.anchor = {g.anchor.x, g.anchor.y};
  std::vector<Placed> placed = assign_sides(groups, board_mm, view.scale);
  for (auto& p : placed) p.group.anchor = {(p.group.anchor.x - board_mm.x) * view.scale, (p.group.anchor.y - board_mm.y) * view.scale};
  for (Side s : {kLeft, kRight, kTop, kBottom}) {
    std::vector<Placed*> side_tables;
    for (auto& p : placed)
      if (p.side == s) side_tables.push_back(&p);
    place_side(side_tables, s, board);
  }
  auto leaders = make_leaders(placed, view, board);

  scene::Scene body;
  // Leaders run over part bodies on their way but under the pins, which they
  // must not hide. All lines, then all their end dots: of one colour, so the
  // order does not show, and the renderer draws each kind as one path.
  BoardStyle style;
  style.under_pins = [&](scene::Scene& s) {
    for (const auto& l : leaders) s.path(Role::Leader, l.id, l.points, false, std::nullopt, {ui::kLeader, 1.1});
    for (const auto& l : leaders) s.circle(Role::Mark, l.id, l.points.front(), 2.2, ui::kLeader);
  };
  draw_board(rb, view, body, style);
  for (const auto& p : placed) draw_table(p.table, p.at, body);

  // Bounds of everything drawn so far, then the title band above it.
  double x0 = board.x, y0 = board.y, x1 = board.right(), y1 = board.bottom();
  for (const auto& p : placed) {
    x0 = std::min(x0, p.at.x), y0 = std::min(y0, p.at.y);
    x1 = std::max(x1, p.at.right()), y1 = std::max(y1, p.at.bottom());
  }
  scene::Scene header;
  double band = draw_title(rb, used_classes(rb), 0, 0, x1 - x0, header);

  scene::Scene out(std::ceil(x1 - x0 + 2 * kMargin), std::ceil(y1 - y0 + band + 2 * kMargin));
  out.background = ui::kPaper;
  translate(header, kMargin, kMargin);
  translate(body, kMargin - x0, kMargin + band - y0);
  out.items = std::move(header.items);
  out.items.insert(out.items.end(), body.items.begin(), body.items.end());
  return out;
}

std::string render(const ResolvedBoard& board, draw::Format format, double scale) {
  return scene::render(layout(board), format, scale);
}

}  // namespace wb::pinout
