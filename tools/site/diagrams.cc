#include "site/diagrams.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "board/fingerprint.h"
#include "draw/atomic_write.h"
#include "pinout/pinout.h"
#include "scene/render.h"
#include "site/html.h"
#include "site/pages.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "version.h"

namespace fs = std::filesystem;

namespace wb::site {
namespace {

const char* kKinds = "pinout";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Identifies this build of wirebook: its version and the bytes of the
// running binary, so a changed drawing code never reuses stale diagrams.
const std::string& tool_identity() {
  static const std::string id = [] {
    Hasher h;
    h.add(WIREBOOK_VERSION).add(read_file("/proc/self/exe"));
    return h.hex();
  }();
  return id;
}

}  // namespace

std::optional<markdown::DiagramUrls> DiagramService::request(const std::string& name, const std::string& page_url,
                                                             const Location& where, Diagnostics& diags) {
  auto slash = name.rfind('/');
  std::string board_text = slash == std::string::npos ? name : name.substr(0, slash);
  std::string kind = slash == std::string::npos ? "" : name.substr(slash + 1);
  auto spec = parse_board_spec(board_text);
  if (!spec || kind.empty()) {
    diags.error(where, "'diagram:" + name + "' is not diagram:BOARD@REVISION/KIND",
                "for example diagram:octopus-pro@v1.1/pinout");
    return std::nullopt;
  }
  if (kind != "pinout") {
    diags.error(where, "unknown diagram kind '" + kind + "' in 'diagram:" + name + "'",
                std::string("known kinds: ") + kKinds);
    return std::nullopt;
  }
  Diagnostics local;
  auto board = catalog_.resolve(*spec, local);
  if (!board) {
    std::string why = local.list().empty() ? "" : local.list()[0].message;
    diags.error(where, "'diagram:" + name + "' names a board that cannot be drawn: " + why,
                local.list().empty() ? "check the board id and revision" : local.list()[0].hint);
    return std::nullopt;
  }
  DiagramRequest r{name, slug(name), *spec, kind, board->title() + " pin diagram"};
  {
    std::lock_guard lock(mutex_);
    requests_.emplace(name, r);
  }
  std::string base = root_prefix(page_url) + "diagrams/" + r.slug;
  return markdown::DiagramUrls{base + ".png", base + "@2x.png", base + ".svg", base + ".pdf", r.title};
}

std::vector<DiagramRequest> DiagramService::requests() const {
  std::lock_guard lock(mutex_);
  std::vector<DiagramRequest> out;
  for (const auto& [_, r] : requests_) out.push_back(r);
  return out;
}

std::vector<DiagramFiles> DiagramService::render_all(const std::string& cache_dir, Diagnostics& diags,
                                                     const std::function<void(int, int)>& progress) const {
  auto reqs = requests();
  std::atomic<int> done{0};
  std::vector<DiagramFiles> out(reqs.size());
  fs::create_directories(cache_dir);
  std::mutex diag_mutex;
  parallel_for(reqs.size(), [&](size_t i) {
    const auto& r = reqs[i];
    Diagnostics local;
    auto resolved = catalog_.resolve(r.board, local);
    if (!resolved) {
      std::lock_guard lock(diag_mutex);
      diags.append(local);
      return;
    }
    // Everything the drawing depends on: wirebook itself, the kind and the
    // resolved board (so another revision's change does not count).
    Hasher h;
    h.add(tool_identity()).add(r.kind).add(fingerprint(*resolved));
    std::string key = h.hex();
    struct Variant {
      const char* suffix;
      draw::Format format;
      double scale;
    };
    const Variant variants[] = {{".png", draw::Format::Png, 1},
                                {"@2x.png", draw::Format::Png, 2},
                                {".svg", draw::Format::Svg, 1},
                                {".pdf", draw::Format::Pdf, 1}};
    bool all_cached = true;
    for (const auto& v : variants) all_cached = all_cached && fs::exists(cache_dir + "/" + key + v.suffix);
    out[i].reused = all_cached;
    if (!all_cached) {
      auto scene = pinout::layout(*resolved);
      for (const auto& v : variants) {
        std::string error;
        if (!draw::write_file_atomically(cache_dir + "/" + key + v.suffix, scene::render(scene, v.format, v.scale),
                                         &error)) {
          std::lock_guard lock(diag_mutex);
          diags.error({cache_dir}, "cannot write the diagram cache: " + error, "check free space and permissions");
          return;
        }
      }
    }
    for (const auto& v : variants)
      out[i].files.emplace_back("diagrams/" + r.slug + v.suffix, cache_dir + "/" + key + v.suffix);
    int n = ++done;
    if (progress && !out[i].reused) {
      std::lock_guard lock(diag_mutex);
      progress(n, static_cast<int>(reqs.size()));
    }
  });
  return out;
}

}  // namespace wb::site
