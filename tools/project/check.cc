#include "project/check.h"

#include "board/catalog.h"

namespace wb {

std::string CheckSummary::str() const {
  return std::to_string(boards) + " board" + (boards == 1 ? "" : "s") + ", " + std::to_string(revisions) +
         " revision" + (revisions == 1 ? "" : "s") + ", " + std::to_string(variants) + " MCU variant" +
         (variants == 1 ? "" : "s");
}

CheckSummary check_project(const std::string& root, Diagnostics& diags) {
  CheckSummary s;
  Catalog catalog = Catalog::load(root, diags);
  catalog.check_all(diags);
  for (const auto& b : catalog.boards()) {
    ++s.boards;
    s.revisions += static_cast<int>(b.revisions.size());
    s.variants += static_cast<int>(b.mcus.size());
  }
  return s;
}

}  // namespace wb
