#pragma once
// Shared by the diagram spec sources only: the reader's raw output and the
// steps read_build runs on it.
#include <optional>
#include <string>
#include <vector>

#include "diagram/spec.h"

namespace wb::diagram::detail {

inline constexpr const char* kDoc = "content/authoring/diagram-format.md";

// One <set> line as written, before purpose= shorthands are expanded.
struct SetLine {
  std::string jumper, sw, purpose, setting;
  Location where;
  AttributeLocations attribute_where;
};

struct ParsedBuild {
  Build build;
  std::vector<SetLine> sets;
};

// reader.cc: the XML alone, without the board (syntax, ids, numbers, kinds).
std::optional<ParsedBuild> parse_xml(const std::string& file, const std::string& text, Diagnostics& diags);
// validate.cc: connectors, pins, drivers and shared pins against the board.
// Drops references that do not exist and expands colours to one per pin.
void check_wiring(Build& build, const ResolvedBoard& board, Diagnostics& diags);
// jumpers.cc: checks the <set> lines and fills build.jumpers.
void expand_jumpers(const std::vector<SetLine>& sets, Build& build, const ResolvedBoard& board, Diagnostics& diags);
// voltage.cc: component voltages against voltage jumpers and fixed supply pins.
void check_voltages(const Build& build, const ResolvedBoard& board, Diagnostics& diags);

// The location of an attribute, or of the element when it was not written.
Location at(const AttributeLocations& attributes, const Location& element, const std::string& name);
// "A", "A and B", "A, B and C".
std::string join_and(const std::vector<std::string>& items);
// "1-2", "2 and 5", "1-3 and 6".
std::string pin_list(const std::vector<int>& pins);
// Ids of the parts of a type, for hints ("MOTOR0, MOTOR1, ..."), shortened past ~300 characters.
std::string part_ids(const ResolvedBoard& board, PartType type);
// A near miss among the part ids (edit distance at most 2), or "".
std::string closest_part(const ResolvedBoard& board, const std::string& id, PartType type);
// Two voltages written as numbers are equal ("24" and "24.0").
bool same_voltage(const std::string& a, const std::string& b);
// "24 V" for "24", "" for "".
std::string volts(const std::string& v);

}  // namespace wb::diagram::detail
