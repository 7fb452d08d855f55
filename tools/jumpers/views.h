#pragma once
// The four jumper views, one file each; jumper_layout() dispatches.
#include <vector>

#include "board/model.h"
#include "diagram/spec.h"
#include "jumpers/labels.h"
#include "scene/scene.h"

namespace wb::jumpers {

scene::Scene remove_all_view(const diagram::Build& build, const ResolvedBoard& board);
scene::Scene set_these_view(const diagram::Build& build, const ResolvedBoard& board);
scene::Scene voltage_view(const diagram::Build& build, const ResolvedBoard& board);
scene::Scene dip_switch_view(const diagram::Build& build, const ResolvedBoard& board);

// Label tables for `parts` (jumpers and switches). by_owner_kind: jumpers
// serving driver sockets share one "Stepper drivers" table with a row per
// purpose; otherwise every purpose gets its own table.
std::vector<LabelGroup> label_groups(const diagram::Build& build, const ResolvedBoard& board,
                                     const std::vector<const Part*>& parts, bool by_owner_kind);

// Enlarged drawings of the set headers whose pins the settings name by name
// (a driver's mode block, pins A1..D3): one per purpose and setting, the first
// such jumper drawn, the others listed. Laid out in a row from `at`; returns
// their extent (empty when there is nothing to enlarge).
Rect draw_insets(const diagram::Build& build, const ResolvedBoard& board, Point at, scene::Scene& s);

}  // namespace wb::jumpers
