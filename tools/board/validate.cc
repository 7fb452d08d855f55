#include "board/validate.h"

#include <map>
#include <set>

#include "board/geometry.h"

namespace wb {
namespace {

std::string line_of(const Location& l) { return "line " + std::to_string(l.line); }

void check_ids(const ResolvedBoard& rb, Diagnostics& diags) {
  std::map<std::string, const Part*> seen;
  for (const auto& p : rb.parts) {
    auto [it, fresh] = seen.emplace(p.id, &p);
    if (!fresh)
      diags.error(p.where, "duplicate part id '" + p.id + "' (also on " + line_of(it->second->where) + ")",
                  "every connector, driver, jumper, switch and button needs its own id");
  }
}

void check_pins(const Part& p, Diagnostics& diags) {
  std::string grid = std::to_string(p.rows) + "x" + std::to_string(p.cols);
  for (const auto& pin : p.pins) {
    if (pin.n > p.pin_count())
      diags.error(pin.where,
                  "pin " + std::to_string(pin.n) + " is outside " + part_type_name(p.type) + " '" + p.id + "', whose " +
                      grid + " grid has pins 1 to " + std::to_string(p.pin_count()),
                  "fix the pin number or the pins=\"ROWSxCOLUMNS\" attribute");
    if (!pin.function.empty() && !is_function_class(pin.function)) {
      std::string list;
      for (const auto& f : function_classes()) list += (list.empty() ? "" : ", ") + f;
      diags.error(pin.where, "unknown function class '" + pin.function + "' on pin " + std::to_string(pin.n) + " of '" + p.id + "'",
                  "use one of: " + list);
    }
    if (pin.function.empty() && (p.type == PartType::Connector || p.type == PartType::Driver))
      diags.error(pin.where, "pin " + std::to_string(pin.n) + " of '" + p.id + "' has no function class",
                  "add function=\"...\" (power, ground, heater, fan, ...) so the diagrams can colour it");
  }
  for (const auto& s : p.signals)
    if (s.pin > p.pin_count())
      diags.error(s.where, "signal " + s.name + " of '" + p.id + "' names socket pin " + std::to_string(s.pin) +
                               ", outside its " + grid + " grid",
                  "fix pin=\"...\" or leave it out");
}

void check_settings(const Part& p, Diagnostics& diags) {
  for (const auto& s : p.settings) {
    for (const auto& [a, b] : s.pairs)
      for (const auto& ref : {a, b})
        if (!p.pin_by_ref(ref))
          diags.error(s.where, "setting '" + s.id + "' of '" + p.id + "' puts a jumper on pin '" + ref + "', which '" + p.id +
                                   "' does not declare",
                      "use a pin number or a pin name declared with <pin n=\"...\" name=\"...\"/>");
    for (int lever : s.on)
      if (lever > p.positions)
        diags.error(s.where, "setting '" + s.id + "' of switch '" + p.id + "' turns on lever " + std::to_string(lever) +
                                 " but the switch has " + std::to_string(p.positions),
                    "fix on=\"...\" or positions=\"...\"");
  }
}

void check_references(const ResolvedBoard& rb, const Part& p, Diagnostics& diags) {
  auto need = [&](const std::string& id, const std::string& what) {
    if (!id.empty() && !rb.part(id))
      diags.error(p.where, "'" + p.id + "' names " + what + " '" + id + "', which is not a part of the board",
                  "check the id, or add that part");
  };
  need(p.under, "the part it sits under");
  need(p.for_part, "the part it configures");
  for (const auto& m : p.motors) need(m, "the motor connector");
  need(p.power_jumper, "the power jumper");
  need(p.mode_jumper, "the mode jumper");
  need(p.diag_jumper, "the DIAG jumper");
}

void check_mcu_pins(const ResolvedBoard& rb, Diagnostics& diags) {
  struct Use {
    std::string what;
    Location where;
  };
  std::map<std::string, std::vector<Use>> uses;
  for (const auto& p : rb.parts) {
    for (const auto& pin : p.pins)
      if (!pin.mcu.empty()) uses[pin.mcu].push_back({p.id + " pin " + std::to_string(pin.n), pin.where});
    for (const auto& s : p.signals)
      if (!s.mcu.empty()) uses[s.mcu].push_back({p.id + " " + s.name, s.where});
    if (!p.mcu.empty()) uses[p.mcu].push_back({p.id, p.where});
  }
  std::set<std::string> shared;
  for (const auto& s : rb.shared) shared.insert(s.mcu);
  for (const auto& [mcu, list] : uses) {
    if (list.size() < 2 || shared.count(mcu)) continue;
    std::string all;
    for (const auto& u : list) all += (all.empty() ? "" : " and ") + u.what + " (" + line_of(u.where) + ")";
    diags.error(list[1].where, "MCU pin " + mcu + " is used by " + all,
                "fix the MCU pin, or if the board really wires them together declare <shared mcu=\"" + mcu +
                    "\" reason=\"...\"/>");
  }
}

void check_geometry(const ResolvedBoard& rb, Diagnostics& diags) {
  const auto& outline = rb.board->outline;
  if (outline.points.size() < 3) return;
  for (const auto& p : rb.parts)
    if (p.geometry_ok && !rect_inside_outline(p.body(), outline, p.overhang)) {
      Rect b = p.body();
      char buf[160];
      snprintf(buf, sizeof buf, "x %.2f to %.2f, y %.2f to %.2f", b.x, b.right(), b.y, b.bottom());
      diags.error(p.where, std::string(part_type_name(p.type)) + " '" + p.id + "' (" + buf + ") lies outside the board outline",
                  p.overhang > 0 ? "move it inside, or raise overhang=\"...\" if it really sticks out"
                                 : "move it inside; if it really sticks out past the edge, add overhang=\"MM\"");
    }
  const double tolerance = 0.1;  // silkscreen outlines are measured to about this
  for (size_t i = 0; i < rb.parts.size(); ++i)
    for (size_t j = i + 1; j < rb.parts.size(); ++j) {
      const Part &a = rb.parts[i], &b = rb.parts[j];
      if (a.under == b.id || b.under == a.id || !a.geometry_ok || !b.geometry_ok) continue;
      double depth = overlap_depth(a.body(), b.body());
      if (depth <= tolerance) continue;
      char buf[32];
      snprintf(buf, sizeof buf, "%.2f", depth);
      const Part& later = a.where.line > b.where.line ? a : b;
      const Part& other = &later == &a ? b : a;
      diags.error(later.where, "'" + later.id + "' overlaps '" + other.id + "' (" + line_of(other.where) + ") by " + buf + " mm",
                  "check both positions and sizes; if one really sits under the other, add under=\"" + other.id + "\"");
    }
}

}  // namespace

void validate(const ResolvedBoard& rb, Diagnostics& diags) {
  check_ids(rb, diags);
  for (const auto& p : rb.parts) {
    check_pins(p, diags);
    check_settings(p, diags);
    check_references(rb, p, diags);
    if (p.type == PartType::Switch && p.positions == 0)
      diags.error(p.where, "switch '" + p.id + "' does not say how many levers it has", "add positions=\"4\"");
  }
  check_mcu_pins(rb, diags);
  check_geometry(rb, diags);
}

}  // namespace wb
