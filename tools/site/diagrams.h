#pragma once
// Diagram embeds on pages (`diagram:octopus-pro@v1.1/pinout`): pages ask for
// them while they render; the build then draws each distinct diagram once,
// reusing earlier drawings whose inputs have not changed (a cache keyed by
// the content of everything the drawing depends on).
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "board/catalog.h"
#include "markdown/markdown.h"

namespace wb::site {

struct DiagramRequest {
  std::string name;  // "octopus-pro@v1.1/pinout"
  std::string slug;  // "octopus-pro-v1-1-pinout", the file name stem under diagrams/
  BoardSpec board;
  std::string kind;  // "pinout"
  std::string title;
};

// Files a diagram produced, by output path relative to the site root.
struct DiagramFiles {
  std::vector<std::pair<std::string, std::string>> files;  // site path -> cached file on disk
  bool reused = false;
};

class DiagramService {
 public:
  explicit DiagramService(const Catalog& catalog) : catalog_(catalog) {}
  // Thread-safe. URLs are relative to the page at page_url.
  std::optional<markdown::DiagramUrls> request(const std::string& name, const std::string& page_url,
                                               const Location& where, Diagnostics& diags);
  std::vector<DiagramRequest> requests() const;
  // Draws (or reuses) every requested diagram into cache_dir; runs on all cores.
  std::vector<DiagramFiles> render_all(const std::string& cache_dir, Diagnostics& diags,
                                       const std::function<void(int, int)>& progress = {}) const;

 private:
  const Catalog& catalog_;
  mutable std::mutex mutex_;
  std::map<std::string, DiagramRequest> requests_;
};

}  // namespace wb::site
