#pragma once
// What the wiring layout works on: wires (one per board pin a component
// uses), bundles (the wires of one component to one connector) and
// component boxes, all in canvas units around the board drawn to scale.
#include <string>
#include <vector>

#include "board/model.h"
#include "diagram/spec.h"
#include "draw/color.h"
#include "pinout/board_drawing.h"

namespace wb::wiring {

// A direction on the canvas and the board side it points to (y grows down).
enum Side { kLeft, kRight, kTop, kBottom };
inline constexpr Side kSides[] = {kLeft, kRight, kTop, kBottom};

inline Point unit(Side s) {
  switch (s) {
    case kLeft: return {-1, 0};
    case kRight: return {1, 0};
    case kTop: return {0, -1};
    default: return {0, 1};
  }
}
// Rows of boxes run along x above and below the board.
inline bool along_x(Side s) { return s == kTop || s == kBottom; }
// A direction of travel that runs along x.
inline bool moves_along_x(Side d) { return d == kLeft || d == kRight; }
inline Side opposite(Side d) {
  switch (d) {
    case kTop: return kBottom;
    case kBottom: return kTop;
    case kLeft: return kRight;
    default: return kLeft;
  }
}
// The direction after a quarter turn to the left or the right (y grows downwards).
inline Side left_of(Side d) {
  switch (d) {
    case kTop: return kLeft;
    case kLeft: return kBottom;
    case kBottom: return kRight;
    default: return kTop;
  }
}
inline Side right_of(Side d) { return opposite(left_of(d)); }
inline double outward(Side s) { return s == kRight || s == kBottom ? 1 : -1; }
// Distance a point travels along the side's outward direction.
inline double along(Point p, Side s) { return along_x(s) ? p.y * outward(s) : p.x * outward(s); }
// Position of a point along the side's edge.
inline double across(Point p, Side s) { return along_x(s) ? p.x : p.y; }
// The point at a position along an edge and a depth across it.
inline Point at(Side s, double across_pos, double depth) {
  return along_x(s) ? Point{across_pos, depth} : Point{depth, across_pos};
}

struct WireRun {
  int component = 0;      // index into Build::components
  const Part* part = nullptr;
  int pin = 0;
  std::string color_name;
  draw::Color color{0, 0, 0};
  Point pin_at;           // canvas position of the pin
  std::string tag;        // "component:CONNECTOR.pin"
  int bundle = -1;
  std::vector<Point> board_path;  // pin -> where it crosses the routing edge
  double drop = 0;        // across-position where it crosses the routing edge
  double entry = 0;       // across-position where it meets its box
  int track = -1;         // channel track outside the board, -1: goes straight
  std::vector<Point> path;  // finished: box edge -> pin
};

struct Bundle {
  int component = 0;
  const Part* part = nullptr;
  std::vector<int> wires;  // indices into the wire list
};

struct ComponentBox {
  int component = 0;
  Side side = kBottom;
  Point anchor;                // mean position of its pins
  std::vector<int> wires;      // in the order they meet the box
  Rect rect;                   // size first, then placed
  double mean_drop = 0;
};

// Everything the layout builds up, in canvas units with the board's (0, 0) mm at (0, 0).
struct Layout {
  const diagram::Build* build = nullptr;
  const ResolvedBoard* board = nullptr;
  pinout::BoardView view;
  Rect area;  // the board and every part body, a little grown: wires leave it towards the boxes
  std::vector<WireRun> wires;
  std::vector<Bundle> bundles;
  std::vector<ComponentBox> boxes;
};

// Wire geometry shared by the router and the drawing.
namespace geom {
inline constexpr double kWire = 2.2;      // coloured core
inline constexpr double kOutline = 0.8;   // contrasting edge on each side
inline constexpr double kHalf = kWire / 2 + kOutline;
inline constexpr double kSpacing = 6.5;   // between neighbouring wires of a bundle
inline constexpr double kTrack = 6.5;     // between channel tracks
inline constexpr double kEntry = 7.5;     // between wires where they meet a box
}  // namespace geom

}  // namespace wb::wiring
