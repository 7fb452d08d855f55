// The jumper table: one row per jumper or switch the build sets, in file order.
#include "diagram/internal.h"

namespace wb::diagram {

std::vector<JumperRow> jumper_table(const Build& build, const ResolvedBoard& board) {
  std::vector<JumperRow> rows;
  for (const auto& choice : build.jumpers) {
    const Part* part = board.part(choice.part);
    if (!part) continue;
    JumperRow row;
    row.part = part->id;
    row.purpose = part->purpose;
    row.for_part = part->for_part;
    const Setting* s = choice.setting.empty() ? nullptr : part->setting(choice.setting);
    if (!s) {
      row.setting = "none";
      row.label = "no cap fitted";
      row.pairs = "none";
      rows.push_back(std::move(row));
      continue;
    }
    row.setting = s->id;
    row.label = s->label;
    if (row.label.empty()) {
      std::string v = setting_voltage(*part, *s);
      std::string resolved = build_voltage(build, v);
      if (v == "VIN" || v == "VM") row.label = resolved.empty() ? v : v + " (" + detail::volts(resolved) + ")";
      else row.label = !resolved.empty() ? detail::volts(resolved) : s->id;
    }
    if (part->type == PartType::Switch) {
      row.pairs = s->on.empty() ? "all OFF" : "ON";
      for (int lever : s->on) row.pairs += " " + std::to_string(lever);
    } else {
      for (const auto& [a, b] : s->pairs) row.pairs += (row.pairs.empty() ? "" : " ") + a + "-" + b;
      if (row.pairs.empty()) row.pairs = "none";
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace wb::diagram
