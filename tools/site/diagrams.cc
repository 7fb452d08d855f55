#include "site/diagrams.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "board/fingerprint.h"
#include "draw/atomic_write.h"
#include "harness/harness.h"
#include "heatsinks/heatsinks.h"
#include "jumpers/jumpers.h"
#include "pinout/pinout.h"
#include "wiring/wiring.h"
#include "scene/render.h"
#include "site/html.h"
#include "site/pages.h"
#include "util/hash.h"
#include "util/file_stamp.h"
#include "util/parallel.h"
#include "util/tool_identity.h"

namespace fs = std::filesystem;

namespace wb::site {
namespace {

// Where a diagram named on wirebook's command line is reported as coming from.
constexpr const char* kCommandLine = "<command line>";

const char* kBuildKinds = "wiring, jumpers-remove, jumpers-set, voltage-select, dip-switch, heatsinks, harness-ID";

bool known_build_kind(const diagram::Build& b, const std::string& kind) {
  for (const char* k : {"wiring", "jumpers-remove", "jumpers-set", "voltage-select", "dip-switch", "heatsinks"})
    if (kind == k) return true;
  if (kind.rfind("harness-", 0) == 0)
    for (const auto& h : b.harnesses)
      if (kind == "harness-" + h.id) return true;
  return false;
}

std::string kind_title(const std::string& kind) {
  if (kind == "wiring") return "wiring";
  if (kind == "jumpers-remove") return "jumpers to remove";
  if (kind == "jumpers-set") return "jumpers to set";
  if (kind == "voltage-select") return "voltage selection";
  if (kind == "dip-switch") return "DIP switch";
  if (kind == "heatsinks") return "drivers and heat sinks";
  return kind.substr(8) + " harness";
}

// Everything a build view shows of the build itself.
std::string build_fingerprint(const diagram::Build& b) {
  Hasher h;
  h.add(b.id).add(b.title).add(b.board.str()).add(b.vin).add(b.motor_power);
  for (const auto& c : b.components) {
    h.add(c.id).add(c.label).add(c.kind).add(c.role).add(c.driver).add(c.voltage);
    for (const auto& t : c.terminals) h.add(t.name).add(t.label);
    for (const auto& a : c.attachments) {
      h.add(a.connector);
      for (int p : a.pins) h.add(std::to_string(p));
      for (const auto& col : a.colors) h.add(col);
    }
  }
  for (const auto& hs : b.harnesses) {
    h.add(hs.id).add(hs.title);
    for (const auto& w : hs.wires) h.add(w.from.str()).add(w.to.str()).add(w.color).add(w.gauge).add(w.label);
  }
  for (const auto& j : b.jumpers) h.add(j.part).add(j.setting);
  return h.hex();
}

scene::Scene draw_view(const DiagramRequest& r, const ResolvedBoard& board) {
  if (!r.build) return pinout::layout(board);
  const auto& b = *r.build;
  if (r.kind == "wiring") return wiring::wiring_layout(b, board);
  if (r.kind == "jumpers-remove") return jumpers::jumper_layout(b, board, jumpers::JumperView::RemoveAll);
  if (r.kind == "jumpers-set") return jumpers::jumper_layout(b, board, jumpers::JumperView::SetThese);
  if (r.kind == "voltage-select") return jumpers::jumper_layout(b, board, jumpers::JumperView::VoltageSelection);
  if (r.kind == "dip-switch") return jumpers::jumper_layout(b, board, jumpers::JumperView::DipSwitch);
  if (r.kind == "heatsinks") return heatsinks::heatsink_layout(b, board);
  for (const auto& h : b.harnesses)
    if (r.kind == "harness-" + h.id) return harness::harness_layout(b, board, h);
  return pinout::layout(board);
}


}  // namespace

const diagram::Build* DiagramService::build(const std::string& id) const {
  for (const auto& b : builds_)
    if (b.id == id) return &b;
  return nullptr;
}

std::optional<DiagramRequest> DiagramService::parse(const std::string& name, const Location& where,
                                                    Diagnostics& diags, std::optional<ResolvedBoard>* resolved) const {
  auto slash = name.find('/');
  std::string subject = slash == std::string::npos ? name : name.substr(0, slash);
  std::string kind = slash == std::string::npos ? "" : name.substr(slash + 1);
  // A Markdown page names a diagram "diagram:SUBJECT/KIND"; the command
  // line as `wirebook render KIND SUBJECT`: messages quote what was written.
  bool command_line = where.file == kCommandLine;
  auto written = [&](const std::string& n) {
    auto cut = n.find('/');
    return command_line ? "'" + (cut == std::string::npos ? n : n.substr(cut + 1) + " " + n.substr(0, cut)) + "'"
                        : "'diagram:" + n + "'";
  };
  if (kind.empty()) {
    diags.error(where, written(name) + " names no kind of diagram",
                "write diagram:BOARD@REVISION/pinout or diagram:BUILD/KIND (kinds: " + std::string(kBuildKinds) + ")");
    return std::nullopt;
  }
  DiagramRequest r;
  r.name = name;
  r.slug = slug(name);
  r.kind = kind;
  if (subject.find('@') != std::string::npos) {
    auto spec = parse_board_spec(subject);
    if (!spec || kind != "pinout") {
      diags.error(where, written(name) + ": a board has one diagram kind, pinout",
                  command_line ? "run wirebook render pinout " + subject : "write diagram:" + subject + "/pinout");
      return std::nullopt;
    }
    r.board = *spec;
  } else {
    r.build = build(subject);
    if (!r.build) {
      std::string ids;
      for (const auto& b : builds_) ids += (ids.empty() ? "" : ", ") + b.id;
      diags.error(where, "there is no build '" + subject + "' in diagrams/",
                  ids.empty() ? "add diagrams/" + subject + ".xml" : "builds: " + ids);
      return std::nullopt;
    }
    if (!known_build_kind(*r.build, kind)) {
      std::string harnesses;
      for (const auto& h : r.build->harnesses) harnesses += ", harness-" + h.id;
      diags.error(where, "unknown diagram kind '" + kind + "' for build '" + subject + "'",
                  "kinds: " + std::string(kBuildKinds) + harnesses);
      return std::nullopt;
    }
    r.board = r.build->board;
  }
  Diagnostics local;
  auto board = catalog_.resolve(r.board, local);
  if (!board && command_line && !local.empty()) {
    diags.append(local);  // the board file's own messages, with their locations
    return std::nullopt;
  }
  if (!board) {
    std::string why = local.list().empty() ? "" : local.list()[0].message;
    diags.error(where, written(name) + " names a board that cannot be drawn: " + why,
                local.list().empty() ? "check the board id and revision" : local.list()[0].hint);
    return std::nullopt;
  }
  r.title = r.build ? r.build->title + " \u2014 " + kind_title(kind) : board->title() + " pin diagram";
  if (resolved) *resolved = std::move(board);
  return r;
}

std::optional<scene::Scene> DiagramService::layout(const std::string& name, Diagnostics& diags) const {
  std::optional<ResolvedBoard> board;
  auto r = parse(name, {kCommandLine}, diags, &board);
  if (!r) return std::nullopt;
  return draw_view(*r, *board);
}

std::optional<markdown::DiagramUrls> DiagramService::request(const std::string& name, const std::string& page_url,
                                                             const Location& where, Diagnostics& diags) {
  auto parsed = parse(name, where, diags);
  if (!parsed) return std::nullopt;
  const DiagramRequest& r = *parsed;
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
    h.add(tool_identity()).add(r.kind).add(fingerprint(*resolved)).add(r.build ? build_fingerprint(*r.build) : "");
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
    // The published site links these files rather than copying them: the
    // stamps recorded when they were written show whether one was edited
    // (through the site) since, and then the diagram is drawn again.
    const std::string base = cache_dir + "/" + key, stamps_path = base + ".stamps";
    auto stamps = [&] {
      std::string s;
      for (const auto& v : variants) s += file_stamp(base + v.suffix) + "\n";
      return s;
    };
    std::string recorded;
    {
      std::ifstream in(stamps_path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      recorded = text.str();
    }
    out[i].reused = !recorded.empty() && recorded == stamps();
    if (!out[i].reused) {
      auto scene = draw_view(r, *resolved);
      std::string error;
      bool ok = true;
      for (const auto& v : variants)
        ok = ok && draw::write_file_atomically(base + v.suffix, scene::render(scene, v.format, v.scale), &error);
      ok = ok && draw::write_file_atomically(stamps_path, stamps(), &error);
      if (!ok) {
        std::lock_guard lock(diag_mutex);
        diags.error({cache_dir}, "cannot write the diagram cache: " + error, "check free space and permissions");
        return;
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
