#pragma once
// Diagram embeds on pages. `diagram:octopus-pro@v1.1/pinout` draws a board;
// `diagram:BUILD/KIND` draws one view of a printer build from diagrams/
// (wiring, jumpers-remove, jumpers-set, voltage-select, dip-switch,
// heatsinks, harness-ID). Pages ask for them while they render; the build
// then draws each distinct diagram once, reusing earlier drawings whose
// inputs have not changed (a cache keyed by the content of everything the
// drawing depends on).
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "board/catalog.h"
#include "diagram/spec.h"
#include "markdown/markdown.h"
#include "scene/scene.h"

namespace wb::site {

struct DiagramRequest {
  std::string name;   // "octopus-pro@v1.1/pinout" or "voron24/wiring"
  std::string slug;   // file name stem under diagrams/
  BoardSpec board;
  const diagram::Build* build = nullptr;  // for build views
  std::string kind;   // "pinout", "wiring", "harness-psu-power", ...
  std::string title;
};

// Files a diagram produced, by output path relative to the site root.
struct DiagramFiles {
  std::vector<std::pair<std::string, std::string>> files;  // site path -> cached file on disk
  bool reused = false;
};

class DiagramService {
 public:
  DiagramService(const Catalog& catalog, const std::vector<diagram::Build>& builds)
      : catalog_(catalog), builds_(builds) {}
  // Thread-safe. URLs are relative to the page at page_url.
  std::optional<markdown::DiagramUrls> request(const std::string& name, const std::string& page_url,
                                               const Location& where, Diagnostics& diags);
  std::vector<DiagramRequest> requests() const;
  // Draws (or reuses) every requested diagram into cache_dir; runs on all cores.
  std::vector<DiagramFiles> render_all(const std::string& cache_dir, Diagnostics& diags,
                                       const std::function<void(int, int)>& progress = {}) const;

  const diagram::Build* build(const std::string& id) const;
  // The scene of one diagram by name ("voron24/wiring"), for `wirebook render`.
  std::optional<scene::Scene> layout(const std::string& name, Diagnostics& diags) const;

 private:
  // Also checks that the board resolves; `board`, when given, receives it.
  std::optional<DiagramRequest> parse(const std::string& name, const Location& where, Diagnostics& diags,
                                      std::optional<ResolvedBoard>* board = nullptr) const;
  const Catalog& catalog_;
  const std::vector<diagram::Build>& builds_;
  mutable std::mutex mutex_;
  std::map<std::string, DiagramRequest> requests_;
};

}  // namespace wb::site
