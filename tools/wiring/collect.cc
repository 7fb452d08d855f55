// From the build to wires: one per board pin a component uses, from its
// attachments and from harness wires that end on a board pin.
#include <algorithm>
#include <set>

#include "wiring/colors.h"
#include "wiring/steps.h"
#include "wiring/wiring.h"

namespace wb::wiring {

std::string wire_tag(const std::string& component, const std::string& connector, int pin) {
  return component + ":" + connector + "." + std::to_string(pin);
}

std::string connector_label(const Part& p, const std::vector<int>& pins, const std::string& driver) {
  if (!driver.empty()) return p.id + " \u00b7 " + driver;
  std::vector<std::string> mcu;
  for (int n : pins)
    if (const Pin* pin = p.pin(n); pin && !pin->mcu.empty())
      if (std::find(mcu.begin(), mcu.end(), pin->mcu) == mcu.end()) mcu.push_back(pin->mcu);
  if (mcu.empty() || mcu.size() > 2) return p.id;
  std::string s = p.id + " (";
  for (size_t i = 0; i < mcu.size(); ++i) s += (i ? ", " : "") + mcu[i];
  return s + ")";
}

void collect_wires(Layout& L) {
  const auto& build = *L.build;
  const auto& rb = *L.board;
  std::set<std::string> seen;
  auto add = [&](int component, const Part* part, int pin, const std::string& color) {
    auto at = part->pin_position(pin);
    if (!at) return;
    std::string tag = wire_tag(build.components[component].id, part->id, pin);
    if (!seen.insert(tag).second) return;
    WireRun w;
    w.component = component;
    w.part = part;
    w.pin = pin;
    w.color_name = color.empty() ? "grey" : color;
    w.color = wire_color(w.color_name).value_or(draw::Color::hex("#9e9e9e"));
    w.pin_at = L.view.to_canvas(*at);
    w.tag = tag;
    L.wires.push_back(w);
  };
  for (size_t c = 0; c < build.components.size(); ++c) {
    for (const auto& a : build.components[c].attachments) {
      const Part* part = rb.part(a.connector);
      if (!part) continue;
      std::vector<int> pins = diagram::attached_pins(a, rb);
      for (size_t i = 0; i < pins.size(); ++i) {
        std::string color = a.colors.size() == pins.size() ? a.colors[i] : a.colors.size() == 1 ? a.colors[0] : "";
        add(static_cast<int>(c), part, pins[i], color);
      }
    }
  }
  auto index_of = [&](const std::string& id) {
    for (size_t c = 0; c < build.components.size(); ++c)
      if (build.components[c].id == id) return static_cast<int>(c);
    return -1;
  };
  for (const auto& h : build.harnesses)
    for (const auto& w : h.wires) {
      const diagram::WireEnd *comp = nullptr, *board = nullptr;
      if (!w.from.component.empty() && w.to.component.empty()) comp = &w.from, board = &w.to;
      if (w.from.component.empty() && !w.to.component.empty()) comp = &w.to, board = &w.from;
      if (!comp) continue;
      int c = index_of(comp->component);
      const Part* part = rb.part(board->board.connector);
      if (c < 0 || !part) continue;
      add(c, part, board->board.pin, w.color);
    }
  // Bundles: the wires of one component to one connector, in order of appearance.
  for (size_t i = 0; i < L.wires.size(); ++i) {
    WireRun& w = L.wires[i];
    for (size_t b = 0; b < L.bundles.size(); ++b)
      if (L.bundles[b].component == w.component && L.bundles[b].part == w.part) w.bundle = static_cast<int>(b);
    if (w.bundle < 0) {
      w.bundle = static_cast<int>(L.bundles.size());
      L.bundles.push_back({w.component, w.part, {}});
    }
    L.bundles[w.bundle].wires.push_back(static_cast<int>(i));
  }
}

}  // namespace wb::wiring
