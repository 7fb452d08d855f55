#pragma once
// The pin listing of a resolved board: one row per connector pin, with the
// driver sockets as connectors DRIVER0..N carrying STEP, DIR, EN, CS, DIAG.
// Shared by `wirebook pins`, the site's pin tables and the diagrams' text.
#include <string>
#include <vector>

#include "board/model.h"

namespace wb {

struct PinRow {
  std::string connector, pin, signal, mcu, function, voltage, ref, note;
};

std::vector<PinRow> pin_rows(const ResolvedBoard& board);

std::string pins_as_tsv(const std::vector<PinRow>& rows);
std::string pins_as_json(const ResolvedBoard& board, const std::vector<PinRow>& rows);
std::string pins_as_table(const std::vector<PinRow>& rows);

}  // namespace wb
