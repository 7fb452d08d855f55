#pragma once
// A label table: a title bar, an optional caption line and a grid of cells.
// One table labels one part or a group of alike parts; `member_of_row` or
// `member_of_column` says which cells belong to which part, so the leader
// lines can start next to the right cells.
#include <string>
#include <vector>

#include "board/model.h"
#include "scene/scene.h"

namespace wb::pinout {

struct Cell {
  std::string text;
  bool chip = false;  // a coloured pin-number or class swatch
  bool bold = false;
  bool mono = false;
  draw::Color fill{1, 1, 1, 0};  // transparent: the row colour
};

struct Table {
  std::string id;
  std::string title, subtitle;
  std::vector<Cell> caption;  // laid out in one line under the title
  std::vector<std::vector<Cell>> rows;
  std::vector<const Part*> members;
  bool transposed = false;         // members are columns 1..n, not rows
  std::vector<int> member_of_row;  // -1: not tied to a member

  // Filled by measure().
  double width = 0, height = 0;
  std::vector<double> col_width;
  double title_h = 0, caption_h = 0, row_h = 0;
};

namespace style {
inline constexpr double kTitleSize = 9.5;
inline constexpr double kCellSize = 9.5;
inline constexpr double kPadX = 5;
inline constexpr double kRowH = 14;
inline constexpr double kTitleH = 17;
}  // namespace style

void measure(Table& t);
// Where member m's leader meets the table at `placed`: on the given edge
// ('l', 'r', 't', 'b').
Point attach_point(const Table& t, const Rect& placed, size_t member, char edge);
// Adds the table to the scene at `placed` (size from measure()).
void draw_table(const Table& t, const Rect& placed, scene::Scene& s);

}  // namespace wb::pinout
