// Voltages the board data can see: a component's voltage against the supply
// its connector's voltage jumper selects (fan-voltage, probe-voltage, a
// driver's motor-power jumper), and against fixed supply pins it is wired to.
// VIN is the build's vin, VM its motor-power.
#include "diagram/internal.h"

namespace wb::diagram::detail {
namespace {

class VoltageCheck {
 public:
  VoltageCheck(const Build& b, const ResolvedBoard& board, Diagnostics& diags) : b_(b), board_(board), diags_(diags) {}
  void run();

 private:
  // Jumpers and switches configuring `part` (for="part").
  std::vector<const Part*> configuring(const std::string& part) const {
    std::vector<const Part*> out;
    for (const auto& p : board_.parts)
      if ((p.type == PartType::Jumper || p.type == PartType::Switch) && p.for_part == part) out.push_back(&p);
    return out;
  }
  void check_jumper(const Component& c, const Part& jumper, const Location& where);
  void check_pin(const Component& c, const Part& part, int n, const Location& where);

  const Build& b_;
  const ResolvedBoard& board_;
  Diagnostics& diags_;
};

void VoltageCheck::check_jumper(const Component& c, const Part& jumper, const Location& where) {
  const JumperChoice* choice = b_.jumper(jumper.id);
  if (!choice || choice->setting.empty()) return;
  const Setting* setting = jumper.setting(choice->setting);
  if (!setting) return;
  std::string board_v = setting_voltage(jumper, *setting);
  if (board_v.empty()) return;
  std::string v = build_voltage(b_, board_v);
  std::string set_on = "'" + choice->setting + "' on line " + std::to_string(choice->where.line);
  std::string its = std::string("its ") + jumper.purpose + " " + part_type_name(jumper.type) + " " + jumper.id;
  // Other settings of this jumper that give a known voltage, for hints.
  auto settings_giving = [&](const std::string& wanted) {
    std::vector<std::string> ids;
    for (const auto& s : jumper.settings) {
      std::string sv = build_voltage(b_, setting_voltage(jumper, s));
      if (s.id != choice->setting && !sv.empty() && (wanted.empty() || same_voltage(sv, wanted))) ids.push_back(s.id);
    }
    return ids;
  };
  if (v.empty()) {
    if (board_v != "VM") return;
    auto others = settings_giving("");
    diags_.error(where,
                 jumper.for_part + " runs the " + sentence_name(c) + " from VM: " + its + " is set to " + set_on +
                     ", but <build> has no motor-power voltage",
                 "add motor-power=\"...\" to <build> with the voltage wired to the motor power input" +
                     (others.empty() ? std::string() : ", or set " + jumper.id + " to " + join_and(others)));
    return;
  }
  if (c.voltage.empty() || same_voltage(c.voltage, v)) return;
  std::string gives = board_v == "VIN" || board_v == "VM" ? volts(v) + " (" + board_v + ")" : volts(v);
  auto fixes = settings_giving(c.voltage);
  diags_.error(where,
               "the " + sentence_name(c) + " needs " + volts(c.voltage) + ", but " + jumper.for_part + " gives " + gives +
                   ": " + its + " is set to " + set_on,
               fixes.empty() ? "no setting of " + jumper.id + " gives " + volts(c.voltage) + ": use a " + volts(v) +
                                   " part, or another connector"
                             : "set " + jumper.id + " to " + fixes[0] + " (<set " + part_type_name(jumper.type) +
                                   "=\"" + jumper.id + "\" setting=\"" + fixes[0] + "\"/>), or use a " + volts(v) +
                                   " part");
}

void VoltageCheck::check_pin(const Component& c, const Part& part, int n, const Location& where) {
  if (c.voltage.empty()) return;
  const Pin* pin = part.pin(n);
  if (!pin || pin->function != "power" || pin->voltage.empty()) return;
  std::string v = build_voltage(b_, pin->voltage);
  if (v.empty() || same_voltage(v, c.voltage)) return;
  diags_.error(where,
               "the " + sentence_name(c) + " needs " + volts(c.voltage) + ", but " + part.id + " pin " +
                   std::to_string(n) + " (" + pin->signal + ") supplies " + volts(v),
               "wire it to a supply of " + volts(c.voltage) + ", or correct voltage=\"" + c.voltage + "\"");
}

void VoltageCheck::run() {
  for (const auto& c : b_.components) {
    for (const auto& a : c.attachments) {
      Location where = at(a.attribute_where, a.where, "connector");
      for (const Part* j : configuring(a.connector)) check_jumper(c, *j, where);
      if (const Part* part = board_.part(a.connector))
        for (int n : attached_pins(a, board_)) check_pin(c, *part, n, where);
    }
    if (!c.driver.empty())
      for (const Part* j : configuring(c.driver)) check_jumper(c, *j, at(c.attribute_where, c.where, "driver"));
  }
  for (const auto& h : b_.harnesses)
    for (const auto& w : h.wires) {
      const WireEnd* ends[2] = {&w.from, &w.to};
      for (int i = 0; i < 2; ++i) {
        const WireEnd& self = *ends[i];
        const WireEnd& other = *ends[1 - i];
        if (self.component.empty() || !other.component.empty()) continue;
        const Component* c = b_.component(self.component);
        const Part* part = board_.part(other.board.connector);
        if (c && part)
          check_pin(*c, *part, other.board.pin, at(w.attribute_where, w.where, i == 0 ? "to" : "from"));
      }
    }
}

}  // namespace

void check_voltages(const Build& build, const ResolvedBoard& board, Diagnostics& diags) {
  VoltageCheck(build, board, diags).run();
}

}  // namespace wb::diagram::detail
