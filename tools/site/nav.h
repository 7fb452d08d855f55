#pragma once
// The sidebar: pages arranged by their front matter (parent names the title
// of the parent page, nav_order sorts siblings, nav_exclude hides a page),
// and the reading order that previous/next links follow.
#include <string>
#include <vector>

#include "site/pages.h"

namespace wb::site {

struct NavNode {
  const Page* page = nullptr;
  std::vector<NavNode> children;
};

struct Nav {
  std::vector<NavNode> roots;
  std::vector<const Page*> order;  // depth first, the reading order
};

Nav build_nav(const std::vector<Page>& pages, Diagnostics& diags);
// The sidebar HTML for `current`, links relative to it.
std::string nav_html(const Nav& nav, const Page& current);
// Previous/next links for `current` (empty when it is not in the nav).
std::string pager_html(const Nav& nav, const Page& current);
// Location of a front matter key in a page ("parent:"), for messages.
Location key_location(const Page& page, const std::string& key);

}  // namespace wb::site
