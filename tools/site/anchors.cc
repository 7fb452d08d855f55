#include "site/anchors.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace wb::site {

std::string lock_path_shown() { return "content/anchors.lock"; }

std::string normalise_url(std::string url) {
  while (!url.empty() && url.front() == '/') url.erase(0, 1);
  if (url.empty() || url.back() == '/') url += "index.html";
  if (url.size() > 3 && url.compare(url.size() - 3, 3, ".md") == 0) url = url.substr(0, url.size() - 3) + ".html";
  return url;
}

std::vector<LockEntry> read_lock(const std::string& root, Diagnostics& diags) {
  std::vector<LockEntry> out;
  std::ifstream in(std::filesystem::path(root) / "content" / "anchors.lock");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto hash = line.find('#');
    Anchor a{line.substr(0, hash), hash == std::string::npos ? "" : line.substr(hash + 1)};
    if (a.url.empty() || a.url.find(' ') != std::string::npos) {
      diags.error({lock_path_shown(), n, 1}, "'" + line + "' is not PAGE-URL or PAGE-URL#ID",
                  "each line names one published address, such as boards/octopus-pro.html#pinout");
      continue;
    }
    out.push_back({a, n});
  }
  return out;
}

void write_lock(const std::string& root, const std::vector<Anchor>& anchors) {
  std::string text =
      "# Every published address of the site: a page, or a page and a heading or figure id.\n"
      "# `wirebook build` fails when one disappears without an alias saying where it went.\n"
      "# Add new ones with `wirebook anchors --update`; commit this file with the content.\n";
  for (const auto& a : anchors) text += a.str() + "\n";
  std::filesystem::path path = std::filesystem::path(root) / "content" / "anchors.lock";
  std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
  }
  std::filesystem::rename(tmp, path);
}

bool Anchor::operator<(const Anchor& o) const {
  // Compares url + ("#" + id if any) character by character.
  auto at = [](const Anchor& a, size_t i) -> int {
    if (i < a.url.size()) return static_cast<unsigned char>(a.url[i]);
    if (a.id.empty()) return -1;  // ended
    if (i == a.url.size()) return '#';
    i -= a.url.size() + 1;
    return i < a.id.size() ? static_cast<unsigned char>(a.id[i]) : -1;
  };
  for (size_t i = 0;; ++i) {
    int x = at(*this, i), y = at(o, i);
    if (x != y) return x < y;
    if (x < 0) return false;
  }
}

std::vector<Anchor> current_anchors(const std::vector<Page>& pages) {
  std::set<Anchor> all;
  for (const auto& p : pages) {
    all.insert({p.url, ""});
    for (const auto& h : p.rendered.headings)
      if (!h.id.empty()) all.insert({p.url, h.id});
    for (const auto& f : p.rendered.figures)
      if (!f.id.empty()) all.insert({p.url, f.id});
  }
  return {all.begin(), all.end()};
}

std::map<std::string, std::string> fragment_map(const Page& page) {
  std::map<std::string, std::string> m;
  for (const auto& h : page.rendered.headings)
    for (const auto& a : h.aliases) m[a] = h.id;
  for (const auto& f : page.rendered.figures)
    for (const auto& a : f.aliases) m[a] = f.id;
  return m;
}

std::map<std::string, const Page*> page_aliases(const std::vector<Page>& pages, Diagnostics& diags) {
  std::map<std::string, const Page*> m;
  std::set<std::string> urls;
  for (const auto& p : pages) urls.insert(p.url);
  for (const auto& p : pages)
    for (const auto& raw : p.front.aliases) {
      std::string old = normalise_url(raw);
      if (urls.count(old)) {
        diags.error({p.source, 1, 1}, "alias '" + raw + "' is the address of an existing page",
                    "an alias names an old URL that no page has any more");
        continue;
      }
      auto [it, fresh] = m.emplace(old, &p);
      if (!fresh && it->second != &p)
        diags.error({p.source, 1, 1}, "alias '" + raw + "' is also claimed by " + it->second->source,
                    "an old URL can redirect to one page only");
    }
  return m;
}

namespace {
bool has_id(const Page& p, const std::string& id) {
  for (const auto& h : p.rendered.headings)
    if (h.id == id) return true;
  for (const auto& f : p.rendered.figures)
    if (f.id == id) return true;
  return fragment_map(p).count(id) > 0;
}
}  // namespace

void check_lock(const std::vector<LockEntry>& lock, const std::vector<Page>& pages, Diagnostics& diags) {
  std::map<std::string, const Page*> by_url;
  for (const auto& p : pages) by_url[p.url] = &p;
  Diagnostics ignored;
  auto moved = page_aliases(pages, ignored);
  for (const auto& e : lock) {
    const Page* page = nullptr;
    bool via_alias = false;
    if (auto it = by_url.find(e.anchor.url); it != by_url.end()) page = it->second;
    else if (auto m = moved.find(e.anchor.url); m != moved.end()) page = m->second, via_alias = true;
    Location where{lock_path_shown(), e.line, 1};
    if (!page) {
      diags.error(where, "published page '" + e.anchor.url + "' no longer exists",
                  "add 'aliases: [" + e.anchor.url + "]' to the front matter of the page that replaces it, so the "
                  "old address redirects");
      continue;
    }
    if (e.anchor.id.empty() || has_id(*page, e.anchor.id)) continue;
    diags.error(where,
                "published anchor '" + e.anchor.str() + "' is gone from " + page->source +
                    (via_alias ? " (the page that replaced " + e.anchor.url + ")" : ""),
                "if it was renamed, keep the old address working with {#new-id aliases=\"" + e.anchor.id +
                    "\"} on the heading or figure that replaces it");
  }
}

}  // namespace wb::site
