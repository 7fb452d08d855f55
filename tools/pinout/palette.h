#pragma once
// Colours of the pin diagrams: one per function class, plus the few UI
// colours. Colour is never the only cue (every pin also prints its signal and
// MCU pin), and every text colour is chosen for at least 4.5:1 contrast.
#include <string>
#include <vector>

#include "draw/color.h"

namespace wb::pinout {

using draw::Color;

// The swatch colour of a function class (grey for unknown ones).
Color class_color(const std::string& function);
// White, or the ink (black where the ink falls short of 4.5:1 for some
// colour vision), whichever contrasts more with the background.
Color text_on(Color background);

namespace ui {
inline const Color kInk = Color::hex("#1a1a1a");
inline const Color kMuted = Color::hex("#555555");  // 7.5:1 on white
inline const Color kPaper = Color::hex("#ffffff");
inline const Color kRowAlt = Color::hex("#f3f4f6");
inline const Color kTitleBar = Color::hex("#263238");
inline const Color kRule = Color::hex("#c9ced6");
inline const Color kBoard = Color::hex("#1f4e3d");
inline const Color kBoardEdge = Color::hex("#0f2a20");
inline const Color kPartBody = Color::hex("#eceff1");
inline const Color kPartEdge = Color::hex("#37474f");
inline const Color kJumperBody = Color::hex("#455a64");
inline const Color kLeader = Color::hex("#37474f");
inline const Color kPin1 = Color::hex("#d50000");
}  // namespace ui

}  // namespace wb::pinout
