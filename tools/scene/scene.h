#pragma once
// A display list: what a diagram draws, in canvas units, before any file
// format is chosen. Layout code builds a Scene; render.h draws it to PNG,
// SVG or PDF through one code path, and tests inspect it (overlaps,
// contrast) without rasterising anything.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "board/model.h"
#include "draw/color.h"
#include "draw/fonts.h"

namespace wb::scene {

using draw::Color;
using draw::TextStyle;

// What an item is for; tests use it to find labels, leaders and the board.
enum class Role { Background, Board, Part, Pin, Label, Leader, Wire, Text, Title, Legend, Mark };

struct Stroke {
  Color color{0, 0, 0, 0};
  double width = 0;
  std::vector<double> dash;
  bool visible() const { return width > 0 && color.a > 0; }
};

struct RectShape {
  Rect rect;
  double radius = 0;
  std::optional<Color> fill;
  Stroke stroke;
};

struct CircleShape {
  Point center;
  double radius = 0;
  std::optional<Color> fill;
  Stroke stroke;
};

struct PathShape {
  std::vector<Point> points;
  bool closed = false;
  double corner_radius = 0;  // rounds every corner of a closed path
  std::optional<Color> fill;
  Stroke stroke;
};

struct TextShape {
  Point top_left;
  std::string text;
  TextStyle style;
  Color color;
  Color background;  // what the text sits on, for contrast checks
  Rect box;          // measured extent
};

struct Item {
  Role role;
  std::string tag;  // e.g. the part or label id
  std::variant<RectShape, CircleShape, PathShape, TextShape> shape;
};

class Scene {
 public:
  Scene(double width = 0, double height = 0) : width(width), height(height) {}
  double width, height;
  Color background{1, 1, 1, 1};
  std::vector<Item> items;

  void rect(Role role, const std::string& tag, const Rect& r, std::optional<Color> fill, Stroke stroke = {},
            double radius = 0);
  void circle(Role role, const std::string& tag, Point c, double radius, std::optional<Color> fill, Stroke stroke = {});
  void path(Role role, const std::string& tag, std::vector<Point> points, bool closed, std::optional<Color> fill,
            Stroke stroke = {}, double corner_radius = 0);
  // Places text with its top-left corner at p; returns its extent.
  Rect text(Role role, const std::string& tag, Point p, const std::string& text, const TextStyle& style, Color color,
            Color background);

  // Extents of every item of a role (text and rect items).
  std::vector<std::pair<std::string, Rect>> boxes(Role role) const;
  std::vector<const TextShape*> texts() const;
};

// Measures text the way the renderer will draw it.
Rect measure_text(Point top_left, const std::string& text, const TextStyle& style);

}  // namespace wb::scene
