#pragma once
// `wirebook check`: every validation the build runs, without writing.
#include <string>

#include "util/diagnostic.h"

namespace wb {

struct CheckSummary {
  int boards = 0, revisions = 0, variants = 0, builds = 0, pages = 0;
  std::string str() const;
};

CheckSummary check_project(const std::string& root, Diagnostics& diags);

}  // namespace wb
