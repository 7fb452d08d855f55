#include "site/nav.h"

#include <algorithm>
#include <limits>
#include <functional>
#include <map>

#include "site/html.h"

namespace wb::site {

Location key_location(const Page& page, const std::string& key) {
  int line = 1;
  size_t start = 0;
  while (start < page.text.size()) {
    size_t end = page.text.find('\n', start);
    if (end == std::string::npos) end = page.text.size();
    if (page.text.compare(start, key.size() + 1, key + ":") == 0) return {page.source, line, 1};
    if (line > 1 && page.text.compare(start, 3, "---") == 0) break;
    start = end + 1;
    ++line;
  }
  return {page.source, 1, 1};
}

namespace {

std::string nav_title(const Page& p) { return p.front.sidebar_label.empty() ? p.title : p.front.sidebar_label; }

void sort_nodes(std::vector<NavNode>& nodes) {
  std::stable_sort(nodes.begin(), nodes.end(), [](const NavNode& a, const NavNode& b) {
    const double inf = std::numeric_limits<double>::infinity();
    bool ai = a.page->rel == "index.md", bi = b.page->rel == "index.md";
    if (ai != bi) return ai;
    double ao = a.page->front.nav_order.value_or(inf), bo = b.page->front.nav_order.value_or(inf);
    if (ao != bo) return ao < bo;
    return nav_title(*a.page) < nav_title(*b.page);
  });
  for (auto& n : nodes) sort_nodes(n.children);
}

void flatten(const std::vector<NavNode>& nodes, std::vector<const Page*>& out) {
  for (const auto& n : nodes) {
    out.push_back(n.page);
    flatten(n.children, out);
  }
}

bool contains(const NavNode& n, const Page* p) {
  if (n.page == p) return true;
  return std::any_of(n.children.begin(), n.children.end(), [&](const NavNode& c) { return contains(c, p); });
}

// Lists every top-level page and, below them, only the branch that holds the
// current page (its ancestors' siblings and its own children): a site of a
// thousand pages keeps a sidebar of a few dozen links per page.
void render(const std::vector<NavNode>& nodes, const Page& current, const std::string& prefix, std::string& out) {
  out += "<ul class=\"nav-tree\">\n";
  for (const auto& n : nodes) {
    bool active = n.page == &current, open = contains(n, &current);
    out += "<li class=\"nav-item";
    if (active) out += " active";
    if (open && !n.children.empty()) out += " open";
    else if (!n.children.empty()) out += " closed";
    out += "\"><a href=\"" + escape(prefix + n.page->url) + "\"";
    if (active) out += " aria-current=\"page\"";
    out += ">" + escape(nav_title(*n.page)) + "</a>";
    if (!n.children.empty() && open) render(n.children, current, prefix, out);
    out += "</li>\n";
  }
  out += "</ul>\n";
}

}  // namespace

Nav build_nav(const std::vector<Page>& pages, Diagnostics& diags) {
  std::map<std::string, const Page*> by_title;
  for (const auto& p : pages)
    if (!p.front.nav_exclude) by_title.emplace(p.title, &p);
  std::map<const Page*, std::vector<const Page*>> children;
  std::vector<const Page*> roots;
  for (const auto& p : pages) {
    if (p.front.nav_exclude) continue;
    if (p.front.parent.empty()) {
      roots.push_back(&p);
      continue;
    }
    auto it = by_title.find(p.front.parent);
    if (it == by_title.end() || it->second == &p) {
      diags.error(key_location(p, "parent"), "parent '" + p.front.parent + "' is not the title of any page in the navigation",
                  "write the exact title of the parent page, or remove 'parent'");
      roots.push_back(&p);
      continue;
    }
    children[it->second].push_back(&p);
  }
  // Build the tree from the roots; a page whose parent chain loops is reported.
  std::function<NavNode(const Page*, int)> make = [&](const Page* p, int depth) {
    NavNode n{p, {}};
    if (depth > 16) {
      diags.error(key_location(*p, "parent"), "the parent chain of '" + p->title + "' loops", "check the 'parent' keys");
      return n;
    }
    for (const Page* c : children[p]) n.children.push_back(make(c, depth + 1));
    return n;
  };
  Nav nav;
  for (const Page* r : roots) nav.roots.push_back(make(r, 0));
  sort_nodes(nav.roots);
  flatten(nav.roots, nav.order);
  return nav;
}

std::string nav_html(const Nav& nav, const Page& current) {
  std::string out;
  render(nav.roots, current, root_prefix(current.url), out);
  return out;
}

std::string pager_html(const Nav& nav, const Page& current) {
  auto it = std::find(nav.order.begin(), nav.order.end(), &current);
  if (it == nav.order.end()) return "";
  std::string prefix = root_prefix(current.url);
  std::string out = "<nav class=\"pager\" aria-label=\"Previous and next page\">";
  if (it != nav.order.begin()) {
    const Page* p = *(it - 1);
    out += "<a class=\"prev\" href=\"" + escape(prefix + p->url) + "\"><span>Previous</span>" + escape(p->title) + "</a>";
  }
  if (it + 1 != nav.order.end()) {
    const Page* p = *(it + 1);
    out += "<a class=\"next\" href=\"" + escape(prefix + p->url) + "\"><span>Next</span>" + escape(p->title) + "</a>";
  }
  return out + "</nav>";
}

}  // namespace wb::site
