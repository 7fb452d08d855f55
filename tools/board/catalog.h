#pragma once
// All boards of a project (ROOT/boards/*.xml), looked up by id or by a
// "BOARD@REVISION[+MCU]" spec.
#include <optional>
#include <string>
#include <vector>

#include "board/model.h"

namespace wb {

struct BoardSpec {
  std::string board, revision, mcu;
  std::string str() const;
};
// Parses "octopus-pro@v1.1" or "octopus-pro@v1.1+h723"; nullopt if malformed.
std::optional<BoardSpec> parse_board_spec(const std::string& text);

class Catalog {
 public:
  // Reads every boards/*.xml under root, in name order. Diagnostics collect
  // all problems; boards that failed to parse are left out.
  static Catalog load(const std::string& root, Diagnostics& diags);

  const std::vector<Board>& boards() const { return boards_; }
  const Board* board(const std::string& id) const;
  // Resolves and validates one spec; nullopt (with diagnostics) if it fails.
  std::optional<ResolvedBoard> resolve(const BoardSpec& spec, Diagnostics& diags) const;
  // Resolves and validates every revision and every MCU variant of every board.
  void check_all(Diagnostics& diags) const;

 private:
  std::vector<Board> boards_;
};

}  // namespace wb
