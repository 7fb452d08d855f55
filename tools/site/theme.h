#pragma once
// The site theme under site/: page, share and redirect templates, and the
// static assets (CSS, JS) copied to assets/.
#include <string>
#include <utility>
#include <vector>

#include "site/pages.h"

namespace wb::site {

struct Theme {
  std::string page, share, redirect;
  std::vector<std::pair<std::string, std::string>> assets;  // site path -> file on disk
};

Theme load_theme(const std::string& root, Diagnostics& diags);

// The table of contents of a page: its level 2 and 3 headings.
std::string toc_html(const Page& page);
// A relative URL from the page at `from` to the page at `to` (site paths).
std::string relative_url(const std::string& from, const std::string& to);

}  // namespace wb::site
