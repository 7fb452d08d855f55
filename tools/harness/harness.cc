#include "harness/harness.h"

#include <algorithm>
#include <cmath>

#include "harness/layout.h"
#include "page/page.h"
#include "pinout/palette.h"
#include "scene/render.h"

namespace wb::harness {
namespace {

using scene::Role;
namespace ui = pinout::ui;

const Color kCasing = Color::hex("#1a1a1a");
const Color kTerminal = Color::hex("#37474f");

void draw_node(const Node& n, scene::Scene& s) {
  const Rect& b = n.box;
  Color bar = n.board ? ui::kBoard : ui::kTitleBar;
  s.rect(Role::Part, "node:" + n.id, b, ui::kPaper, {ui::kInk, 1.2}, 4);
  s.rect(Role::Mark, "node-title:" + n.id, {b.x, b.y, b.w, style::kTitleH}, bar, {}, 4);
  draw::TextStyle title{11, true, false}, sub{9.5, false, false}, text{style::kTextSize, false, false},
      mono{style::kTextSize, true, true}, chip{9.5, true, false};
  Rect tt = scene::measure_text({0, 0}, n.title, title);
  s.text(Role::Text, "node:" + n.id, {b.x + style::kPad, b.y + (style::kTitleH - tt.h) / 2}, n.title, title, ui::kPaper,
         bar);
  if (!n.subtitle.empty()) {
    Rect st = scene::measure_text({0, 0}, n.subtitle, sub);
    s.text(Role::Text, "node:" + n.id, {b.x + style::kPad, b.y + style::kTitleH + (style::kSubtitleH - st.h) / 2},
           n.subtitle, sub, ui::kMuted, ui::kPaper);
  }
  for (size_t i = 0; i < n.rows.size(); ++i) {
    const Row& r = n.rows[i];
    double y = b.y + r.top;
    Color bg = i % 2 ? ui::kRowAlt : ui::kPaper;
    if (i % 2) s.rect(Role::Mark, "row", {b.x + 1, y, b.w - 2, r.h}, bg);
    double x = b.x + style::kPad + style::kTerminalW;
    if (r.chip) {
      Rect ct = scene::measure_text({0, 0}, r.chip_text, chip);
      double w = std::max(ct.w + 8, 22.0);
      Rect box{x, y + (r.h - 16) / 2, w, 16};
      s.rect(Role::Mark, "pin-chip", box, *r.chip, {}, 3);
      s.text(Role::Text, "pin-chip", {box.x + (w - ct.w) / 2, box.y + (16 - ct.h) / 2}, r.chip_text, chip,
             pinout::text_on(*r.chip), *r.chip);
      x += w + 6;
    }
    bool used = r.wires[0] + r.wires[1] > 0;
    Rect tt2 = scene::measure_text({0, 0}, r.text, text);
    s.text(Role::Text, "row:" + n.id + "." + r.key, {x, y + (r.h - tt2.h) / 2}, r.text, used ? mono : text,
           used ? ui::kInk : ui::kMuted, bg);
    if (!r.detail.empty()) {
      Rect dt = scene::measure_text({0, 0}, r.detail, mono);
      s.text(Role::Text, "mcu:" + n.id + "." + r.key,
             {b.right() - style::kPad - style::kTerminalW - dt.w, y + (r.h - dt.h) / 2}, r.detail, mono, ui::kInk, bg);
    }
  }
}

// A dark tab on the box edge where a row's wires attach.
void draw_terminals(const Layout& L, scene::Scene& s) {
  for (const auto& n : L.nodes)
    for (const auto& r : n.rows)
      for (int side = 0; side < 2; ++side) {
        if (!r.wires[side]) continue;
        double k = r.wires[side];
        double cy = n.box.y + r.top + r.h / 2;
        double half = (k - 1) / 2.0 * style::kWireSep + 5;
        double ex = side ? n.box.right() : n.box.x;
        s.rect(Role::Pin, "terminal:" + n.id + "." + r.key,
               {ex - style::kTerminalW / 2, cy - half, style::kTerminalW, 2 * half}, kTerminal, {}, 1.5);
      }
}

void draw_wires(const Layout& L, scene::Scene& s) {
  for (const auto& r : L.routes)
    s.path(Role::Wire, "casing:" + std::to_string(r.index), r.points, false, std::nullopt, {kCasing, 5.4});
  for (const auto& r : L.routes) {
    s.path(Role::Wire, "wire:" + std::to_string(r.index), r.points, false, std::nullopt, {r.core, 3.2});
    if (r.stripe)
      s.path(Role::Wire, "stripe:" + std::to_string(r.index), r.points, false, std::nullopt, {*r.stripe, 3.2, {7, 7}});
  }
  draw::TextStyle st{style::kLabelSize, false, false};
  for (const auto& r : L.routes)
    if (r.label_placed)
      s.text(Role::Label, "wire-label:" + std::to_string(r.index), {r.label_box.x, r.label_box.y}, r.label, st,
             ui::kInk, ui::kPaper);
}

}  // namespace

scene::Scene harness_layout(const diagram::Build& build, const ResolvedBoard& board, const diagram::Harness& harness) {
  Layout L = build_layout(build, board, harness);
  draw::TextStyle st{style::kLabelSize, false, false};
  double widest = 0;
  for (const auto& r : L.routes) widest = std::max(widest, scene::measure_text({0, 0}, r.label, st).w);
  double zone = std::max(50.0, widest + 26);
  bool ok = false;
  for (int attempt = 0; attempt < 4 && !ok; ++attempt, zone += 40) {
    route_wires(L, zone);
    ok = place_labels(L);
  }
  scene::Scene body;
  for (const auto& n : L.nodes) draw_node(n, body);
  draw_wires(L, body);
  draw_terminals(L, body);

  page::Header h;
  h.title = (harness.title.empty() ? harness.id : harness.title);
  h.lines.push_back((build.title.empty() ? build.id : build.title) + " \u00b7 " + board.title() + ".");
  h.lines.push_back("Each wire is drawn in its colour and labelled with colour, gauge and what it carries; "
                    "board connectors list every pin with its MCU pin, pin numbers as on the board.");
  for (const auto& p : L.problems) h.notes.push_back("Not found in the build or board data: " + p + ".");
  if (!ok) h.notes.push_back("Some wire labels did not fit and are left out.");
  if (harness.wires.empty()) h.notes.push_back("This harness has no wires.");
  return page::compose(h, std::move(body), 0);
}

std::string render(const diagram::Build& build, const ResolvedBoard& board, const diagram::Harness& harness,
                   draw::Format format, double scale) {
  return scene::render(harness_layout(build, board, harness), format, scale);
}

}  // namespace wb::harness
