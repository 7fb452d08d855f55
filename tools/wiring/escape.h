#pragma once
// Getting wires out of a connector: every used pin gets a lane, a line
// parallel to the exit direction that leaves the connector body without
// running over another pin. The pin nearest the exit in its file (the pins
// in line along the exit direction) goes straight out; the ones behind it
// step sideways into the gap between two files, or beside the outer file,
// first. Lanes of deeper pins lie further out, so escapes never cross.
#include <vector>

#include "pinout/board_drawing.h"
#include "wiring/model.h"

namespace wb::wiring {

struct Escape {
  bool ok = false;
  Side dir = kTop;
  Point exit;                              // centre of the lanes on the exit line
  double half_width = 0;                   // distance of the furthest lane from the centre
  std::vector<double> offset;              // per pin: signed offset along left_normal(dir)
  std::vector<std::vector<Point>> paths;   // per pin: pin -> its lane on the exit line
  double cost = 0;                         // pins passed too closely and escapes crossed
};

// Left of the direction of travel (y grows downwards).
inline Point left_normal(Side d) {
  Point u = unit(d);
  return {u.y, -u.x};
}

// Lanes for `pins` of `part` leaving towards `dir`.
Escape escape(const Part& part, const std::vector<int>& pins, Side dir, const pinout::BoardView& view);

// Clearance from a pin centre to the centre of a wire passing it.
double pin_clearance(const Part& part, double scale);

}  // namespace wb::wiring
