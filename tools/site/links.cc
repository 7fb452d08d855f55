#include "site/links.h"

#include <filesystem>
#include <cctype>

#include "site/anchors.h"

namespace wb::site {

std::set<std::string> page_ids(const Page& page, const std::string& html) {
  std::set<std::string> ids;
  for (size_t pos = html.find(" id=\""); pos != std::string::npos; pos = html.find(" id=\"", pos + 1)) {
    size_t start = pos + 5, end = html.find('"', start);
    if (end != std::string::npos) ids.insert(html.substr(start, end - start));
  }
  for (const auto& h : page.rendered.headings) ids.insert(h.id);
  for (const auto& f : page.rendered.figures) ids.insert(f.id);
  for (const auto& [old, _] : fragment_map(page)) ids.insert(old);
  return ids;
}

std::string resolve_target(const std::string& from_rel, const std::string& target, std::string& fragment,
                           bool& external) {
  external = false;
  fragment.clear();
  // A URL scheme: a letter, then letters, digits, '+', '.' or '-', then ':'.
  auto has_scheme = [](const std::string& t) {
    if (t.empty() || !std::isalpha(static_cast<unsigned char>(t[0]))) return false;
    for (char c : t) {
      if (c == ':') return true;
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-') return false;
    }
    return false;
  };
  if (target.rfind("//", 0) == 0 || has_scheme(target)) {
    external = true;
    return "";
  }
  std::string path = target;
  auto hash = path.find('#');
  if (hash != std::string::npos) {
    fragment = path.substr(hash + 1);
    path = path.substr(0, hash);
  }
  auto query = path.find('?');
  if (query != std::string::npos) path = path.substr(0, query);
  if (path.empty()) return page_url(from_rel);  // same page
  std::filesystem::path base = std::filesystem::path(from_rel).parent_path();
  std::filesystem::path joined = path[0] == '/' ? std::filesystem::path(path.substr(1)) : base / path;
  std::string resolved = joined.lexically_normal().generic_string();
  if (resolved.empty() || resolved == "." || resolved.back() == '/') resolved += "index.html";
  if (resolved.size() > 3 && resolved.compare(resolved.size() - 3, 3, ".md") == 0)
    resolved = resolved.substr(0, resolved.size() - 3) + ".html";
  return resolved;
}

void check_links(const std::vector<Page>& pages, const SiteIndex& index, Diagnostics& diags) {
  for (const auto& page : pages)
    for (const auto& ref : page.rendered.references) {
      if (ref.target.rfind("diagram:", 0) == 0) continue;  // checked when the diagram resolved
      std::string fragment;
      bool external;
      std::string path = resolve_target(page.rel, ref.target, fragment, external);
      if (external) continue;
      if (path.rfind("../", 0) == 0) {
        diags.error(ref.where, std::string(ref.image ? "image" : "link") + " '" + ref.target + "' leads outside the site",
                    "link to pages and files under content/");
        continue;
      }
      if (!index.files.count(path)) {
        diags.error(ref.where,
                    std::string("broken ") + (ref.image ? "image" : "link") + " '" + ref.target + "': nothing at " + path,
                    ref.image ? "put the image under content/ next to the page, or fix the path"
                              : "link to an existing page (x.md or x.html) or file under content/");
        continue;
      }
      if (fragment.empty()) continue;
      auto ids = index.ids.find(path);
      if (ids == index.ids.end()) continue;  // a file, not a page
      if (!ids->second.count(fragment))
        diags.error(ref.where, "broken link '" + ref.target + "': " + path + " has no anchor '#" + fragment + "'",
                    "use an id of a heading or figure on that page ({#id} sets one)");
    }
}

std::string rewrite_md_links(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  while (true) {
    size_t at = html.find("href=\"", pos);
    if (at == std::string::npos) break;
    size_t start = at + 6, end = html.find('"', start);
    if (end == std::string::npos) break;
    std::string target = html.substr(start, end - start);
    std::string path = target.substr(0, target.find('#'));
    bool relative = target.find("://") == std::string::npos && target.rfind("mailto:", 0) != 0;
    out.append(html, pos, start - pos);
    if (relative && path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0)
      out += path.substr(0, path.size() - 3) + ".html" + target.substr(path.size());
    else
      out += target;
    pos = end;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace wb::site
