#include "site/variants.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "board/catalog.h"
#include "site/nav.h"

namespace wb::site {

void expand_variants(std::vector<Page>& pages, Diagnostics& diags) {
  std::vector<Page> added;
  for (auto& page : pages) {
    const auto& all = page.front.all;
    if (!all.contains("variants")) continue;
    Location where = key_location(page, "variants");
    const auto& list = all["variants"];
    if (!list.is_array() || list.empty()) {
      diags.error(where, "'variants' must be a list of variants, each with an id",
                  "write variants: followed by lines like '  - id: f446-v1.0' with title and board keys");
      continue;
    }
    std::string stem = page.rel.substr(0, page.rel.size() - 3);
    for (const auto& v : list) {
      if (!v.is_object() || !v.contains("id") || !v["id"].is_string() || v["id"].get<std::string>().empty()) {
        diags.error(where, "every variant needs an 'id'", "add '  - id: NAME' for each variant");
        continue;
      }
      std::string id = v["id"].get<std::string>();
      if (std::find(page.variant_ids.begin(), page.variant_ids.end(), id) != page.variant_ids.end()) {
        diags.error(where, "variant id '" + id + "' appears twice", "give each variant its own id");
        continue;
      }
      page.variant_ids.push_back(id);
      Page vp = page;
      vp.rel = stem + "-" + id + ".md";
      vp.url = page_url(vp.rel);
      vp.variant_id = id;
      vp.variant = v;
      // The variant's keys override the source's front matter.
      for (auto it = v.begin(); it != v.end(); ++it) vp.front.all[it.key()] = it.value();
      vp.front.all.erase("variants");
      vp.front.all.erase("aliases");
      vp.front.aliases.clear();
      if (v.contains("title") && v["title"].is_string()) vp.front.title = v["title"].get<std::string>();
      if (v.contains("description") && v["description"].is_string()) vp.front.description = v["description"].get<std::string>();
      if (v.contains("sidebar_label") && v["sidebar_label"].is_string()) vp.front.sidebar_label = v["sidebar_label"].get<std::string>();
      if (v.contains("nav_order") && v["nav_order"].is_number()) vp.front.nav_order = v["nav_order"].get<double>();
      // Variant pages sit under their overview page in the sidebar.
      vp.front.parent = page.front.title;
      vp.front.all["variant_of"] = page.rel;
      vp.front.nav_exclude = false;
      page.variant_links.emplace_back(vp.front.title.empty() ? id : vp.front.title, vp.url);
      added.push_back(std::move(vp));
    }
    for (auto& a : added)
      if (a.front.all.value("variant_of", "") == page.rel) {
        a.variant_ids = page.variant_ids;
        a.variant_links = page.variant_links;
      }
  }
  for (auto& a : added) pages.push_back(std::move(a));
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.rel < b.rel; });
}

namespace {

// Whether a `:::variant` condition selects this page's variant.
bool selects(const Page& page, const std::vector<std::string>& words) {
  if (page.variant_id.empty()) return false;  // the overview shows no variant-only blocks
  bool any_id = false, id_match = false;
  for (const auto& w : words) {
    auto eq = w.find('=');
    if (eq == std::string::npos) {
      any_id = true;
      id_match = id_match || w == page.variant_id;
      continue;
    }
    std::string key = w.substr(0, eq), values = w.substr(eq + 1), actual;
    if (key == "mcu" || key == "revision" || key == "board") {
      auto spec = parse_board_spec(page.variant.value("board", ""));
      if (spec) actual = key == "mcu" ? spec->mcu : key == "revision" ? spec->revision : spec->board;
    } else if (page.variant.contains(key) && page.variant[key].is_string()) {
      actual = page.variant[key].get<std::string>();
    }
    bool ok = false;
    std::stringstream list(values);
    std::string one;
    while (std::getline(list, one, ',')) ok = ok || one == actual;
    if (!ok) return false;
  }
  return !any_id || id_match;
}

}  // namespace

std::string variant_body(const Page& page, Diagnostics& diags) {
  if (page.variant_ids.empty()) return page.body;
  std::vector<std::string> lines;
  {
    std::stringstream in(page.body);
    std::string l;
    while (std::getline(in, l)) lines.push_back(l);
  }
  struct Open {
    size_t line;
    size_t colons;
    bool variant;
    bool keep;
  };
  std::vector<Open> stack;
  auto hidden = [&] {
    return std::any_of(stack.begin(), stack.end(), [](const Open& o) { return o.variant && !o.keep; });
  };
  std::string out;
  int first = page.front.body_line;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    size_t colons = 0;
    while (colons < l.size() && l[colons] == ':') ++colons;
    bool blank_this = false;
    if (colons >= 3) {
      std::string rest = l.substr(colons);
      std::istringstream words(rest);
      std::string kind;
      words >> kind;
      if (kind.empty()) {
        // A closing fence closes the innermost block opened with as many colons or fewer.
        if (!stack.empty()) {
          bool was_variant = stack.back().variant;
          blank_this = was_variant || hidden();
          stack.pop_back();
        }
      } else if (kind == "variant") {
        std::vector<std::string> cond;
        for (std::string w; words >> w;) cond.push_back(w);
        Location where{page.source, first + static_cast<int>(i), 1};
        for (const auto& w : cond)
          if (w.find('=') == std::string::npos &&
              std::find(page.variant_ids.begin(), page.variant_ids.end(), w) == page.variant_ids.end())
            diags.error(where, "':::variant' names '" + w + "', which is not one of this page's variants",
                        "variants here: " + [&] {
                          std::string s;
                          for (const auto& v : page.variant_ids) s += (s.empty() ? "" : ", ") + v;
                          return s;
                        }());
        if (cond.empty())
          diags.error(where, "':::variant' needs the variants it applies to",
                      "write ':::variant ID ...' or ':::variant mcu=h723 revision=v1.0'");
        stack.push_back({i, colons, true, selects(page, cond)});
        blank_this = true;
      } else {
        stack.push_back({i, colons, false, true});
      }
    }
    out += (blank_this || hidden()) ? "" : l;
    out += "\n";
  }
  for (const auto& o : stack)
    if (o.variant)
      diags.error({page.source, first + static_cast<int>(o.line), 1}, "':::variant' block is never closed",
                  "end it with a line of ':::' (use more colons on the variant fence if it holds admonitions)");
  return out;
}

}  // namespace wb::site
