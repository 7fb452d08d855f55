#pragma once
// The ring around the board: which side each component box goes on, where
// along that side, and the channel between the board and the boxes where
// wires run parallel to the edge on tracks.
#include <vector>

#include "wiring/model.h"

namespace wb::wiring {

// Every component gets a box and a side: the board edge nearest its pins,
// then boxes move off sides that are too full, cheapest move first.
void assign_sides(Layout& layout);

// Once every wire has crossed the edge of the routing area (WireRun::drop):
// places the boxes along their sides in the order of their wires, chooses a
// track for every wire that has to run along the edge, and finishes the wire
// paths (WireRun::path, from the box edge to the pin).
void place_boxes(Layout& layout);

// Tracks for wires that leave an edge at drop[i] and meet their box at
// entry[i]: 0 is nearest the edge; -1 when drop and entry agree (no run along
// the edge). Wires whose runs overlap (within `clearance`) get different
// tracks, ordered so that no wire crosses another where that is possible.
std::vector<int> assign_tracks(const std::vector<double>& drop, const std::vector<double>& entry, double clearance);

}  // namespace wb::wiring
