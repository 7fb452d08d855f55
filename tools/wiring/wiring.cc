#include "wiring/wiring.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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

  auto T = [t0 = std::chrono::steady_clock::now()](const char* what) mutable {
    if (!std::getenv("WB_WIRING_TIMES")) return;
    auto t = std::chrono::steady_clock::now();
    std::fprintf(stderr, "%s %.1f ms\n", what, std::chrono::duration<double, std::milli>(t - t0).count());
    t0 = t;
  };
  collect_wires(L);
  assign_sides(L);
  T("collect+sides");
  route_bundles(L);
  T("route");
  place_boxes(L);
  T("boxes");

  scene::Scene body;
  pinout::draw_board(rb, L.view, body);
  draw_wires(L, body);
  for (const auto& b : L.boxes) draw_box(build.components[b.component], b, body);
  T("draw");
  place_labels(L, body);
  T("labels");

  Rect extent = scene::bounds(body);
  scene::Scene header;
  double band = draw_title(L, std::max(extent.w, 900.0), header);
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
