// Close-ups of set headers whose pins have names, so that "A1–A2" can be
// found on a 3x4 block: the header enlarged in its board orientation, every
// pin named, the caps drawn.
#include <algorithm>
#include <cmath>
#include <map>

#include "board/geometry.h"
#include "jumpers/common.h"
#include "jumpers/views.h"
#include "pinout/palette.h"

namespace wb::jumpers {
namespace {

using scene::Role;
namespace ui = pinout::ui;

constexpr double kPitch = 50;  // canvas units between neighbouring pins in a close-up
constexpr double kPinR = 7;
constexpr double kCapW = 24;

bool has_names(const Part& p) {
  return std::any_of(p.pins.begin(), p.pins.end(), [](const Pin& pin) { return !pin.name.empty(); });
}

struct Inset {
  const Part* part;
  const Setting* setting;
  std::vector<std::string> others;
};

// Draws one close-up with its frame at `at`; returns the frame.
Rect draw_inset(const Inset& in, const diagram::Build& build, Point at, scene::Scene& s) {
  const Part& p = *in.part;
  double k = kPitch / std::min(p.pitch, p.rows > 1 ? p.row_pitch : p.pitch);
  // The body in the close-up: the pin grid with room for the names around it
  // (a schematic body, not to scale).
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (int n = 1; n <= p.pin_count(); ++n) {
    Point q = *p.pin_position(n);
    x0 = std::min(x0, q.x), y0 = std::min(y0, q.y), x1 = std::max(x1, q.x), y1 = std::max(y1, q.y);
  }
  const double margin = 34;
  double bw = (x1 - x0) * k + 2 * margin + 12, bh = (y1 - y0) * k + 2 * margin;
  Point mid{(x0 + x1) / 2, (y0 + y1) / 2};
  draw::TextStyle title{10.5, true, false}, cap{9.5, false, false}, name{10, true, false};
  std::string head = p.id + " enlarged \u00b7 " + purpose_name(p.purpose) + " " + setting_short(*in.setting, build);
  std::string sub = in.others.empty() ? "as it sits on the board" : "the same on " + id_list(in.others);
  Rect th = scene::measure_text({0, 0}, head, title), sh = scene::measure_text({0, 0}, sub, cap);
  const double pad = 16, bar = 20;
  double w = std::max({bw + 2 * pad + 40, th.w + 16, sh.w + 16});
  double h = bar + sh.h + 10 + bh + 2 * pad;
  Rect frame{at.x, at.y, w, h};
  s.rect(Role::Label, "inset:" + p.id, frame, ui::kPaper, {ui::kTitleBar, 1.0}, 3);
  s.rect(Role::Mark, "inset-bar", {frame.x, frame.y, w, bar}, ui::kTitleBar, {}, 3);
  s.text(Role::Text, "inset:" + p.id, {frame.x + 8, frame.y + (bar - th.h) / 2}, head, title, ui::kPaper, ui::kTitleBar);
  s.text(Role::Text, "inset:" + p.id, {frame.x + 8, frame.y + bar + 4}, sub, cap, ui::kMuted, ui::kPaper);
  Point c{frame.x + w / 2, frame.y + bar + sh.h + 10 + pad + bh / 2};
  auto map = [&](Point q) { return Point{c.x + 6 + (q.x - mid.x) * k, c.y + (q.y - mid.y) * k}; };
  Rect body{c.x - bw / 2, c.y - bh / 2, bw, bh};
  s.rect(Role::Part, "inset-body:" + p.id, body, ui::kJumperBody, {ui::kPartEdge, 1.0}, 3);
  // Caps first (as rectangles) so the pin names can keep clear of them.
  std::vector<Rect> caps;
  for (const auto& cp : caps_of(p, *in.setting)) {
    Point a = map(cp.pa), b = map(cp.pb);
    Rect r{std::min(a.x, b.x) - kCapW / 2, std::min(a.y, b.y) - kCapW / 2, std::abs(a.x - b.x) + kCapW,
           std::abs(a.y - b.y) + kCapW};
    caps.push_back(r);
  }
  for (int n = 1; n <= p.pin_count(); ++n) {
    Point q = map(*p.pin_position(n));
    s.circle(Role::Pin, "inset-pin", q, kPinR, Color::hex("#ffd54f"), {ui::kInk, 1.0});
  }
  for (const auto& cp : caps_of(p, *in.setting)) {
    Point a = map(cp.pa), b = map(cp.pb);
    Rect r{std::min(a.x, b.x) - kCapW / 2, std::min(a.y, b.y) - kCapW / 2, std::abs(a.x - b.x) + kCapW,
           std::abs(a.y - b.y) + kCapW};
    s.rect(Role::Mark, "inset-cap:" + p.id + ":" + cp.a + "-" + cp.b, r, colors::kCap, {colors::kCapEdge, 1.4}, 6);
  }
  // Each pin's name beside it: left, else above, else below, wherever no cap is.
  for (int n = 1; n <= p.pin_count(); ++n) {
    const Pin* pin = p.pin(n);
    std::string label = pin && !pin->name.empty() ? pin->name : std::to_string(n);
    Point q = map(*p.pin_position(n));
    Rect t = scene::measure_text({0, 0}, label, name);
    std::vector<Point> spots = {{q.x - kCapW / 2 - 3 - t.w, q.y - t.h / 2},
                                {q.x - t.w / 2, q.y - kCapW / 2 - 2 - t.h},
                                {q.x - t.w / 2, q.y + kCapW / 2 + 2}};
    for (const auto& spot : spots) {
      Rect box{spot.x, spot.y, t.w, t.h};
      bool clear = std::none_of(caps.begin(), caps.end(), [&](const Rect& r) { return rects_overlap(box, r); });
      bool inside = box.x >= body.x && box.right() <= body.right() && box.y >= body.y && box.bottom() <= body.bottom();
      if (!clear || !inside) continue;
      s.text(Role::Text, "inset-name:" + p.id + ":" + label, spot, label, name, ui::kPaper, ui::kJumperBody);
      break;
    }
  }
  return frame;
}

}  // namespace

Rect draw_insets(const diagram::Build& build, const ResolvedBoard& rb, Point at, scene::Scene& s) {
  std::vector<Inset> insets;
  std::map<std::string, size_t> index;
  for (const auto& choice : build.jumpers) {
    const Part* p = rb.part(choice.part);
    if (!p || p->type != PartType::Jumper || !has_names(*p)) continue;
    const Setting* st = p->setting(choice.setting);
    if (!st || st->pairs.empty()) continue;
    std::string key = p->purpose + "|" + st->id + "|" + std::to_string(p->rows) + "x" + std::to_string(p->cols);
    if (auto it = index.find(key); it != index.end()) {
      insets[it->second].others.push_back(p->id);
      continue;
    }
    index[key] = insets.size();
    insets.push_back({p, st, {}});
  }
  Rect all{at.x, at.y, 0, 0};
  double x = at.x;
  for (const auto& in : insets) {
    Rect r = draw_inset(in, build, {x, at.y}, s);
    x = r.right() + 24;
    all.w = r.right() - at.x;
    all.h = std::max(all.h, r.h);
  }
  return all;
}

}  // namespace wb::jumpers
