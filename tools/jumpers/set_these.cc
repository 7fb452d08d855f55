// SetThese: a green cap on every pair the build's settings join, label
// tables around the board naming each set jumper.
#include <algorithm>
#include <map>
#include <set>

#include "jumpers/common.h"
#include "jumpers/views.h"
#include "pinout/palette.h"
#include "scene/compose.h"

namespace wb::jumpers {
namespace {

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Order of rows in the drivers table.
int purpose_rank(const std::string& purpose) {
  static const std::vector<std::string> order = {"motor-power", "driver-mode", "diag"};
  auto it = std::find(order.begin(), order.end(), purpose);
  return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

// Rows of the drivers table: "mode", "motor power", "DIAG".
std::string driver_row(const std::string& purpose) {
  std::string name = purpose_name(purpose);
  return name.rfind("driver ", 0) == 0 ? name.substr(7) : name;
}

pinout::Cell cell_for(const diagram::Build& build, const Part& part) {
  Choice c = choice_for(build, part);
  if (!c.choice) return plain_cell(part.id + " \u00b7 not set");
  if (c.choice->setting.empty()) return plain_cell(part.id + " \u00b7 no cap");
  if (!c.setting) return plain_cell(part.id + " \u00b7 " + c.choice->setting + "?");
  if (part.type == PartType::Switch)
    return set_cell(part.id + " \u00b7 " + (c.setting->label.empty() ? c.setting->id : c.setting->label));
  if (c.setting->pairs.empty()) return plain_cell(part.id + " \u00b7 no cap");
  return set_cell(part.id + " \u00b7 " + setting_short(*c.setting, build));
}

// Whether a jumper sits at its driver socket (a mode block under it, the
// motor-power select above it) rather than somewhere else on the board.
bool near(const Part& jumper, const Part& owner) {
  Rect b = owner.body();
  const double reach = 12;  // mm
  return jumper.x > b.x - reach && jumper.x < b.right() + reach && jumper.y > b.y - reach && jumper.y < b.bottom() + reach;
}

}  // namespace

std::vector<LabelGroup> label_groups(const diagram::Build& build, const ResolvedBoard& rb,
                                     const std::vector<const Part*>& parts, bool by_owner_kind) {
  std::vector<LabelGroup> groups;
  std::map<std::string, size_t> index;
  // Rows per group, ranked, filled in after collecting.
  std::map<std::string, std::vector<std::string>> purposes_of;
  struct Entry {
    std::string group, purpose, owner;
    const Part* part;
  };
  std::vector<Entry> entries;
  for (const Part* part : parts) {
    const Part* owner = part->for_part.empty() ? nullptr : rb.part(part->for_part);
    std::string key, title;
    if (part->type == PartType::Switch) {
      key = "switches", title = "DIP switches";
    } else if (by_owner_kind && owner && owner->type == PartType::Driver && near(*part, *owner)) {
      key = "drivers", title = "Stepper drivers";
    } else {
      key = "purpose:" + part->purpose, title = capitalised(purpose_name(part->purpose));
    }
    if (!index.count(key)) {
      index[key] = groups.size();
      LabelGroup g;
      g.id = "labels-" + (key.rfind("purpose:", 0) == 0 ? key.substr(8) : key);
      g.title = title;
      groups.push_back(g);
    }
    auto& rows = purposes_of[key];
    std::string purpose = part->type == PartType::Switch ? "switch" : part->purpose;
    if (std::find(rows.begin(), rows.end(), purpose) == rows.end()) rows.push_back(purpose);
    entries.push_back({key, purpose, owner ? owner->id : part->id, part});
  }
  for (auto& [key, rows] : purposes_of) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const std::string& a, const std::string& b) { return purpose_rank(a) < purpose_rank(b); });
    LabelGroup& g = groups[index[key]];
    for (const auto& r : rows)
      g.rows.push_back(key == "drivers" ? driver_row(r) : r == "switch" ? "setting" : "jumper");
  }
  for (const auto& e : entries) {
    LabelGroup& g = groups[index[e.group]];
    const auto& rows = purposes_of[e.group];
    size_t r = std::find(rows.begin(), rows.end(), e.purpose) - rows.begin();
    auto it = std::find_if(g.owners.begin(), g.owners.end(), [&](const auto& o) { return o.name == e.owner; });
    if (it == g.owners.end()) {
      g.owners.push_back({e.owner, {}, std::vector<pinout::Cell>(rows.size(), plain_cell(""))});
      it = g.owners.end() - 1;
    }
    it->parts.push_back(e.part);
    it->cells[r] = cell_for(build, *e.part);
  }
  return groups;
}

scene::Scene set_these_view(const diagram::Build& build, const ResolvedBoard& rb) {
  pinout::BoardView v = board_view(rb, 1100);
  scene::Scene body;
  pinout::draw_board(rb, v, body, {.plain_pins = true});

  std::vector<const Part*> labelled;
  std::vector<std::pair<std::string, Rect>> avoid;
  // The key: each (purpose, setting) once, in build order.
  std::vector<std::string> key;
  std::map<std::string, std::vector<std::string>> key_ids;  // key line -> the parts it covers
  std::map<std::string, std::vector<std::string>> under;     // part above -> jumpers under it
  std::vector<const Part*> seen;
  size_t empty = 0;
  for (const auto& choice : build.jumpers) {
    const Part* part = rb.part(choice.part);
    if (!part || std::find(seen.begin(), seen.end(), part) != seen.end()) continue;
    seen.push_back(part);
    const Setting* setting = part->setting(choice.setting);
    bool jumper = part->type == PartType::Jumper;
    // A jumper left without a cap gets a dashed box and a line in the key,
    // not a label: "Remove all jumpers" has already taken its cap off.
    if (jumper && (choice.setting.empty() || (setting && setting->pairs.empty()))) {
      draw_empty(body, part->id, mark_box(*part, v, {}));
      ++empty;
    } else {
      labelled.push_back(part);
    }
    avoid.push_back({part->id, v.to_canvas(part->body())});
    if (jumper && setting)
      for (const auto& cap : caps_of(*part, *setting)) avoid.push_back({part->id, draw_cap(cap, *part, v, body)});
    if (jumper && !part->under.empty() && setting && !setting->pairs.empty()) under[part->under].push_back(part->id);
    std::string line;
    if (!setting && jumper && choice.setting.empty()) {
      line = capitalised(purpose_name(part->purpose)) + ": no cap.";
    } else if (!setting) {
      continue;
    } else if (part->type == PartType::Switch) {
      std::string levers;
      for (int l : setting->on) levers += (levers.empty() ? "" : ", ") + std::to_string(l);
      line = (part->label.empty() ? "DIP switch" : part->label) + ": " +
             (setting->label.empty() ? setting->id : setting->label) + " \u2014 lever" +
             (setting->on.size() == 1 ? " " : "s ") + (levers.empty() ? "none" : levers) +
             " ON, the others OFF (see the DIP switch diagram).";
    } else {
      std::string what = setting->label.empty() ? "" : " \u2014 " + setting->label;
      line = capitalised(purpose_name(part->purpose)) + " " + setting_short(*setting, build) + ": " +
             (setting->pairs.empty() ? "no cap"
                                     : "cap" + std::string(setting->pairs.size() > 1 ? "s" : "") + " on " +
                                           pairs_text(*setting)) +
             what + ".";
    }
    if (!key_ids.count(line)) key.push_back(line);
    key_ids[line].push_back(part->id);
  }
  place_labels(label_groups(build, rb, labelled, true), v, rb.board->outline.bounds(), avoid, body);
  Rect drawn = scene::bounds(body);
  draw_insets(build, rb, {drawn.x, drawn.bottom() + 28}, body);

  page::Header h;
  h.title = "Set these jumpers \u2014 " + build_title(build, rb);
  h.callout = "Fit a jumper cap on every green pair";
  h.lines.push_back(rb.title() + ". Start from a bare board (see \u201cRemove all jumpers\u201d); every jumper not "
                    "shown here stays off.");
  h.legend.push_back(cap_entry("jumper cap to fit: it joins the two pins it covers"));
  if (empty > 0) h.legend.push_back(empty_entry("a jumper this build leaves empty: no cap on it"));
  for (const auto& k : key) h.legend.push_back(page::LegendEntry::plain(id_list(key_ids[k]) + " \u2014 " + k));
  if (!under.empty()) {
    // One sentence for all the parts that sit under a module.
    std::vector<std::string> ids, aboves;
    for (const auto& [above, list] : under) {
      aboves.push_back(above);
      ids.insert(ids.end(), list.begin(), list.end());
    }
    h.notes.push_back("The caps of " + id_list(ids) + " sit under " + id_list(aboves) + ": fit them before plugging " +
                      (aboves.size() > 1 ? "the modules" : "the module") + " in.");
  }
  return page::compose(h, std::move(body));
}

}  // namespace wb::jumpers
