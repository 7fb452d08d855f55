#pragma once
// What the four jumper views share: colours, the words for purposes and
// settings, jumper caps and highlight boxes on the board, and the page frame
// (title, notes and legend above the drawing).
#include <string>
#include <vector>

#include "board/model.h"
#include "diagram/spec.h"
#include "page/page.h"
#include "pinout/board_drawing.h"
#include "scene/scene.h"

namespace wb::jumpers {

using draw::Color;

namespace colors {
inline const Color kCap = Color::hex("#2e7d32");      // a fitted jumper cap (white text: 5.1:1)
inline const Color kCapEdge = Color::hex("#0b3d0f");
inline const Color kCapShine = Color::hex("#81c784");
inline const Color kRemove = Color::hex("#f4c430");   // "take this cap off"
inline const Color kMarkEdge = Color::hex("#1a1a1a");  // dark edge under every bright mark
inline const Color kFan = Color::hex("#42a5f5");
inline const Color kProbe = Color::hex("#ff9100");
inline const Color kMotor = Color::hex("#ffea00");
inline const Color kChosenRow = Color::hex("#e8f5e9");
inline const Color kLeverOn = Color::hex("#2e7d32");
inline const Color kSwitchBody = Color::hex("#b71c1c");
}  // namespace colors

// Tags of the marks the views draw, so that tests and other layouts can find them.
namespace tags {
inline constexpr const char* kRemove = "remove:";    // + part id: one per jumper to take off
inline constexpr const char* kCap = "cap:";          // + part id + ":" + pin ref + "-" + pin ref
inline constexpr const char* kVoltage = "voltage:";  // + purpose + ":" + part id
inline constexpr const char* kEmpty = "empty:";    // + part id: a jumper the build leaves without a cap
inline constexpr const char* kLever = "lever:";      // + switch id + ":" + lever + ":" + "on" / "off" / "unset"
}  // namespace tags

// "motor power", "mode", "fan voltage", "DIAG".
std::string purpose_name(const std::string& purpose);
// Short name of a setting: "SPI", "main power", "VIN (24 V)", "12 V".
std::string setting_short(const Setting& s, const diagram::Build& build);
// "pins 2–3", "A1–A2, B1–B2, C1–C2, D1–D2", "no cap".
std::string pairs_text(const Setting& s);
// "J58–J63, J65, J66": ids sorted by their number, runs of three or more joined.
std::string id_list(std::vector<std::string> ids);

// The setting a build chose for a part: nullptr when the build does not set
// the part; `chosen` tells apart "not set" from "set to no cap" (setting "").
struct Choice {
  const diagram::JumperChoice* choice = nullptr;
  const Setting* setting = nullptr;
};
Choice choice_for(const diagram::Build& build, const Part& part);

// A jumper cap across two pins, in board millimetres.
struct Cap {
  std::string part, a, b;  // pin refs as written in the setting
  Point pa, pb;
};
// The caps a setting puts on a part (pairs whose pins cannot be found are skipped).
std::vector<Cap> caps_of(const Part& part, const Setting& setting);
// Draws a green cap spanning both pins; returns its extent on the canvas.
Rect draw_cap(const Cap& cap, const Part& part, const pinout::BoardView& view, scene::Scene& s);
// A bright outline with a dark edge, visible on the green board; tag names it.
void draw_mark(scene::Scene& s, const std::string& tag, const Rect& r, Color color, double width = 3.2);
// A dashed white outline: "leave this jumper empty" (tag "empty:" + part id).
void draw_empty(scene::Scene& s, const std::string& part, const Rect& r);
// The canvas box a highlight mark draws around a part: a little larger than
// its body, but never reaching past half the gap to one of `neighbours`
// (parts that get marks too), so that marks of touching jumpers share an edge.
Rect mark_box(const Part& part, const pinout::BoardView& view, const std::vector<const Part*>& neighbours = {});

// The board view for a diagram about `width` canvas units wide.
pinout::BoardView board_view(const ResolvedBoard& board, double width, double min_scale = 4.0);

// Legend swatches: a highlight box of this colour on a patch of board; a cap.
page::LegendEntry box_entry(Color color, std::string text);
page::LegendEntry cap_entry(std::string text);
page::LegendEntry empty_entry(std::string text);

// "Voron 2.4 on Octopus Pro V1.0" or the board title when the build has none.
std::string build_title(const diagram::Build& build, const ResolvedBoard& board);

}  // namespace wb::jumpers
