// The build model's lookups, the entry points (read, parse, load, resolve)
// and the small helpers the other diagram sources share.
#include "diagram/spec.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "board/attributes.h"
#include "diagram/internal.h"
#include "util/xml_source.h"

namespace fs = std::filesystem;

namespace wb::diagram {

using detail::at;

const Terminal* Component::terminal(const std::string& name) const {
  for (const auto& t : terminals)
    if (t.name == name) return &t;
  return nullptr;
}

std::string WireEnd::str() const {
  if (!component.empty()) return component + "." + terminal;
  return "board:" + board.connector + "." + std::to_string(board.pin);
}

const Component* Build::component(const std::string& id) const {
  for (const auto& c : components)
    if (c.id == id) return &c;
  return nullptr;
}

const JumperChoice* Build::jumper(const std::string& part) const {
  for (const auto& j : jumpers)
    if (j.part == part) return &j;
  return nullptr;
}

std::optional<ResolvedBoard> resolve_board(const Build& build, const Catalog& catalog, Diagnostics& diags) {
  if (build.board.board.empty()) return std::nullopt;  // board= missing or malformed: already reported
  Location where = at(build.attribute_where, build.where, "board");
  const BoardSpec& spec = build.board;
  const Board* board = catalog.board(spec.board);
  if (!board) {
    std::string ids;
    for (const auto& b : catalog.boards()) ids += (ids.empty() ? "" : ", ") + b.id;
    diags.error(where, "there is no board '" + spec.board + "'",
                ids.empty() ? "add boards/" + spec.board + ".xml" : "known boards: " + ids);
    return std::nullopt;
  }
  if (!board->revision(spec.revision)) {
    std::string ids;
    for (const auto& r : board->revisions) ids += (ids.empty() ? "" : ", ") + r.id;
    diags.error(where, "board '" + spec.board + "' has no revision '" + spec.revision + "'",
                "its revisions are: " + ids);
    return std::nullopt;
  }
  if (!spec.mcu.empty()) {
    auto here = board->mcus_for(spec.revision);
    std::string ids;
    for (const Mcu* m : here) ids += (ids.empty() ? "" : ", ") + m->id;
    std::string hint = ids.empty() ? "leave out +" + spec.mcu : "MCU variants on " + spec.revision + ": " + ids;
    if (!board->mcu(spec.mcu)) {
      diags.error(where, "board '" + spec.board + "' has no MCU variant '" + spec.mcu + "'", hint);
      return std::nullopt;
    }
    if (std::none_of(here.begin(), here.end(), [&](const Mcu* m) { return m->id == spec.mcu; })) {
      diags.error(where, "MCU variant '" + spec.mcu + "' does not exist on " + spec.board + " revision '" +
                             spec.revision + "'",
                  hint);
      return std::nullopt;
    }
  }
  Diagnostics local;
  auto resolved = catalog.resolve(spec, local);
  if (!resolved) {
    diags.append(local);
    diags.error(where, "board '" + spec.str() + "' has errors, so this build cannot be checked against it",
                "fix the errors reported in " + board->file);
    return std::nullopt;
  }
  return resolved;
}

std::optional<Build> parse_build(const std::string& file, const std::string& text, const Catalog& catalog,
                                 Diagnostics& diags) {
  auto parsed = detail::parse_xml(file, text, diags);
  if (!parsed) return std::nullopt;
  Build& build = parsed->build;
  std::string stem = fs::path(file).stem().string();
  if (!build.id.empty() && build.id != stem)
    diags.error(at(build.attribute_where, build.where, "id"),
                "build id '" + build.id + "' does not match the file name '" + fs::path(file).filename().string() + "'",
                "rename the file to " + build.id + ".xml or change the id");
  auto board = resolve_board(build, catalog, diags);
  if (!board) return std::nullopt;
  detail::check_wiring(build, *board, diags);
  detail::expand_jumpers(parsed->sets, build, *board, diags);
  detail::check_voltages(build, *board, diags);
  return std::move(parsed->build);
}

std::optional<Build> read_build(const std::string& file, const Catalog& catalog, Diagnostics& diags) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diags.error({file}, "cannot read the diagram spec", "check that the file exists and is readable");
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  return parse_build(file, s.str(), catalog, diags);
}

std::vector<Build> load_builds(const std::string& root, const Catalog& catalog, Diagnostics& diags) {
  std::vector<Build> builds;
  fs::path dir = fs::path(root) / "diagrams";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return builds;
  for (const auto& f : xml_files_in(dir))
    if (auto b = read_build(f.string(), catalog, diags)) builds.push_back(std::move(*b));
  return builds;
}

std::vector<int> attached_pins(const Attachment& attachment, const ResolvedBoard& board) {
  const Part* part = board.part(attachment.connector);
  if (!part) return {};
  if (!attachment.pins.empty()) return attachment.pins;
  std::vector<int> pins;
  for (const auto& p : part->pins) pins.push_back(p.n);
  std::sort(pins.begin(), pins.end());
  return pins;
}

std::string sentence_name(const Component& c) {
  if (!c.role.empty()) return c.role;
  std::string name = c.label;
  auto words = split_words(name);
  auto common = [](const std::string& w) {  // "Hotend": capital, then lower-case letters only
    if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    return std::all_of(w.begin() + 1, w.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
  };
  if (words.empty() || !common(words[0])) return name;
  for (size_t i = 1; i < words.size(); ++i)
    if (common(words[i])) return name;  // "Raspberry Pi": a proper name
  name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  return name;
}

std::string setting_voltage(const Part& jumper, const Setting& setting) {
  if (!setting.voltage.empty()) return setting.voltage;
  auto ends_with = [&](const std::string& suffix) {
    return jumper.purpose.size() > suffix.size() &&
           jumper.purpose.compare(jumper.purpose.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (!ends_with("-power") && !ends_with("-voltage")) return "";
  std::string found;
  for (const auto& [a, b] : setting.pairs)
    for (const auto& ref : {a, b}) {
      const Pin* pin = jumper.pin_by_ref(ref);
      if (!pin || pin->voltage.empty()) continue;
      if (!found.empty() && found != pin->voltage) return "";  // joins two supplies: not one voltage
      found = pin->voltage;
    }
  return found;
}

std::string build_voltage(const Build& build, const std::string& v) {
  if (v == "VIN") return build.vin;
  if (v == "VM") return build.motor_power;
  double d;
  return parse_number(v, d) ? v : "";
}

namespace detail {

Location at(const AttributeLocations& attributes, const Location& element, const std::string& name) {
  auto it = attributes.find(name);
  return it == attributes.end() ? element : it->second;
}

std::string join_and(const std::vector<std::string>& items) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += i + 1 == items.size() ? " and " : ", ";
    s += items[i];
  }
  return s;
}

std::string pin_list(const std::vector<int>& pins) {
  std::vector<int> sorted = pins;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> runs;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
    runs.push_back(j == i ? std::to_string(sorted[i]) : std::to_string(sorted[i]) + "-" + std::to_string(sorted[j]));
    i = j + 1;
  }
  return join_and(runs);
}

std::string part_ids(const ResolvedBoard& board, PartType type) {
  std::string s;
  for (const auto& p : board.parts)
    if (p.type == type) s += (s.empty() ? "" : ", ") + p.id;
  return s.size() > 300 ? s.substr(0, s.rfind(", ", 300)) + ", ..." : s;
}

namespace {
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      bool same = std::toupper(static_cast<unsigned char>(a[i - 1])) == std::toupper(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string closest_part(const ResolvedBoard& board, const std::string& id, PartType type) {
  std::string best;
  size_t best_distance = 3;
  for (const auto& p : board.parts) {
    if (p.type != type) continue;
    size_t d = edit_distance(id, p.id);
    if (d < best_distance) {
      best_distance = d;
      best = p.id;
    }
  }
  return best;
}

bool same_voltage(const std::string& a, const std::string& b) {
  double x, y;
  if (parse_number(a, x) && parse_number(b, y)) return std::abs(x - y) < 1e-6;
  return a == b;
}

std::string volts(const std::string& v) { return v.empty() ? "" : v + " V"; }

}  // namespace detail
}  // namespace wb::diagram
