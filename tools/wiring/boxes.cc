#include "wiring/boxes.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "pinout/palette.h"

namespace wb::wiring {
namespace {

using scene::Role;
namespace ui = pinout::ui;

const draw::TextStyle kTitle{10, true, false};
const draw::TextStyle kRole{9, false, false};
constexpr double kStripe = 5, kPadX = 7, kPadY = 5, kLineGap = 2;

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The role, unless it only repeats the label.
std::string subtitle(const diagram::Component& c) {
  if (!c.role.empty() && lower(c.role) != lower(c.label)) return c.role;
  return "";
}

}  // namespace

std::string box_tag(const diagram::Component& c) { return "component:" + c.id; }

draw::Color kind_color(const std::string& kind) {
  static const std::map<std::string, std::string> cls = {
      {"stepper", "motor"}, {"heater", "heater"}, {"ssr", "heater"},  {"fan", "fan"},
      {"thermistor", "thermistor"}, {"endstop", "endstop"}, {"probe", "probe"}, {"display", "display"},
      {"psu", "power"},     {"pi", "uart"},       {"led", "led"},
  };
  auto it = cls.find(kind);
  return pinout::class_color(it == cls.end() ? "gpio" : it->second);
}

Rect measure_box(const diagram::Component& c, size_t wires, Side side) {
  Rect t = scene::measure_text({0, 0}, c.label, kTitle);
  double w = t.w, h = t.h;
  std::string sub = subtitle(c);
  if (!sub.empty()) {
    Rect r = scene::measure_text({0, 0}, sub, kRole);
    w = std::max(w, r.w);
    h += kLineGap + r.h;
  }
  w += kStripe + 2 * kPadX;
  h += 2 * kPadY;
  double need = static_cast<double>(wires) * geom::kEntry + 2 * kPadX;
  if (along_x(side)) w = std::max(w, need);
  else h = std::max(h, need);
  return {0, 0, std::ceil(w), std::ceil(h)};
}

void draw_box(const diagram::Component& c, const ComponentBox& box, scene::Scene& s) {
  const Rect& r = box.rect;
  std::string tag = box_tag(c);
  s.rect(Role::Label, tag, r, ui::kPaper, {ui::kPartEdge, 1.2}, 3);
  s.rect(Role::Mark, tag, {r.x + 1.5, r.y + 1.5, kStripe, r.h - 3}, kind_color(c.kind), {}, 1.5);
  Rect t = scene::measure_text({0, 0}, c.label, kTitle);
  std::string sub = subtitle(c);
  double text_h = t.h + (sub.empty() ? 0 : kLineGap + scene::measure_text({0, 0}, sub, kRole).h);
  double x = r.x + kStripe + kPadX, y = r.y + (r.h - text_h) / 2;
  Rect title = s.text(Role::Text, tag, {x, y}, c.label, kTitle, ui::kInk, ui::kPaper);
  if (!sub.empty()) s.text(Role::Text, tag, {x, title.bottom() + kLineGap}, sub, kRole, ui::kMuted, ui::kPaper);
}

}  // namespace wb::wiring
