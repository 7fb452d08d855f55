#pragma once
// The build's link check: every internal link, anchor and image of every page
// must lead somewhere. External links (with a scheme) are not fetched.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "site/pages.h"

namespace wb::site {

struct SiteIndex {
  std::set<std::string> files;                           // every output path (pages, assets, images)
  std::map<std::string, std::set<std::string>> ids;      // page URL -> ids on it
};

// Ids in a page's HTML (id="...") plus its headings, figures and fragment aliases.
std::set<std::string> page_ids(const Page& page, const std::string& html);

void check_links(const std::vector<Page>& pages, const SiteIndex& index, Diagnostics& diags);

// Rewrites relative links to Markdown files (x.md, x.md#id) into their HTML pages.
std::string rewrite_md_links(const std::string& html);

// Resolves `target` written on the page at `from_rel` (content-relative) to a
// site path; "" for external links. Sets fragment.
std::string resolve_target(const std::string& from_rel, const std::string& target, std::string& fragment, bool& external);

}  // namespace wb::site
