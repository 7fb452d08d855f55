#include "jumpers/common.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "pinout/palette.h"

namespace wb::jumpers {

using scene::Role;
namespace ui = pinout::ui;

std::string purpose_name(const std::string& purpose) {
  static const std::map<std::string, std::string> known = {
      {"driver-mode", "driver mode"},           {"motor-power", "motor power"}, {"diag", "DIAG"},
      {"fan-voltage", "fan voltage"},    {"probe-voltage", "probe voltage"}, {"probe-pullup", "probe pull-up"},
      {"usb-power", "USB power"},        {"boot", "boot mode"},         {"can-termination", "CAN termination"},
  };
  if (auto it = known.find(purpose); it != known.end()) return it->second;
  if (purpose.empty()) return "jumper";
  std::string s = purpose;
  std::replace(s.begin(), s.end(), '-', ' ');
  return s;
}

std::string setting_short(const Setting& s, const diagram::Build& build) {
  if (!s.voltage.empty()) {
    if (s.voltage == "VIN") return build.vin.empty() ? "VIN" : "VIN (" + build.vin + " V)";
    return s.voltage + " V";
  }
  std::string id = s.id;
  bool word = id.size() <= 4 && std::all_of(id.begin(), id.end(), [](char c) { return std::isalpha((unsigned char)c); });
  if (word) {
    for (auto& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return id;
  }
  std::replace(id.begin(), id.end(), '-', ' ');
  return id;
}

std::string pairs_text(const Setting& s) {
  if (s.pairs.empty()) return "no cap";
  std::string out;
  bool numbers = true;
  for (const auto& [a, b] : s.pairs) {
    out += (out.empty() ? "" : ", ") + a + "\u2013" + b;
    numbers = numbers && std::all_of(a.begin(), a.end(), ::isdigit) && std::all_of(b.begin(), b.end(), ::isdigit);
  }
  return numbers ? "pins " + out : out;
}

namespace {
// Splits "J58" into ("J", 58); ids without a trailing number get -1.
std::pair<std::string, long> split_id(const std::string& id) {
  size_t k = id.size();
  while (k > 0 && std::isdigit(static_cast<unsigned char>(id[k - 1]))) --k;
  if (k == id.size() || id.size() - k > 9) return {id, -1};
  return {id.substr(0, k), std::stol(id.substr(k))};
}
}  // namespace

std::string id_list(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) {
    auto sa = split_id(a), sb = split_id(b);
    return sa != sb ? sa < sb : a < b;
  });
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out;
  for (size_t i = 0; i < ids.size();) {
    auto [stem, n] = split_id(ids[i]);
    size_t j = i;
    while (n >= 0 && j + 1 < ids.size()) {
      auto next = split_id(ids[j + 1]);
      if (next.first != stem || next.second != n + static_cast<long>(j + 1 - i)) break;
      ++j;
    }
    if (!out.empty()) out += ", ";
    if (j - i >= 2) {
      out += ids[i] + "\u2013" + ids[j];
      i = j + 1;
    } else {
      out += ids[i];
      ++i;
    }
  }
  return out;
}

Choice choice_for(const diagram::Build& build, const Part& part) {
  Choice c;
  for (const auto& j : build.jumpers)
    if (j.part == part.id) {
      c.choice = &j;
      c.setting = j.setting.empty() ? nullptr : part.setting(j.setting);
    }
  return c;
}

std::vector<Cap> caps_of(const Part& part, const Setting& setting) {
  std::vector<Cap> caps;
  for (const auto& [a, b] : setting.pairs) {
    const Pin* pa = part.pin_by_ref(a);
    const Pin* pb = part.pin_by_ref(b);
    // A pin listed only by number may have no <pin> element: use the number.
    auto number = [&](const Pin* p, const std::string& ref) -> int {
      if (p) return p->n;
      return std::all_of(ref.begin(), ref.end(), ::isdigit) && !ref.empty() ? std::stoi(ref) : 0;
    };
    auto qa = part.pin_position(number(pa, a)), qb = part.pin_position(number(pb, b));
    if (!qa || !qb) continue;
    caps.push_back({part.id, a, b, *qa, *qb});
  }
  return caps;
}

Rect draw_cap(const Cap& cap, const Part& part, const pinout::BoardView& v, scene::Scene& s) {
  double pitch = std::min(part.pitch, part.rows > 1 ? part.row_pitch : part.pitch);
  double w = 0.92 * pitch * v.scale;
  Point a = v.to_canvas(cap.pa), b = v.to_canvas(cap.pb);
  double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
  std::string tag = std::string(tags::kCap) + cap.part + ":" + cap.a + "-" + cap.b;
  scene::Stroke edge{colors::kCapEdge, 1.4};
  if (std::abs(dx) < 1e-6 || std::abs(dy) < 1e-6) {
    Rect r{std::min(a.x, b.x) - w / 2, std::min(a.y, b.y) - w / 2, std::abs(dx) + w, std::abs(dy) + w};
    s.rect(Role::Mark, tag, r, colors::kCap, edge, w * 0.28);
    // A lighter ridge along the cap, like the grip of a real one.
    bool along_x = std::abs(dx) >= std::abs(dy);
    Rect ridge = along_x ? Rect{r.x + w * 0.35, r.y + r.h / 2 - 0.8, r.w - w * 0.7, 1.6}
                         : Rect{r.x + r.w / 2 - 0.8, r.y + w * 0.35, 1.6, r.h - w * 0.7};
    s.rect(Role::Mark, "ridge:" + tag, ridge, colors::kCapShine);
    return r;
  }
  // A cap at an angle: a rotated rounded rectangle.
  double ux = dx / len, uy = dy / len, nx = -uy, ny = ux, h = w / 2;
  std::vector<Point> pts = {{a.x - ux * h + nx * h, a.y - uy * h + ny * h},
                            {b.x + ux * h + nx * h, b.y + uy * h + ny * h},
                            {b.x + ux * h - nx * h, b.y + uy * h - ny * h},
                            {a.x - ux * h - nx * h, a.y - uy * h - ny * h}};
  s.path(Role::Mark, tag, pts, true, colors::kCap, edge, w * 0.28);
  double x0 = pts[0].x, y0 = pts[0].y, x1 = x0, y1 = y0;
  for (const auto& p : pts) x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  return {x0, y0, x1 - x0, y1 - y0};
}

void draw_mark(scene::Scene& s, const std::string& tag, const Rect& r, Color color, double width) {
  s.rect(Role::Mark, "edge:" + tag, r, std::nullopt, {colors::kMarkEdge, width + 2.4}, 2.5);
  s.rect(Role::Mark, tag, r, std::nullopt, {color, width}, 2.5);
}

void draw_empty(scene::Scene& s, const std::string& part, const Rect& r) {
  s.rect(Role::Mark, "edge:" + std::string(tags::kEmpty) + part, r, std::nullopt, {colors::kMarkEdge, 3.6}, 2.5);
  s.rect(Role::Mark, tags::kEmpty + part, r, std::nullopt, {ui::kPaper, 1.8, {4, 3}}, 2.5);
}

Rect mark_box(const Part& part, const pinout::BoardView& v, const std::vector<const Part*>& neighbours) {
  Rect b = v.to_canvas(part.body());
  const double g = std::max(2.5, 0.35 * v.scale);
  double left = g, right = g, top = g, bottom = g;
  for (const Part* other : neighbours) {
    if (other == &part) continue;
    Rect o = v.to_canvas(other->body());
    bool beside = o.y < b.bottom() + 2 * g && o.bottom() > b.y - 2 * g;
    bool above_below = o.x < b.right() + 2 * g && o.right() > b.x - 2 * g;
    if (beside && o.x >= b.right() - 0.01) right = std::min(right, std::max(0.0, (o.x - b.right()) / 2));
    if (beside && o.right() <= b.x + 0.01) left = std::min(left, std::max(0.0, (b.x - o.right()) / 2));
    if (above_below && o.y >= b.bottom() - 0.01) bottom = std::min(bottom, std::max(0.0, (o.y - b.bottom()) / 2));
    if (above_below && o.bottom() <= b.y + 0.01) top = std::min(top, std::max(0.0, (b.y - o.bottom()) / 2));
  }
  return {b.x - left, b.y - top, b.w + left + right, b.h + top + bottom};
}

pinout::BoardView board_view(const ResolvedBoard& board, double width, double min_scale) {
  Rect mm = board.board->outline.bounds();
  pinout::BoardView v;
  v.scale = std::clamp(width / std::max(mm.w, mm.h * 1.4), min_scale, 14.0);
  v.origin = {-mm.x * v.scale, -mm.y * v.scale};
  return v;
}

std::string build_title(const diagram::Build& build, const ResolvedBoard& board) {
  return build.title.empty() ? board.title() : build.title;
}

page::LegendEntry box_entry(Color color, std::string text) {
  return {std::move(text), [color](scene::Scene& s, const Rect& at) {
            s.rect(Role::Legend, "legend", at, ui::kBoard, {}, 2);
            draw_mark(s, "legend-swatch", {at.x + 5, at.y + 3.5, at.w - 10, at.h - 7}, color, 2.6);
          }};
}

page::LegendEntry empty_entry(std::string text) {
  return {std::move(text), [](scene::Scene& s, const Rect& at) {
            s.rect(Role::Legend, "legend", at, ui::kBoard, {}, 2);
            draw_empty(s, "legend", {at.x + 5, at.y + 3.5, at.w - 10, at.h - 7});
          }};
}

page::LegendEntry cap_entry(std::string text) {
  return {std::move(text), [](scene::Scene& s, const Rect& at) {
            s.rect(Role::Legend, "legend", at, ui::kBoard, {}, 2);
            Rect cap{at.x + 6, at.y + at.h / 2 - 5, at.w - 12, 10};
            s.rect(Role::Legend, "legend-cap", cap, colors::kCap, {colors::kCapEdge, 1.4}, 2.8);
            s.rect(Role::Legend, "legend-cap", {cap.x + 4, cap.y + 4.2, cap.w - 8, 1.6}, colors::kCapShine);
          }};
}

}  // namespace wb::jumpers
