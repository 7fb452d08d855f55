#pragma once
// `wirebook build`: turns the project under root into a static site in out.
#include <string>

#include "util/diagnostic.h"

namespace wb::site {

struct BuildSummary {
  int pages = 0;
  int diagrams = 0;
  std::string str() const;
};

// Returns false (with diagnostics) when the build failed; the published site
// in `out` is then untouched.
bool build(const std::string& root, const std::string& out, Diagnostics& diags, BuildSummary& summary);

}  // namespace wb::site
