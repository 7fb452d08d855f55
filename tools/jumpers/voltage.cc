// VoltageSelection: the headers that choose a supply voltage, boxed by kind,
// with the build's caps and the voltages they give.
#include <map>

#include "jumpers/common.h"
#include "jumpers/views.h"

namespace wb::jumpers {
namespace {

struct Kind {
  const char* purpose;
  Color color;
  const char* colour_name;
  const char* what;  // what the header feeds
};

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> k = {
      {"fan-voltage", colors::kFan, "blue", "the supply of each fan connector"},
      {"probe-voltage", colors::kProbe, "orange", "the supply of the probe connector"},
      {"motor-power", colors::kMotor, "yellow", "where each driver socket takes its motor supply"},
  };
  return k;
}

// "24 V" for VIN, "12 V" for 12, the setting's label otherwise.
std::string voltage_of(const Setting& s, const diagram::Build& build) {
  if (s.voltage == "VIN") return build.vin.empty() ? "VIN (the main supply)" : "VIN = " + build.vin + " V";
  if (!s.voltage.empty()) return s.voltage + " V";
  if (s.id == "main-power" && !build.vin.empty()) return "main power = " + build.vin + " V";
  if (s.id == "motor-power" && !build.motor_power.empty()) return "motor power = " + build.motor_power + " V";
  return s.label.empty() ? setting_short(s, build) : s.label;
}

}  // namespace

scene::Scene voltage_view(const diagram::Build& build, const ResolvedBoard& rb) {
  pinout::BoardView v = board_view(rb, 1100);
  scene::Scene body;
  pinout::draw_board(rb, v, body, {.plain_pins = true});

  std::vector<std::pair<std::string, Rect>> avoid;
  page::Header h;
  h.title = "Voltage jumpers \u2014 " + build_title(build, rb);
  std::string supply = build.vin.empty() ? "" : " Main supply (VIN): " + build.vin + " V.";
  if (!build.motor_power.empty()) supply += " Motor power input: " + build.motor_power + " V.";
  h.lines.push_back(rb.title() + "." + supply +
                    " Each box is a header that picks a voltage; a green cap shows the build's choice.");
  std::vector<const Part*> boxed;
  for (const auto& p : rb.parts)
    for (const auto& kind : kinds())
      if (p.type == PartType::Jumper && p.purpose == kind.purpose) boxed.push_back(&p);
  std::vector<LabelGroup> groups;
  for (const auto& kind : kinds()) {
    std::vector<const Part*> parts;
    for (const Part* p : boxed)
      if (p->purpose == kind.purpose) parts.push_back(p);
    if (parts.empty()) continue;
    std::vector<std::string> ids;
    // Chosen settings, alike ones said once: "J76–J82 (DRIVER0–DRIVER6): main power = 24 V, cap on pins 2–3".
    std::vector<std::string> order;
    std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> chosen;
    size_t set = 0;
    for (const Part* p : parts) {
      ids.push_back(p->id);
      Rect box = mark_box(*p, v, boxed);
      draw_mark(body, std::string(tags::kVoltage) + kind.purpose + ":" + p->id, box, kind.color);
      avoid.push_back({p->id, box});
      Choice c = choice_for(build, *p);
      if (!c.choice) continue;
      ++set;
      std::string what = "no cap";
      if (c.setting) {
        for (const auto& cap : caps_of(*p, *c.setting)) avoid.push_back({p->id, draw_cap(cap, *p, v, body)});
        what = voltage_of(*c.setting, build) + ", cap on " + pairs_text(*c.setting);
      }
      if (!chosen.count(what)) order.push_back(what);
      chosen[what].first.push_back(p->id);
      if (!p->for_part.empty()) chosen[what].second.push_back(p->for_part);
    }
    std::string text = std::string(kind.colour_name) + " box: " + purpose_name(kind.purpose) + " (" + id_list(ids) +
                       "), " + kind.what + ". ";
    if (order.empty()) {
      text += "This build sets none of them.";
    } else {
      for (size_t i = 0; i < order.size(); ++i) {
        const auto& [who, owners] = chosen[order[i]];
        text += (i ? "; " : "This build: ") + id_list(who) + (owners.empty() ? "" : " (" + id_list(owners) + ")") +
                ": " + order[i];
      }
      text += ".";
      if (set < ids.size()) text += " The others: not set by this build.";
    }
    h.legend.push_back(box_entry(kind.color, text));
    for (auto& group : label_groups(build, rb, parts, false)) {
      pinout::Cell swatch;
      swatch.chip = true;
      swatch.fill = kind.color;
      group.caption = {swatch, plain_cell(std::string(kind.colour_name) + " boxes")};
      groups.push_back(group);
    }
  }
  h.legend.push_back(cap_entry("jumper cap to fit, as this build chooses"));
  place_labels(groups, v, rb.board->outline.bounds(), avoid, body);
  return page::compose(h, std::move(body));
}

}  // namespace wb::jumpers
