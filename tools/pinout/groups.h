#pragma once
// Which parts share a label table, and what each table says. Parts made from
// one template (eight fan ports, eight driver sockets) share a table; the pins
// they have in common are said once in its caption.
#include <map>
#include <string>
#include <vector>

#include "board/model.h"
#include "pinout/table.h"

namespace wb::pinout {

struct Group {
  std::string id;
  std::vector<const Part*> members;
  Point anchor;  // centre of the members, mm
  // Parts labelled together with a member: a driver socket's motor connectors.
  std::map<const Part*, std::vector<const Part*>> companions;
};

// Groups of connectors and drivers, in board order.
std::vector<Group> group_parts(const ResolvedBoard& board);

// The table for a group: transposed (one column per member, for tables above
// or below the board) or not (one row per member or per pin). `members` must
// already be in the order the leaders will reach them.
Table make_table(const Group& group, bool transposed);

}  // namespace wb::pinout
