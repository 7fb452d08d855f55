// A build's wiring against its board: every connector, pin and driver socket
// exists on the revision, steppers sit on a motor connector of their driver,
// wire colours fit the pins, harness wires end on real terminals and pins,
// and no board pin is taken twice.
#include <algorithm>
#include <map>

#include "board/overlay.h"
#include "diagram/internal.h"

namespace wb::diagram::detail {
namespace {

// The other revisions of the board on which part `id` exists (with pin `pin`, when not 0).
std::vector<std::string> other_revisions(const ResolvedBoard& board, const std::string& id, int pin) {
  std::vector<std::string> found;
  if (!board.board) return found;
  for (const auto& rev : board.board->revisions) {
    if (board.revision && rev.id == board.revision->id) continue;
    Diagnostics scratch;
    auto r = resolve(*board.board, rev.id, "", scratch);
    const Part* p = r ? r->part(id) : nullptr;
    if (p && (pin == 0 || p->pin(pin))) found.push_back(rev.id);
  }
  return found;
}

class WiringCheck {
 public:
  WiringCheck(Build& b, const ResolvedBoard& board, Diagnostics& diags) : b_(b), board_(board), diags_(diags) {}
  void run();

 private:
  // A board connector by id, reporting a missing or wrong-typed part at `where`.
  const Part* connector(const std::string& id, const Location& where, const std::string& how_to_fix_driver);
  bool pins_exist(const Part& part, const std::vector<int>& pins, const Location& where);
  // Marks the pins taken; reports the first pin someone else already took.
  bool take(const Part& part, const std::vector<int>& pins, const std::string& who, const Location& where);
  const Part* driver_of(const std::string& connector) const;
  const Part* check_driver(Component& c);
  bool check_attachment(Component& c, Attachment& a, const Part* driver);
  bool check_end(const WireEnd& end, const Location& where);

  Build& b_;
  const ResolvedBoard& board_;
  Diagnostics& diags_;
  struct Use {
    std::string who;
    int line;
  };
  std::map<std::pair<std::string, int>, Use> taken_;
};

const Part* WiringCheck::connector(const std::string& id, const Location& where, const std::string& driver_hint) {
  const Part* p = board_.part(id);
  if (!p) {
    std::string near = closest_part(board_, id, PartType::Connector);
    auto elsewhere = other_revisions(board_, id, 0);
    diags_.error(where, board_.spec() + " has no connector '" + id + "'",
                 !elsewhere.empty() ? id + " exists on revision " + join_and(elsewhere) + " of " + board_.board->id +
                                          "; change board= or use another connector"
                 : near.empty()     ? "its connectors are: " + part_ids(board_, PartType::Connector)
                                    : "did you mean " + near + "?");
    return nullptr;
  }
  if (p->type == PartType::Driver) {
    diags_.error(where, "'" + id + "' is a driver socket, not a connector", driver_hint);
    return nullptr;
  }
  if (p->type != PartType::Connector) {
    diags_.error(where, "'" + id + "' is a " + part_type_name(p->type) + ", not a connector",
                 p->type == PartType::Button ? "buttons take no wires"
                                             : "choose its setting with <set " + std::string(part_type_name(p->type)) +
                                                   "=\"" + id + "\" setting=\"...\"/>");
    return nullptr;
  }
  return p;
}

bool WiringCheck::pins_exist(const Part& part, const std::vector<int>& pins, const Location& where) {
  for (int n : pins) {
    if (part.pin(n)) continue;
    std::vector<int> have;
    for (const auto& p : part.pins) have.push_back(p.n);
    auto elsewhere = other_revisions(board_, part.id, n);
    diags_.error(where, part.id + " has no pin " + std::to_string(n) + " on " + board_.spec(),
                 part.id + " has " + (have.size() == 1 ? "pin " : "pins ") + pin_list(have) + " on this revision" +
                     (elsewhere.empty() ? std::string() : "; pin " + std::to_string(n) + " is on " + join_and(elsewhere)));
    return false;
  }
  return true;
}

bool WiringCheck::take(const Part& part, const std::vector<int>& pins, const std::string& who, const Location& where) {
  for (int n : pins) {
    auto it = taken_.find({part.id, n});
    if (it == taken_.end()) continue;
    diags_.error(where, part.id + " pin " + std::to_string(n) + " is already taken by " + it->second.who + " (line " +
                            std::to_string(it->second.line) + ")",
                 "two things may share a connector only on different pins: choose free pins or another connector");
    return false;
  }
  for (int n : pins) taken_[{part.id, n}] = {who, where.line};
  return true;
}

const Part* WiringCheck::driver_of(const std::string& connector) const {
  for (const auto& p : board_.parts)
    if (p.type == PartType::Driver && std::find(p.motors.begin(), p.motors.end(), connector) != p.motors.end())
      return &p;
  return nullptr;
}

const Part* WiringCheck::check_driver(Component& c) {
  if (c.driver.empty()) return nullptr;
  Location where = at(c.attribute_where, c.where, "driver");
  const Part* p = board_.part(c.driver);
  if (!p || p->type != PartType::Driver) {
    std::string near = closest_part(board_, c.driver, PartType::Driver);
    diags_.error(where,
                 p ? "'" + c.driver + "' is a " + part_type_name(p->type) + ", not a driver socket"
                   : board_.spec() + " has no driver socket '" + c.driver + "'",
                 near.empty() ? "its driver sockets are: " + part_ids(board_, PartType::Driver)
                              : "did you mean " + near + "?");
    c.driver.clear();
    return nullptr;
  }
  return p;
}

bool WiringCheck::check_attachment(Component& c, Attachment& a, const Part* driver) {
  Location conn_at = at(a.attribute_where, a.where, "connector");
  Location pins_at = at(a.attribute_where, a.where, "pins");
  const Part* part = connector(a.connector, conn_at,
                               "plug the motor into one of the socket's motor connectors and name the socket in "
                               "driver=\"" + a.connector + "\"");
  if (!part || !pins_exist(*part, a.pins, pins_at)) return false;
  std::vector<int> pins = attached_pins(a, board_);
  if (a.colors.size() == 1 && pins.size() > 1) {
    a.colors.assign(pins.size(), a.colors[0]);
  } else if (!a.colors.empty() && a.colors.size() != pins.size()) {
    diags_.error(at(a.attribute_where, a.where, "colors"),
                 std::to_string(a.colors.size()) + " colours for " + std::to_string(pins.size()) + " pins of " +
                     a.connector,
                 "give one colour per attached pin (pins " + pin_list(pins) + " in that order), or one colour for all");
    a.colors.clear();
  }
  if (driver && std::find(driver->motors.begin(), driver->motors.end(), a.connector) == driver->motors.end()) {
    const Part* right = driver_of(a.connector);
    std::string motors;
    for (const auto& m : driver->motors) motors += (motors.empty() ? "" : " or ") + m;
    diags_.error(conn_at, driver->id + " does not drive " + a.connector,
                 "plug the motor into " + motors +
                     (right ? ", or name the driver of " + a.connector + ": driver=\"" + right->id + "\"" : ""));
  }
  take(*part, pins, "the " + sentence_name(c), a.pins.empty() ? conn_at : pins_at);
  return true;
}

bool WiringCheck::check_end(const WireEnd& end, const Location& where) {
  if (!end.component.empty()) {
    const Component* c = b_.component(end.component);
    if (!c) {
      std::string ids;
      for (const auto& other : b_.components)
        if (!other.terminals.empty()) ids += (ids.empty() ? "" : ", ") + other.id;
      diags_.error(where, "there is no component '" + end.component + "' in this build",
                   ids.empty() ? "declare it with <component> and its <terminal>s"
                               : "components with terminals: " + ids);
      return false;
    }
    if (!c->terminal(end.terminal)) {
      std::string names;
      for (const auto& t : c->terminals) names += (names.empty() ? "" : ", ") + t.name;
      diags_.error(where, "component '" + c->id + "' has no terminal '" + end.terminal + "'",
                   names.empty() ? "declare it: <terminal name=\"" + end.terminal + "\"/> inside the component"
                                 : "its terminals are: " + names);
      return false;
    }
    return true;
  }
  const Part* part = connector(end.board.connector, where, "wire to a connector, not to a driver socket");
  return part && pins_exist(*part, {end.board.pin}, where);
}

void WiringCheck::run() {
  for (auto& c : b_.components) {
    const Part* driver = check_driver(c);
    std::vector<Attachment> kept;
    for (auto& a : c.attachments)
      if (check_attachment(c, a, driver)) kept.push_back(a);
    c.attachments = std::move(kept);
  }
  for (auto& h : b_.harnesses) {
    std::vector<Wire> kept;
    for (auto& w : h.wires) {
      Location from_at = at(w.attribute_where, w.where, "from"), to_at = at(w.attribute_where, w.where, "to");
      bool ok = check_end(w.from, from_at);
      ok = check_end(w.to, to_at) && ok;
      if (!ok) continue;
      std::string who = "the wire " + w.from.str() + " to " + w.to.str();
      for (const auto* end : {&w.from, &w.to})
        if (end->component.empty())
          take(*board_.part(end->board.connector), {end->board.pin}, who, end == &w.from ? from_at : to_at);
      kept.push_back(w);
    }
    h.wires = std::move(kept);
  }
}

}  // namespace

void check_wiring(Build& build, const ResolvedBoard& board, Diagnostics& diags) {
  WiringCheck(build, board, diags).run();
}

}  // namespace wb::diagram::detail
