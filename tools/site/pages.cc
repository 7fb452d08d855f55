#include "site/pages.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/parallel.h"

namespace fs = std::filesystem;

namespace wb::site {

std::string page_url(const std::string& rel) { return rel.substr(0, rel.size() - 3) + ".html"; }

std::string root_prefix(const std::string& url) {
  std::string prefix;
  for (char c : url)
    if (c == '/') prefix += "../";
  return prefix;
}

namespace {
std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool hidden(const fs::path& rel) {
  for (const auto& part : rel)
    if (!part.empty() && (part.string()[0] == '_' || part.string()[0] == '.')) return true;
  return false;
}
}  // namespace

Content load_content(const std::string& root, Diagnostics& diags) {
  Content c;
  fs::path dir = fs::path(root) / "content";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error({"content"}, "there is no content/ folder under the root", "create content/index.md for the home page");
    return c;
  }
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) continue;
    // The iterator's paths start with dir: cut it off (fs::relative would
    // resolve symlinks with a system call per path component).
    fs::path rel = it->path().generic_string().substr(dir.generic_string().size() + 1);
    if (hidden(rel)) continue;
    std::string r = rel.generic_string();
    if (r == "anchors.lock") continue;
    if (rel.extension() == ".md") {
      Page p;
      p.rel = r;
      p.source = "content/" + r;
      p.url = page_url(r);
      p.text = it->path().string();  // read below, on all cores
      c.pages.push_back(std::move(p));
    } else {
      c.files.push_back({it->path().string(), r});
    }
  }
  parallel_for(c.pages.size(), [&](size_t i) { c.pages[i].text = read(c.pages[i].text); });
  std::sort(c.pages.begin(), c.pages.end(), [](const Page& a, const Page& b) { return a.rel < b.rel; });
  std::sort(c.files.begin(), c.files.end(), [](const StaticFile& a, const StaticFile& b) { return a.rel < b.rel; });
  return c;
}

}  // namespace wb::site
