#pragma once
// Anchors that last. Every published address (page URL, or page URL plus a
// heading or figure id) is recorded in content/anchors.lock. A build fails
// when a recorded address disappears, unless the author said where it went:
// an alias on the heading or figure (fragment map on the page) or an alias
// of the page (a redirect from the old URL).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "site/pages.h"

namespace wb::site {

struct Anchor {
  std::string url;  // page URL relative to the site root
  std::string id;   // "" for the page itself
  std::string str() const { return id.empty() ? url : url + "#" + id; }
  // Ordered as str() is, without building the strings (sites have tens of
  // thousands of anchors).
  bool operator<(const Anchor& o) const;
};

struct LockEntry {
  Anchor anchor;
  int line = 0;
};

std::vector<LockEntry> read_lock(const std::string& root, Diagnostics& diags);
void write_lock(const std::string& root, const std::vector<Anchor>& anchors);
std::string lock_path_shown();

// Every anchor the pages publish now.
std::vector<Anchor> current_anchors(const std::vector<Page>& pages);

// Old fragment -> new fragment for one page (from heading and figure aliases).
std::map<std::string, std::string> fragment_map(const Page& page);
// Old page URL -> the page that replaces it (from front matter aliases).
std::map<std::string, const Page*> page_aliases(const std::vector<Page>& pages, Diagnostics& diags);

// Checks the lock against the pages; reports each vanished anchor.
void check_lock(const std::vector<LockEntry>& lock, const std::vector<Page>& pages, Diagnostics& diags);

// Normalises an alias URL: strips a leading '/', maps "x/" to "x/index.html"
// and "x.md" to "x.html".
std::string normalise_url(std::string url);

}  // namespace wb::site
