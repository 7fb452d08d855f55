#pragma once
// Draws a board to scale: outline, holes, part bodies, pins coloured by
// function class, pin-1 marks and part ids where they fit. Shared by the
// pin diagram and the wiring and jumper diagrams.
#include <functional>
#include <string>

#include "board/model.h"
#include "scene/scene.h"

namespace wb::pinout {

struct BoardView {
  double scale = 6;         // canvas units per mm
  Point origin{0, 0};       // canvas position of the board's (0, 0)
  Point to_canvas(Point mm) const { return {origin.x + mm.x * scale, origin.y + mm.y * scale}; }
  Rect to_canvas(const Rect& mm) const { return {origin.x + mm.x * scale, origin.y + mm.y * scale, mm.w * scale, mm.h * scale}; }
};

// How pins look. The pin diagram colours them by function class; the jumper
// diagrams draw them plain (grey, jumper pins gold) so that caps and marks
// drawn on top are the only colour.
// `show_id`, when set, decides whether a part's id is printed at the spot
// draw_board found for it (the wiring diagram leaves out ids that a wire runs
// through, since text is drawn on top of every shape).
// `under_pins`, when set, draws what goes over the part bodies but under the
// pins (the pin diagram's leader lines, which must not hide a pin).
struct BoardStyle {
  bool plain_pins = false;
  std::function<bool(const Part& part, const Rect& text)> show_id;
  std::function<void(scene::Scene&)> under_pins;
};

void draw_board(const ResolvedBoard& board, const BoardView& view, scene::Scene& s, const BoardStyle& style = {});

// Radius of a part's pin dots in canvas units (without their dark edge).
double pin_radius(const Part& p, double scale);

}  // namespace wb::pinout
