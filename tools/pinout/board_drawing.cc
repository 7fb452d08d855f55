#include "pinout/board_drawing.h"

#include <algorithm>
#include <tuple>

#include "pinout/palette.h"

namespace wb::pinout {
namespace {

using scene::Role;

Color body_color(const Part& p) {
  switch (p.type) {
    case PartType::Jumper: return ui::kJumperBody;
    case PartType::Switch: return Color::hex("#b71c1c");
    case PartType::Button: return Color::hex("#616161");
    case PartType::Driver: return Color::hex("#cfd8dc");
    default: return ui::kPartBody;
  }
}

struct PinDot {
  Point center;
  double radius;
  Color fill;
  bool first;
  std::string part;
};

void collect_pins(const Part& p, const BoardView& v, bool plain, std::vector<PinDot>& out) {
  double r = pin_radius(p, v.scale);
  for (int n = 1; n <= p.pin_count(); ++n) {
    auto pos = p.pin_position(n);
    if (!pos) continue;
    const Pin* pin = p.pin(n);
    Color fill = plain ? (p.type == PartType::Jumper ? Color::hex("#ffd54f") : Color::hex("#9e9e9e"))
                 : pin && !pin->function.empty() ? class_color(pin->function)
                 : p.type == PartType::Jumper  ? Color::hex("#ffd54f")
                                               : Color::hex("#9e9e9e");
    out.push_back({v.to_canvas(*pos), r, fill, n == 1 && p.pin_count() > 1, p.id});
  }
}

// Pins never overlap each other, so they can be drawn in any order: all
// outlines first, then all fills, each sorted by colour so the renderer can
// batch them into a few paths.
void draw_pins(std::vector<PinDot> pins, scene::Scene& s) {
  auto key = [](const PinDot& d) { return std::make_tuple(d.first, d.radius, d.fill.r, d.fill.g, d.fill.b); };
  std::stable_sort(pins.begin(), pins.end(), [&](const PinDot& a, const PinDot& b) { return key(a) < key(b); });
  for (const auto& d : pins) {
    if (d.first)  // pin 1: a square pad with a red ring, as on most silkscreens
      s.rect(Role::Pin, d.part, {d.center.x - d.radius - 1.2, d.center.y - d.radius - 1.2, 2 * d.radius + 2.4, 2 * d.radius + 2.4}, ui::kPin1);
    else
      s.circle(Role::Pin, d.part, d.center, d.radius + 0.6, ui::kInk);
  }
  for (const auto& d : pins) {
    if (d.first)
      s.rect(Role::Pin, d.part, {d.center.x - d.radius, d.center.y - d.radius, 2 * d.radius, 2 * d.radius}, d.fill);
    else
      s.circle(Role::Pin, d.part, d.center, d.radius - 0.2, d.fill);
  }
}

void draw_body(const Part& p, const BoardView& v, scene::Scene& s) {
  Rect body = v.to_canvas(p.body());
  Color fill = body_color(p);
  s.rect(Role::Part, p.id, body, fill, {ui::kPartEdge, 0.8});
  if (p.type == PartType::Switch) {
    for (int i = 0; i < std::max(1, p.positions); ++i) {
      bool vertical = body.h >= body.w;
      double step = (vertical ? body.h : body.w) / std::max(1, p.positions);
      Rect lever = vertical ? Rect{body.x + body.w * 0.25, body.y + i * step + step * 0.2, body.w * 0.5, step * 0.6}
                            : Rect{body.x + i * step + step * 0.2, body.y + body.h * 0.25, step * 0.6, body.h * 0.5};
      s.rect(Role::Pin, p.id, lever, ui::kPaper);
    }
  }
}

// Prints the id inside the body where it covers no pin: in the band above or
// below the pins, or centred when the body has no pins; otherwise not at all
// (the label table names the part).
void draw_id(const Part& p, const BoardView& v, scene::Scene& s, const BoardStyle& style) {
  if (p.type == PartType::Jumper) return;
  Rect body = v.to_canvas(p.body());
  Color fill = body_color(p);
  draw::TextStyle st{std::clamp(v.scale * 1.25, 6.0, 9.0), true, false};
  Rect t = scene::measure_text({0, 0}, p.id, st);
  if (t.w + 2 > body.w) return;
  double pins_top = body.bottom(), pins_bottom = body.y;
  double r = pin_radius(p, v.scale) + 1.5;
  bool has_pins = p.type != PartType::Switch && p.type != PartType::Button && p.pin_count() > 0;
  if (has_pins)
    for (int n = 1; n <= p.pin_count(); ++n) {
      Point c = v.to_canvas(*p.pin_position(n));
      pins_top = std::min(pins_top, c.y - r);
      pins_bottom = std::max(pins_bottom, c.y + r);
    }
  double y;
  if (!has_pins) {
    if (t.h > body.h) return;
    y = body.y + (body.h - t.h) / 2;
  } else if (pins_top - body.y >= t.h + 1) {
    y = body.y + 0.5;
  } else if (body.bottom() - pins_bottom >= t.h + 1) {
    y = body.bottom() - t.h - 0.5;
  } else {
    return;
  }
  Point at{body.x + (body.w - t.w) / 2, y};
  if (style.show_id && !style.show_id(p, {at.x, at.y, t.w, t.h})) return;
  s.text(Role::Text, p.id, at, p.id, st, text_on(fill), fill);
}

}  // namespace

double pin_radius(const Part& p, double scale) {
  double pitch = std::min(p.pitch, p.rows > 1 ? p.row_pitch : p.pitch);
  return std::clamp(pitch * 0.3, 0.35, 1.1) * scale;
}

void draw_board(const ResolvedBoard& board, const BoardView& v, scene::Scene& s, const BoardStyle& style) {
  const Outline& o = board.board->outline;
  std::vector<Point> pts;
  for (const auto& p : o.points) pts.push_back(v.to_canvas(p));
  s.path(Role::Board, board.board->id, pts, true, ui::kBoard, {ui::kBoardEdge, 1.5}, o.corner_radius * v.scale);
  for (const auto& h : board.board->holes)
    s.circle(Role::Board, "hole", v.to_canvas(h.center), h.diameter / 2 * v.scale, Color::hex("#f5f5f5"),
             {Color::hex("#b0bec5"), 1.0});
  // Big parts first so small ones that sit under a driver stay visible.
  std::vector<const Part*> order;
  for (const auto& p : board.parts) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(), [](const Part* a, const Part* b) {
    return a->body().w * a->body().h > b->body().w * b->body().h;
  });
  for (const Part* p : order) draw_body(*p, v, s);
  if (style.under_pins) style.under_pins(s);
  std::vector<PinDot> pins;
  for (const Part* p : order)
    if (p->type != PartType::Switch && p->type != PartType::Button) collect_pins(*p, v, style.plain_pins, pins);
  draw_pins(std::move(pins), s);
  for (const Part* p : order) draw_id(*p, v, s, style);
}

}  // namespace wb::pinout
