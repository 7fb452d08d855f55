#include "pinout/groups.h"

#include <algorithm>
#include <map>
#include <cctype>
#include <set>

#include "pinout/palette.h"

namespace wb::pinout {

std::vector<Group> group_parts(const ResolvedBoard& board) {
  std::vector<Group> groups;
  std::map<std::string, size_t> by_template;
  for (const auto& p : board.parts) {
    if (p.type != PartType::Connector && p.type != PartType::Driver) continue;
    std::string key = p.kind + "|" + std::to_string(p.rows) + "x" + std::to_string(p.cols) + "|" +
                      std::to_string(static_cast<int>(p.type)) + "|";
    // Alike parts: same body, same grid and the same signal names on every pin
    // but the ones wired to the MCU.
    for (const auto& pin : p.pins) key += std::to_string(pin.n) + ":" + pin.function + ",";
    auto it = by_template.find(key);
    if (it == by_template.end()) {
      by_template[key] = groups.size();
      groups.push_back({p.id, {&p}, {}});
    } else {
      groups[it->second].members.push_back(&p);
    }
  }
  // A driver socket and the motor connectors it feeds share one table.
  std::set<const Part*> absorbed;
  for (auto& g : groups)
    for (const auto* m : g.members)
      for (const auto& motor : m->motors)
        if (const Part* part = board.part(motor)) {
          g.companions[m].push_back(part);
          absorbed.insert(part);
        }
  for (auto& g : groups)
    std::erase_if(g.members, [&](const Part* p) { return absorbed.count(p) > 0; });
  std::erase_if(groups, [](const Group& g) { return g.members.empty(); });
  for (auto& g : groups) {
    double x = 0, y = 0;
    for (const auto* m : g.members) {
      x += m->x;
      y += m->y;
    }
    g.anchor = {x / g.members.size(), y / g.members.size()};
    if (g.members.size() > 1) g.id = g.members.front()->id + "-group";
  }
  return groups;
}

namespace {

Cell chip(const std::string& text, const std::string& function) {
  Cell c;
  c.text = text;
  c.chip = true;
  c.fill = class_color(function);
  return c;
}

Cell plain(const std::string& text, bool bold = false, bool mono = false) {
  Cell c;
  c.text = text;
  c.bold = bold;
  c.mono = mono;
  return c;
}

// "FAN0–FAN7" when the ids share a stem, otherwise "A, B, C".
std::string group_title(const std::vector<const Part*>& members) {
  if (members.size() == 1) return members[0]->id;
  std::vector<std::string> ids;
  for (const auto* m : members) ids.push_back(m->id);
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  size_t common = 0;
  while (common < sorted.front().size() && common < sorted.back().size() &&
         sorted.front()[common] == sorted.back()[common])
    ++common;
  if (common >= 2) return sorted.front() + "\u2013" + sorted.back();
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s;
}

std::string value_of(const Pin& p) { return p.mcu.empty() ? (p.signal.empty() ? "NC" : p.signal) : p.mcu; }

struct Columns {
  std::vector<int> common;      // pin numbers said once in the caption
  std::vector<int> differing;   // pin numbers listed per member
  std::vector<std::string> signals;  // driver signal names
};

Columns split_columns(const std::vector<const Part*>& members) {
  Columns c;
  std::set<int> numbers;
  for (const auto* m : members)
    for (const auto& p : m->pins) numbers.insert(p.n);
  for (int n : numbers) {
    bool same = true;
    const Pin* first = members[0]->pin(n);
    for (const auto* m : members) {
      const Pin* p = m->pin(n);
      same = same && p && first && p->signal == first->signal && p->mcu.empty() && first->mcu.empty() &&
             p->function == first->function;
    }
    (same ? c.common : c.differing).push_back(n);
  }
  if (members[0]->type == PartType::Driver) {
    for (const auto& s : members[0]->signals) c.signals.push_back(s.name);
    c.differing.clear();  // a socket's own pins are the same on every driver
  }
  return c;
}

std::string subtitle_of(const std::vector<const Part*>& members) {
  if (members.size() != 1) return "";
  const Part* p = members[0];
  std::string s = p->ref;
  if (!p->label.empty() && p->label != p->id) s += (s.empty() ? "" : " \u00b7 ") + p->label;
  return s;
}

}  // namespace

Table make_table(const Group& g, bool transposed) {
  Table t;
  t.id = g.id;
  t.members = g.members;
  t.title = group_title(g.members);
  t.subtitle = subtitle_of(g.members);
  const bool single = g.members.size() == 1;
  const Part* first = g.members[0];

  if (single && first->type == PartType::Connector) {
    t.transposed = false;
    std::vector<Pin> pins = first->pins;
    std::sort(pins.begin(), pins.end(), [](const Pin& a, const Pin& b) { return a.n < b.n; });
    for (const auto& p : pins) {
      t.rows.push_back({chip(std::to_string(p.n), p.function), plain(p.signal.empty() ? "NC" : p.signal),
                        plain(p.mcu, false, true)});
      t.member_of_row.push_back(0);
    }
    measure(t);
    return t;
  }

  Columns cols = split_columns(g.members);
  // A driver socket's own pins are standard; its table lists the MCU signals.
  if (first->type == PartType::Driver) cols.common.clear();
  for (int n : cols.common) {
    const Pin* p = first->pin(n);
    t.caption.push_back(chip(std::to_string(n), p->function));
    t.caption.push_back(plain(p->signal));
  }
  // Companion connectors (motors of drivers): their shared pinout in the
  // caption, and a row naming each member's companions by their id suffix.
  std::vector<const Part*> all_companions;
  for (const auto* m : g.members)
    if (g.companions.count(m))
      for (const auto* c : g.companions.at(m)) all_companions.push_back(c);
  std::string stem;
  if (!all_companions.empty()) {
    stem = all_companions[0]->id;
    for (const auto* c : all_companions)
      while (!stem.empty() && c->id.rfind(stem, 0) != 0) stem.pop_back();
    while (!stem.empty() && std::isdigit(static_cast<unsigned char>(stem.back()))) stem.pop_back();
    Columns motor_cols = split_columns(all_companions);
    t.caption.push_back(plain(stem.empty() ? "pins:" : stem + " pins:", true));
    for (int n : motor_cols.common) {
      const Pin* p = all_companions[0]->pin(n);
      t.caption.push_back(chip(std::to_string(n), p->function));
      t.caption.push_back(plain(p->signal));
    }
  }
  auto companion_text = [&](const Part* m) {
    std::string s;
    if (!g.companions.count(m)) return s;
    for (const auto* c : g.companions.at(m)) s += (s.empty() ? "" : ", ") + c->id.substr(stem.size());
    return s;
  };
  t.transposed = transposed && !single;
  if (t.transposed) {
    std::vector<Cell> header{plain("")};
    for (const auto* m : g.members) header.push_back(plain(m->id, true));
    t.rows.push_back(header);
    for (int n : cols.differing) {
      std::string fn = first->pin(n) ? first->pin(n)->function : "";
      std::vector<Cell> row{chip(std::to_string(n), fn)};
      for (const auto* m : g.members) row.push_back(plain(m->pin(n) ? value_of(*m->pin(n)) : "", false, true));
      t.rows.push_back(row);
    }
    for (const auto& name : cols.signals) {
      std::vector<Cell> row{chip(name, "driver")};
      for (const auto* m : g.members) row.push_back(plain(m->signal(name) ? m->signal(name)->mcu : "", false, true));
      t.rows.push_back(row);
    }
    if (!all_companions.empty()) {
      std::vector<Cell> row{chip(stem.empty() ? "to" : stem, all_companions[0]->pins.empty() ? "" : all_companions[0]->pins[0].function)};
      for (const auto* m : g.members) row.push_back(plain(companion_text(m), true));
      t.rows.push_back(row);
    }
    t.member_of_row.assign(t.rows.size(), -1);
  } else {
    for (size_t i = 0; i < g.members.size(); ++i) {
      const Part* m = g.members[i];
      std::vector<Cell> row{plain(m->id, true)};
      for (int n : cols.differing) {
        const Pin* p = m->pin(n);
        row.push_back(chip(std::to_string(n), p ? p->function : ""));
        row.push_back(plain(p ? value_of(*p) : "", false, true));
      }
      for (const auto& name : cols.signals) {
        row.push_back(chip(name, "driver"));
        row.push_back(plain(m->signal(name) ? m->signal(name)->mcu : "", false, true));
      }
      if (!all_companions.empty()) {
        row.push_back(chip(stem.empty() ? "to" : stem, "motor"));
        row.push_back(plain(companion_text(m), true));
      }
      t.rows.push_back(row);
      t.member_of_row.push_back(static_cast<int>(i));
    }
  }
  measure(t);
  return t;
}

}  // namespace wb::pinout
