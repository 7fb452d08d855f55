#include "wiring/wiring.h"

#include <algorithm>
#include <cmath>

#include "board/geometry.h"
#include "pinout/board_drawing.h"
#include "pinout/palette.h"
#include "scene/compose.h"
#include "scene/render.h"
#include "wiring/boxes.h"
#include "wiring/labels.h"
#include "wiring/sides.h"
#include "wiring/steps.h"

namespace wb::wiring {
namespace {

constexpr double kMargin = 20;
constexpr double kAreaMargin = 4;  // routing area beyond the board and its parts

Rect unite(const Rect& a, const Rect& b) {
  double x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  return {x0, y0, std::max(a.right(), b.right()) - x0, std::max(a.bottom(), b.bottom()) - y0};
}

}  // namespace

scene::Scene wiring_layout(const diagram::Build& build, const ResolvedBoard& rb) {
  Layout L;
  L.build = &build;
  L.board = &rb;
  Rect mm = rb.board->outline.bounds();
  // The board about 1000 units across, as in the pin diagram.
  L.view.scale = std::clamp(1000.0 / std::max(mm.w, mm.h * 1.6), 4.0, 14.0);
  L.view.origin = {-mm.x * L.view.scale, -mm.y * L.view.scale};
  Rect area = L.view.to_canvas(mm);
  for (const auto& p : rb.parts) area = unite(area, L.view.to_canvas(p.body()));
  L.area = {area.x - kAreaMargin, area.y - kAreaMargin, area.w + 2 * kAreaMargin, area.h + 2 * kAreaMargin};

  collect_wires(L);
  assign_sides(L);
  route_bundles(L);
  place_boxes(L);
  nudge_wires(L);

  scene::Scene labels;
  auto unlabelled = place_labels(L, labels);
  std::vector<std::string> notes;
  for (const auto& [part, text] : unlabelled) notes.push_back(text);

  scene::Scene body;
  // Part ids go where draw_board puts them, unless a wire runs through that
  // spot or the part has a connector label of its own.
  pinout::BoardStyle style;
  style.show_id = [&](const Part& part, const Rect& text) {
    bool labelled = std::none_of(unlabelled.begin(), unlabelled.end(), [&](const auto& u) { return u.first == &part; });
    for (const auto& w : L.wires)
      if (w.part == &part && labelled) return false;
    Rect r{text.x - geom::kHalf, text.y - geom::kHalf, text.w + 2 * geom::kHalf, text.h + 2 * geom::kHalf};
    for (const auto& w : L.wires)
      for (size_t k = 0; k + 1 < w.path.size(); ++k)
        if (segment_hits_rect(w.path[k], w.path[k + 1], r)) return false;
    return true;
  };
  pinout::draw_board(rb, L.view, body, style);
  draw_wires(L, body);
  for (const auto& b : L.boxes) draw_box(build.components[b.component], b, body);
  scene::append(body, std::move(labels), 0, 0);

  Rect extent = scene::bounds(body);
  scene::Scene header;
  double band = draw_title(L, std::max(extent.w, 900.0), notes, header);
  Rect head = scene::bounds(header);
  scene::Scene out(std::ceil(std::max(extent.w, head.right()) + 2 * kMargin), std::ceil(extent.h + band + 2 * kMargin));
  out.background = pinout::ui::kPaper;
  scene::append(out, std::move(header), kMargin, kMargin);
  scene::append(out, std::move(body), kMargin - extent.x, kMargin + band - extent.y);
  return out;
}

std::string render(const diagram::Build& build, const ResolvedBoard& board, draw::Format format, double scale) {
  return scene::render(wiring_layout(build, board), format, scale);
}

}  // namespace wb::wiring
