#include "heatsinks/heatsinks.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "pinout/board_drawing.h"
#include "pinout/palette.h"

namespace wb::heatsinks {
namespace {

using scene::Role;
using draw::Color;

const Color kModule = Color::hex("#4a148c");   // driver board
const Color kSink = Color::hex("#b0bec5");     // aluminium
const Color kFin = Color::hex("#546e7a");
const Color kEmpty = Color::hex("#fff3e0");

}  // namespace

scene::Scene heatsink_layout(const diagram::Build& build, const ResolvedBoard& board) {
  std::set<std::string> used;
  for (const auto& c : build.components)
    if (!c.driver.empty()) used.insert(c.driver);

  Rect mm = board.board->outline.bounds();
  pinout::BoardView view;
  view.scale = std::clamp(1000.0 / std::max(mm.w, mm.h * 1.6), 4.0, 14.0);
  const double margin = 24, title_h = 96;
  view.origin = {margin - mm.x * view.scale, margin + title_h - mm.y * view.scale};
  scene::Scene s(std::ceil(mm.w * view.scale + 2 * margin), std::ceil(mm.h * view.scale + 2 * margin + title_h + 40));
  s.background = pinout::ui::kPaper;

  draw::TextStyle title{20, true, false}, sub{11, false, false}, label{std::clamp(view.scale * 1.6, 8.0, 11.0), true, false};
  Rect t = s.text(Role::Title, "title", {margin, margin}, build.title + " \u2014 drivers and heat sinks", title,
                  pinout::ui::kInk, pinout::ui::kPaper);
  std::string list;
  for (const auto& d : used) list += (list.empty() ? "" : ", ") + d;
  s.text(Role::Title, "title", {margin, t.bottom() + 6},
         "Fit a driver with a heat sink in " + (list.empty() ? std::string("no socket") : list) +
             ". Sockets left empty are shaded.",
         sub, pinout::ui::kMuted, pinout::ui::kPaper);

  pinout::draw_board(board, view, s);
  for (const auto& p : board.parts) {
    if (p.type != PartType::Driver) continue;
    Rect body = view.to_canvas(p.body());
    if (!used.count(p.id)) {
      s.rect(Role::Mark, p.id, body, Color{kEmpty.r, kEmpty.g, kEmpty.b, 0.6}, {pinout::ui::kPartEdge, 1}, 2);
      continue;
    }
    // The module overhangs its socket a little; the sink sits in its middle.
    Rect module{body.x - 2, body.y - 2, body.w + 4, body.h + 4};
    s.rect(Role::Part, p.id, module, kModule, {pinout::ui::kInk, 1}, 3);
    double side = std::min(module.w, module.h) * 0.72;
    Rect sink{module.x + (module.w - side) / 2, module.y + (module.h - side) / 2 + module.h * 0.08, side, side};
    s.rect(Role::Part, p.id, sink, kSink, {kFin, 1}, 2);
    const int fins = 6;
    for (int i = 1; i < fins; ++i) {
      double x = sink.x + sink.w * i / fins;
      s.path(Role::Mark, p.id, {{x, sink.y + 3}, {x, sink.bottom() - 3}}, false, std::nullopt, {kFin, 1.6});
    }
    Rect size = scene::measure_text({0, 0}, p.id, label);
    Point at{module.x + (module.w - size.w) / 2, module.y + 3};
    if (size.w + 2 <= module.w) s.text(Role::Text, p.id, at, p.id, label, pinout::text_on(kModule), kModule);
  }
  return s;
}

}  // namespace wb::heatsinks
