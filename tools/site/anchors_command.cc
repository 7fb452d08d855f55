#include "site/anchors_command.h"

#include <set>

#include "site/anchors.h"
#include "site/build.h"
#include "site/config.h"

namespace wb::site {

std::optional<std::string> list_anchors(const std::string& root, bool update, Diagnostics& diags) {
  SiteConfig config = load_config(root, diags);
  BuildSummary summary;
  if (!build({root, "", false}, diags, summary)) return std::nullopt;
  auto lock = read_lock(root, diags);
  std::set<std::string> locked;
  for (const auto& e : lock) locked.insert(e.anchor.str());
  std::string out;
  int fresh = 0;
  for (const auto& a : summary.anchors) {
    bool is_new = !locked.count(a);
    fresh += is_new;
    out += (config.url.empty() ? a : config.url + "/" + a) + (is_new ? "  (new)" : "") + "\n";
  }
  if (update && fresh > 0) {
    std::set<Anchor> all;
    for (const auto& e : lock) all.insert(e.anchor);
    for (const auto& a : summary.anchors) {
      auto hash = a.find('#');
      all.insert({a.substr(0, hash), hash == std::string::npos ? "" : a.substr(hash + 1)});
    }
    write_lock(root, {all.begin(), all.end()});
    out += "recorded " + std::to_string(fresh) + (fresh == 1 ? " new anchor" : " new anchors") + " in content/anchors.lock\n";
  } else if (update) {
    out += "content/anchors.lock already records every anchor\n";
  }
  return out;
}

}  // namespace wb::site
