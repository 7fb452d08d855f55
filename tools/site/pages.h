#pragma once
// The pages and static files under content/: where each comes from, where it
// goes in the site, and what its front matter says.
#include <string>
#include <vector>

#include "markdown/markdown.h"

namespace wb::site {

struct Page {
  std::string source;  // as shown in messages: "content/boards/octopus-pro.md"
  std::string rel;     // relative to content/: "boards/octopus-pro.md"
  std::string url;     // relative to the site root: "boards/octopus-pro.html"
  std::string text;    // the whole file
  std::string body;    // after the front matter
  markdown::FrontMatter front;
  std::string title;
  markdown::Rendered rendered;
  // Variant pages (see variants.h): the variant this page renders, and the
  // ids of all variants of its source ("" and empty for ordinary pages).
  std::string variant_id;
  nlohmann::json variant = nlohmann::json::object();
  std::vector<std::string> variant_ids;
  std::vector<std::pair<std::string, std::string>> variant_links;  // title, url of each variant page
};

struct StaticFile {
  std::string source;  // path on disk
  std::string rel;     // relative to content/, also its place in the site
};

struct Content {
  std::vector<Page> pages;  // sorted by rel
  std::vector<StaticFile> files;
};

// Reads content/: every .md outside folders starting with '_' is a page;
// every other file (images, downloads) is copied as it is. anchors.lock and
// the _includes/ folder are not published.
Content load_content(const std::string& root, Diagnostics& diags);

// "boards/octopus-pro.md" -> "boards/octopus-pro.html".
std::string page_url(const std::string& rel);
// The relative prefix from a page at `url` to the site root ("../" per folder).
std::string root_prefix(const std::string& url);

}  // namespace wb::site
