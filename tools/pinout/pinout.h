#pragma once
// The colour-pin diagram of a board revision: the board to scale with every
// part and pin, label tables around it joined by leader lines, a title block
// and a legend of the function classes.
#include <string>

#include "board/model.h"
#include "draw/canvas.h"
#include "scene/scene.h"

namespace wb::pinout {

scene::Scene layout(const ResolvedBoard& board);

// "MCU: STM32F446ZET6 (12 MHz crystal, 32 KiB bootloader)", or the MCU
// variants of the revision when none is chosen; "" when the board names none.
std::string mcu_line(const ResolvedBoard& board);

// Layout and render in one go.
std::string render(const ResolvedBoard& board, draw::Format format, double scale);

}  // namespace wb::pinout
