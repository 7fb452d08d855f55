#include "project/check.h"

#include <filesystem>

#include "board/catalog.h"
#include "diagram/spec.h"
#include "site/build.h"

namespace wb {

std::string CheckSummary::str() const {
  auto n = [](int k, const char* what) { return std::to_string(k) + " " + what + (k == 1 ? "" : "s"); };
  return n(boards, "board") + ", " + n(revisions, "revision") + ", " + n(variants, "MCU variant") + ", " +
         n(builds, "build") + ", " + n(pages, "page");
}

CheckSummary check_project(const std::string& root, Diagnostics& diags) {
  CheckSummary s;
  Catalog catalog = Catalog::load(root, diags);
  catalog.check_all(diags);
  std::vector<diagram::Build> builds;
  if (diags.empty()) builds = diagram::load_builds(root, catalog, diags);
  s.builds = static_cast<int>(builds.size());
  for (const auto& b : catalog.boards()) {
    ++s.boards;
    s.revisions += static_cast<int>(b.revisions.size());
    s.variants += static_cast<int>(b.mcus.size());
  }
  // Pages are checked only when the project has them (a board-only folder is fine).
  if (diags.empty() && std::filesystem::is_directory(std::filesystem::path(root) / "content")) {
    site::BuildSummary summary;
    site::BuildOptions options{root, "", false};
    site::build(options, diags, summary);
    s.pages = summary.pages;
  }
  return s;
}

}  // namespace wb
