#include "site/theme.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "site/html.h"

namespace fs = std::filesystem;

namespace wb::site {

Theme load_theme(const std::string& root, Diagnostics& diags) {
  Theme t;
  auto read = [&](const char* name, std::string& out) {
    fs::path p = fs::path(root) / "site" / "templates" / name;
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      diags.error({"site/templates/" + std::string(name)}, "the site template is missing",
                  "restore it from git; the theme lives in site/");
      return;
    }
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
  };
  read("page.html", t.page);
  read("share.html", t.share);
  read("redirect.html", t.redirect);
  fs::path assets = fs::path(root) / "site" / "assets";
  std::error_code ec;
  if (fs::is_directory(assets, ec))
    for (auto it = fs::recursive_directory_iterator(assets, ec); it != fs::recursive_directory_iterator(); ++it)
      if (it->is_regular_file())
        t.assets.emplace_back("assets/" + it->path().generic_string().substr(assets.generic_string().size() + 1),
                              it->path().string());
  std::sort(t.assets.begin(), t.assets.end());
  return t;
}

std::string toc_html(const Page& page) {
  std::string items;
  for (const auto& h : page.rendered.headings)
    if ((h.level == 2 || h.level == 3) && !h.id.empty() && !h.text.empty())
      items += "<li class=\"toc-h" + std::to_string(h.level) + "\"><a href=\"#" + escape(h.id) + "\">" + escape(h.text) +
               "</a></li>\n";
  return items.empty() ? "" : "<ul class=\"toc\">\n" + items + "</ul>\n";
}

std::string relative_url(const std::string& from, const std::string& to) {
  return root_prefix(from) + to;
}

}  // namespace wb::site
