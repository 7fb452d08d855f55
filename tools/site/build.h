#pragma once
// `wirebook build`: turns the project under root into a static site in out.
#include <functional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace wb::site {

struct BuildSummary {
  int pages = 0;
  int pages_reused = 0;  // pages taken from the page cache, not rendered again
  int diagrams_rendered = 0;
  int diagrams_reused = 0;
  int new_anchors = 0;      // published anchors not yet in content/anchors.lock
  bool up_to_date = false;  // nothing changed since the last build: nothing done
  std::vector<std::string> changed;  // site paths written (new or different)
  std::vector<std::string> anchors;  // every published anchor, "page.html" or "page.html#id"
  std::string str() const;
};

struct BuildOptions {
  std::string root = ".";
  std::string out = "build/site";
  bool write = true;  // false: check everything, write nothing (`wirebook check`)
  // Called as diagrams finish rendering (done, total); may be empty.
  std::function<void(int, int)> progress;
};

// Returns false (with diagnostics) when the build failed; the published site
// in `out` is then untouched.
bool build(const BuildOptions& options, Diagnostics& diags, BuildSummary& summary);

}  // namespace wb::site
