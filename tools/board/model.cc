#include "board/model.h"

#include <algorithm>
#include <cmath>

namespace wb {

Rect Outline::bounds() const {
  if (points.empty()) return {};
  double x0 = points[0].x, y0 = points[0].y, x1 = x0, y1 = y0;
  for (const auto& p : points) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

const char* part_type_name(PartType t) {
  switch (t) {
    case PartType::Connector: return "connector";
    case PartType::Driver: return "driver";
    case PartType::Jumper: return "jumper";
    case PartType::Switch: return "switch";
    case PartType::Button: return "button";
  }
  return "part";
}

const Pin* Part::pin(int n) const {
  for (const auto& p : pins)
    if (p.n == n) return &p;
  return nullptr;
}

const Pin* Part::pin_by_ref(const std::string& ref) const {
  for (const auto& p : pins)
    if (!p.name.empty() && p.name == ref) return &p;
  for (const auto& p : pins)
    if (std::to_string(p.n) == ref) return &p;
  return nullptr;
}

const DriverSignal* Part::signal(const std::string& name) const {
  for (const auto& s : signals)
    if (s.name == name) return &s;
  return nullptr;
}

const Setting* Part::setting(const std::string& id) const {
  for (const auto& s : settings)
    if (s.id == id) return &s;
  return nullptr;
}

Rect Part::body() const {
  bool turned = rotation == 90 || rotation == 270;
  double w = turned ? height : width, h = turned ? width : height;
  return {x - w / 2, y - h / 2, w, h};
}

namespace {
// Grid cell (row, column) of the k-th pin (0-based) in the part's own frame.
std::pair<int, int> grid_cell(const Part& p, int k) {
  bool top = p.pin1.find("bottom") == std::string::npos;
  bool left = p.pin1.find("right") == std::string::npos;
  int r0 = top ? 0 : p.rows - 1, dr = top ? 1 : -1;
  int c0 = left ? 0 : p.cols - 1, dc = left ? 1 : -1;
  int row_step, col_step;
  switch (p.numbering) {
    case Numbering::Rows:
      row_step = k / p.cols;
      col_step = k % p.cols;
      break;
    case Numbering::Columns:
      col_step = k / p.rows;
      row_step = k % p.rows;
      break;
    case Numbering::Around:
    default:
      // Down one side and back up the next, like a DIP package.
      if (p.rows >= p.cols) {
        col_step = k / p.rows;
        row_step = k % p.rows;
        if (col_step % 2 == 1) row_step = p.rows - 1 - row_step;
      } else {
        row_step = k / p.cols;
        col_step = k % p.cols;
        if (row_step % 2 == 1) col_step = p.cols - 1 - col_step;
      }
      break;
  }
  return {r0 + dr * row_step, c0 + dc * col_step};
}
}  // namespace

std::optional<Point> Part::pin_position(int n) const {
  if (n < 1 || n > pin_count()) return std::nullopt;
  auto [r, c] = grid_cell(*this, n - 1);
  double ox = (c - (cols - 1) / 2.0) * pitch;
  double oy = (r - (rows - 1) / 2.0) * row_pitch;
  double rx = ox, ry = oy;
  switch (rotation) {
    case 90: rx = -oy; ry = ox; break;
    case 180: rx = -ox; ry = -oy; break;
    case 270: rx = oy; ry = -ox; break;
    default: break;
  }
  return Point{x + rx, y + ry};
}

const Revision* Board::revision(const std::string& id) const {
  for (const auto& r : revisions)
    if (r.id == id) return &r;
  return nullptr;
}

const Mcu* Board::mcu(const std::string& id) const {
  for (const auto& m : mcus)
    if (m.id == id) return &m;
  return nullptr;
}

std::vector<const Mcu*> Board::mcus_for(const std::string& revision) const {
  std::vector<const Mcu*> out;
  for (const auto& m : mcus)
    if (m.revisions.empty() || std::find(m.revisions.begin(), m.revisions.end(), revision) != m.revisions.end())
      out.push_back(&m);
  return out;
}

const Part* ResolvedBoard::part(const std::string& id) const {
  for (const auto& p : parts)
    if (p.id == id) return &p;
  return nullptr;
}

std::string ResolvedBoard::title() const {
  std::string t = board->vendor.empty() ? board->name : board->vendor + " " + board->name;
  if (revision) t += " " + revision->name;
  if (mcu) t += " (" + mcu->part + ")";
  return t;
}

std::string ResolvedBoard::spec() const {
  std::string s = board->id;
  if (revision) s += "@" + revision->id;
  if (mcu) s += "+" + mcu->id;
  return s;
}

const std::vector<std::string>& function_classes() {
  static const std::vector<std::string> classes = {
      "power", "ground", "motor", "driver", "heater", "fan",  "thermistor", "rtd", "endstop", "probe", "spi",
      "uart",  "i2c",    "can",   "usb",    "display", "sd", "led",        "debug", "reset", "gpio",  "nc"};
  return classes;
}

bool is_function_class(const std::string& f) {
  const auto& c = function_classes();
  return std::find(c.begin(), c.end(), f) != c.end();
}

}  // namespace wb
