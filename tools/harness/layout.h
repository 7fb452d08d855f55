#pragma once
// Inside the harness diagram: nodes (components and board connectors) in
// layers from left to right, the board's connectors last; wires between
// terminal rows routed through the channels between layers.
#include <optional>
#include <string>
#include <vector>

#include "board/model.h"
#include "diagram/spec.h"
#include "scene/scene.h"

namespace wb::harness {

using draw::Color;

namespace style {
inline constexpr double kRowH = 24;        // a terminal row with one wire per side
inline constexpr double kWireSep = 18;     // between wires on one terminal
inline constexpr double kTitleH = 24;
inline constexpr double kSubtitleH = 18;
inline constexpr double kPad = 8;
inline constexpr double kTerminalW = 8;
inline constexpr double kNodeGap = 34;     // between nodes of a layer
inline constexpr double kTrackSep = 12;    // between vertical wire runs
inline constexpr double kLabelSize = 9.5;
inline constexpr double kTextSize = 10.5;
}  // namespace style

struct Row {
  std::string key;    // terminal name or pin number
  std::string text;   // terminal label or pin signal
  std::string detail; // MCU pin of a board pin
  std::optional<Color> chip;  // board pins: pin number chip in its function colour
  std::string chip_text;
  int wires[2] = {0, 0};  // wires on the left (0) and right (1) side
  double top = 0, h = style::kRowH;  // relative to the node's top
};

struct Node {
  std::string id;  // component id, or "board:CONNECTOR"
  bool board = false;
  std::string title, subtitle;
  std::vector<Row> rows;
  int layer = 0;
  double w = 0, h = 0;
  Rect box;  // placed
  double rows_top() const;  // offset of the first row below the title
  int row(const std::string& key) const;
};

struct End {
  int node = -1, row = -1;
  int side = 1;  // 0 left, 1 right
  int slot = 0;  // which of the wires on that side of the row
  Point at;      // on the node edge
};

struct Route {
  int index = 0;  // in the harness
  End a, b;       // a in the lower (or same) layer
  Color core{0, 0, 0, 1};
  std::optional<Color> stripe;
  std::string color_name, label;
  std::vector<Point> points;
  Rect label_box;
  bool label_placed = false;
};

struct Layout {
  std::vector<Node> nodes;
  std::vector<Route> routes;
  std::vector<std::string> problems;  // wire ends that name nothing known
};

// Nodes, layers, sizes and places (everything but the wire paths).
Layout build_layout(const diagram::Build& build, const ResolvedBoard& board, const diagram::Harness& harness);
// Channels, vertical runs and wire paths; then the wire labels. `zone` is the
// room kept beside each node for labels.
void route_wires(Layout& layout, double zone);
bool place_labels(Layout& layout);

}  // namespace wb::harness
