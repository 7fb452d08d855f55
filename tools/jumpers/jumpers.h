#pragma once
// Jumper diagrams of a build: the board drawn to scale (pinout::draw_board)
// with what to do to its jumpers and DIP switches.
//
//   RemoveAll        every jumper position boxed in yellow: start from a bare board
//   SetThese         a green cap on every pin pair the build's settings join, with
//                    label tables around the board joined by leader lines
//   VoltageSelection the fan-voltage (blue), probe-voltage (orange) and motor-power
//                    (yellow) headers boxed, the chosen caps green, a legend of the
//                    chosen voltages (VIN resolved with Build::vin)
//   DipSwitch        a close-up of each DIP switch with the build's lever positions,
//                    a table of all its settings and where it sits on the board
//
// Marks carry tags (jumpers/common.h, namespace tags) that tests and other
// layouts use to find them: "remove:J58", "cap:J1:A1-A2", "voltage:fan-voltage:J58",
// "lever:S1:2:on".
#include "board/model.h"
#include "diagram/spec.h"
#include "draw/canvas.h"
#include "scene/scene.h"

namespace wb::jumpers {

enum class JumperView { RemoveAll, SetThese, VoltageSelection, DipSwitch };

// "remove-all", "set-these", "voltage-selection", "dip-switch".
const char* view_name(JumperView);

scene::Scene jumper_layout(const diagram::Build& build, const ResolvedBoard& board, JumperView view);

std::string render(const diagram::Build& build, const ResolvedBoard& board, JumperView view, draw::Format format,
                   double scale);

}  // namespace wb::jumpers
