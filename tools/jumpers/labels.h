#pragma once
// Label tables around the board for the jumper views, in the manner of the
// pin diagram (pinout/table.h, pinout/placement.h): a table per group of
// alike jumpers, on the board side nearest to them, joined to every jumper
// by a leader line.
#include <string>
#include <vector>

#include "board/model.h"
#include "pinout/board_drawing.h"
#include "pinout/table.h"
#include "scene/scene.h"

namespace wb::jumpers {

// One table. Its columns (above or below the board) or rows (beside it) are
// owners: the part a jumper serves (DRIVER0, FAN0) or the jumper itself; its
// other axis lists `rows` (purposes: "motor power", "mode").
struct LabelGroup {
  std::string id, title;
  std::vector<pinout::Cell> caption;
  std::vector<std::string> rows;
  struct Owner {
    std::string name;
    std::vector<const Part*> parts;   // every part a leader goes to
    std::vector<pinout::Cell> cells;  // one per row ("" when the owner has none)
  };
  std::vector<Owner> owners;
};

// A cell for a jumper set by the build: a green chip "J58 · VIN (24 V)".
pinout::Cell set_cell(const std::string& text);
pinout::Cell plain_cell(const std::string& text, bool bold = false);

// Lays the tables out around the board (board_mm: the outline's bounds) and
// draws tables and leaders. Leaders keep clear of the `avoid` rectangles
// (canvas units) tagged with another part's id.
void place_labels(const std::vector<LabelGroup>& groups, const pinout::BoardView& view, const Rect& board_mm,
                  const std::vector<std::pair<std::string, Rect>>& avoid, scene::Scene& s);

}  // namespace wb::jumpers
