#pragma once
// The "drivers fitted" view of a build: the board to scale with a driver
// module and its heat sink drawn on every socket the build uses, so a
// builder can check each socket before power-on.
#include "board/model.h"
#include "diagram/spec.h"
#include "scene/scene.h"

namespace wb::heatsinks {

scene::Scene heatsink_layout(const diagram::Build& build, const ResolvedBoard& board);

}  // namespace wb::heatsinks
