// Wires as drawn: a contrasting edge under the coloured core, and a dot
// where each wire lands on its pin.
#include "wiring/colors.h"
#include "wiring/steps.h"

namespace wb::wiring {

void draw_wires(const Layout& L, scene::Scene& s) {
  using scene::Role;
  for (const auto& b : L.bundles)
    for (int wi : b.wires) {
      const WireRun& w = L.wires[wi];
      if (w.path.size() < 2) continue;
      draw::Color edge = wire_edge(w.color);
      s.path(Role::Mark, w.tag, w.path, false, std::nullopt, {edge, geom::kWire + 2 * geom::kOutline});
      s.path(Role::Wire, w.tag, w.path, false, std::nullopt, {w.color, geom::kWire});
      s.circle(Role::Mark, w.tag, w.pin_at, 2.6, w.color, {edge, 1.0});
    }
}

}  // namespace wb::wiring
