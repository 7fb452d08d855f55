// The <set> lines: one jumper or switch by id, or every jumper of a purpose
// that configures a part the build uses. Fills Build::jumpers in file order;
// a part set by id keeps that setting even when a purpose= line also covers it.
#include <algorithm>
#include <map>
#include <set>

#include "diagram/internal.h"

namespace wb::diagram::detail {
namespace {

// The board parts the build plugs into: attached connectors, the driver
// sockets of steppers and the board ends of harness wires.
std::set<std::string> used_parts(const Build& b) {
  std::set<std::string> used;
  for (const auto& c : b.components) {
    if (!c.driver.empty()) used.insert(c.driver);
    for (const auto& a : c.attachments) used.insert(a.connector);
  }
  for (const auto& h : b.harnesses)
    for (const auto& w : h.wires)
      for (const auto* end : {&w.from, &w.to})
        if (end->component.empty()) used.insert(end->board.connector);
  return used;
}

std::string setting_ids(const Part& p) {
  std::string s;
  for (const auto& setting : p.settings) s += (s.empty() ? "" : ", ") + setting.id;
  if (p.type == PartType::Jumper && !p.setting("none")) s += std::string(s.empty() ? "" : ", ") + "none (no cap)";
  return s;
}

// The setting id stored for `written`, or nullopt when the part does not offer it.
std::optional<std::string> setting_of(const Part& p, const std::string& written) {
  if (p.setting(written)) return written;
  if (written == "none" && p.type == PartType::Jumper) return std::string();
  return std::nullopt;
}

class JumperExpansion {
 public:
  JumperExpansion(Build& b, const ResolvedBoard& board, Diagnostics& diags) : b_(b), board_(board), diags_(diags) {}
  void run(const std::vector<SetLine>& sets);

 private:
  void by_id(const SetLine& s);
  void by_purpose(const SetLine& s);
  void choose(const Part& p, const std::string& setting, const SetLine& s) {
    JumperChoice j{p.id, setting, s.where, s.purpose, s.attribute_where};
    b_.jumpers.push_back(std::move(j));
  }

  Build& b_;
  const ResolvedBoard& board_;
  Diagnostics& diags_;
  std::map<std::string, int> by_id_line_;       // part -> line of its <set jumper/switch=...>
  std::map<std::string, int> by_purpose_line_;  // purpose -> line of its <set purpose=...>
};

void JumperExpansion::by_id(const SetLine& s) {
  bool is_switch = !s.sw.empty();
  const std::string& id = is_switch ? s.sw : s.jumper;
  const char* attr = is_switch ? "switch" : "jumper";
  PartType want = is_switch ? PartType::Switch : PartType::Jumper;
  Location id_at = at(s.attribute_where, s.where, attr);
  const Part* p = board_.part(id);
  if (!p || (p->type != PartType::Jumper && p->type != PartType::Switch)) {
    std::string near = closest_part(board_, id, want);
    diags_.error(id_at, board_.spec() + " has no " + attr + " '" + id + "'",
                 near.empty() ? std::string("its ") + attr + "es are: " + part_ids(board_, want)
                              : "did you mean " + near + "?");
    return;
  }
  if (p->type != want) {
    const char* is = part_type_name(p->type);
    diags_.error(id_at, "'" + id + "' is a " + is + ", not a " + attr,
                 std::string("write <set ") + is + "=\"" + id + "\" setting=\"" + s.setting + "\"/>");
    return;
  }
  auto setting = setting_of(*p, s.setting);
  if (!setting) {
    diags_.error(at(s.attribute_where, s.where, "setting"), id + " has no setting '" + s.setting + "'",
                 "its settings are: " + setting_ids(*p));
    return;
  }
  if (auto it = by_id_line_.find(id); it != by_id_line_.end()) {
    diags_.error(id_at, id + " is set twice (also on line " + std::to_string(it->second) + ")",
                 "keep one <set> per jumper or switch");
    return;
  }
  by_id_line_[id] = s.where.line;
  choose(*p, *setting, s);
}

void JumperExpansion::by_purpose(const SetLine& s) {
  Location purpose_at = at(s.attribute_where, s.where, "purpose");
  if (auto it = by_purpose_line_.find(s.purpose); it != by_purpose_line_.end()) {
    diags_.error(purpose_at, "purpose '" + s.purpose + "' is set twice (also on line " + std::to_string(it->second) + ")",
                 "keep one <set purpose=...> per purpose; set single jumpers by id");
    return;
  }
  by_purpose_line_[s.purpose] = s.where.line;
  std::set<std::string> used = used_parts(b_);
  std::vector<const Part*> matches, unused;
  std::set<std::string> purposes;
  for (const auto& p : board_.parts) {
    if (p.type != PartType::Jumper && p.type != PartType::Switch) continue;
    if (!p.purpose.empty()) purposes.insert(p.purpose);
    if (p.purpose != s.purpose) continue;
    (used.count(p.for_part) ? matches : unused).push_back(&p);
  }
  if (matches.empty()) {
    if (unused.empty()) {
      std::string list;
      for (const auto& p : purposes) list += (list.empty() ? "" : ", ") + p;
      diags_.error(purpose_at, "no jumper or switch on " + board_.spec() + " has purpose '" + s.purpose + "'",
                   "purposes on this board: " + list);
    } else {
      std::vector<std::string> which;
      for (const Part* p : unused) which.push_back(p->id + (p->for_part.empty() ? "" : " (for " + p->for_part + ")"));
      diags_.error(purpose_at,
                   "purpose '" + s.purpose + "' matches no jumper of a part this build uses: " + join_and(which) +
                       " configure" + (which.size() == 1 ? "s" : "") + " nothing the build connects",
                   "set such a jumper by id, <set " + std::string(part_type_name(unused[0]->type)) + "=\"" +
                       unused[0]->id + "\" setting=\"" + s.setting + "\"/>, or remove this line");
    }
    return;
  }
  for (const Part* p : matches) {
    auto setting = setting_of(*p, s.setting);
    if (!setting) {
      diags_.error(at(s.attribute_where, s.where, "setting"),
                   p->id + " (" + s.purpose + " for " + p->for_part + ") has no setting '" + s.setting + "'",
                   "its settings are: " + setting_ids(*p));
      return;
    }
  }
  for (const Part* p : matches)
    if (!by_id_line_.count(p->id)) choose(*p, *setting_of(*p, s.setting), s);
}

void JumperExpansion::run(const std::vector<SetLine>& sets) {
  // Parts set by id win over purpose lines wherever they are written: note them first.
  for (const auto& s : sets)
    if (s.purpose.empty()) by_id(s);
  std::vector<JumperChoice> explicit_choices = std::move(b_.jumpers);
  b_.jumpers.clear();
  for (const auto& s : sets) {
    if (!s.purpose.empty()) {
      by_purpose(s);
      continue;
    }
    const std::string& id = s.sw.empty() ? s.jumper : s.sw;
    for (auto& j : explicit_choices)
      if (j.part == id && j.where.line == s.where.line && j.where.column == s.where.column) b_.jumpers.push_back(j);
  }
}

}  // namespace

void expand_jumpers(const std::vector<SetLine>& sets, Build& build, const ResolvedBoard& board, Diagnostics& diags) {
  JumperExpansion(build, board, diags).run(sets);
}

}  // namespace wb::diagram::detail
