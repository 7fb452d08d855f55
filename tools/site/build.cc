#include "site/build.h"

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "board/catalog.h"
#include "diagram/spec.h"
#include "markdown/markdown.h"
#include "site/anchors.h"
#include "site/config.h"
#include "site/diagrams.h"
#include "site/html.h"
#include "site/links.h"
#include "site/nav.h"
#include "site/output.h"
#include "site/page_cache.h"
#include "site/pages.h"
#include "site/search.h"
#include "site/theme.h"
#include "site/variants.h"
#include "site/expressions.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "util/phase_timer.h"
#include "util/tool_identity.h"

namespace fs = std::filesystem;

namespace wb::site {

std::string BuildSummary::str() const {
  if (up_to_date) return "nothing changed";
  auto count = [](size_t n, const char* what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); };
  return count(pages, "page") + " (" + std::to_string(pages_reused) + " unchanged), " +
         count(diagrams_rendered, "diagram") + " rendered, " + std::to_string(diagrams_reused) + " reused, " +
         count(changed.size(), "file") + " written";
}

namespace {

std::string cache_dir_for(const std::string& out) {
  fs::path o = fs::path(out).lexically_normal();
  if (o.filename().empty()) o = o.parent_path();
  fs::path parent = o.parent_path().empty() ? fs::path(".") : o.parent_path();
  return (parent / ("." + o.filename().string() + ".cache")).string();
}

// Fingerprint of every input: file names, sizes and modification times
// under boards/, content/, diagrams/ and site/, plus wirebook itself.
std::string input_fingerprint(const std::string& root, const std::string& out) {
  Hasher h;
  h.add(out).add(tool_identity());
  for (const char* dir : {"boards", "content", "diagrams", "site"}) {
    fs::path base = fs::path(root) / dir;
    std::error_code ec;
    if (!fs::is_directory(base, ec)) continue;
    std::vector<std::string> names;
    for (auto it = fs::recursive_directory_iterator(base, ec); it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) names.push_back(it->path().string());
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
      struct stat st;
      if (stat(n.c_str(), &st) != 0) continue;
      h.add(n).add(static_cast<uint64_t>(st.st_size)).add(static_cast<uint64_t>(st.st_mtim.tv_sec)).add(static_cast<uint64_t>(st.st_mtim.tv_nsec));
    }
  }
  return h.hex();
}

std::string read_small(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string first_h1(const Page& p) {
  for (const auto& h : p.rendered.headings)
    if (h.level == 1) return h.text;
  return "";
}

std::string stem_title(const Page& p) { return fs::path(p.rel).stem().string(); }

std::string absolute(const SiteConfig& c, const std::string& rel) { return c.url.empty() ? "" : c.url + "/" + rel; }

std::string head_html(const Page& page, const SiteConfig& config, const std::string& image_rel) {
  std::string h;
  std::string canonical = absolute(config, page.url);
  if (!canonical.empty()) h += "<link rel=\"canonical\" href=\"" + escape(canonical) + "\">\n";
  std::string description = page.front.description.empty() ? config.description : page.front.description;
  h += "<meta property=\"og:type\" content=\"article\">\n";
  h += "<meta property=\"og:title\" content=\"" + escape(page.title) + "\">\n";
  h += "<meta property=\"og:site_name\" content=\"" + escape(config.title) + "\">\n";
  if (!description.empty()) h += "<meta property=\"og:description\" content=\"" + escape(description) + "\">\n";
  if (!canonical.empty()) h += "<meta property=\"og:url\" content=\"" + escape(canonical) + "\">\n";
  if (!image_rel.empty()) {
    std::string img = config.url.empty() ? root_prefix(page.url) + image_rel : absolute(config, image_rel);
    h += "<meta property=\"og:image\" content=\"" + escape(img) + "\">\n";
  }
  return h;
}

// Site path of a figure's preview image ("" if none), from its page.
std::string figure_image(const Page& page, const markdown::Figure& f) {
  std::string src = f.image.empty() ? f.src : f.image;
  std::string fragment;
  bool external;
  std::string path = resolve_target(page.rel, src, fragment, external);
  return external ? "" : path;
}

}  // namespace

bool build(const BuildOptions& options, Diagnostics& diags, BuildSummary& summary) {
  PhaseTimer phase;
  const std::string& root = options.root;
  const std::string cache_dir = cache_dir_for(options.out);
  const std::string fingerprint = input_fingerprint(root, options.out);
  if (options.write && fs::is_directory(options.out) && read_small(cache_dir + "/manifest") == fingerprint &&
      Staging::intact(options.out, cache_dir + "/published")) {
    summary.up_to_date = true;
    return true;
  }

  phase("fingerprint");
  SiteConfig config = load_config(root, diags);
  Catalog catalog = Catalog::load(root, diags);
  catalog.check_all(diags);
  Theme theme = load_theme(root, diags);
  Content content = load_content(root, diags);
  if (!diags.empty()) return false;

  phase("load");
  auto& pages = content.pages;
  std::vector<Diagnostics> front_diags(pages.size());
  parallel_for(pages.size(), [&](size_t i) {
    Page& p = pages[i];
    p.front = markdown::parse_front_matter(p.text, p.source, front_diags[i], &p.body);
    // From here on the text is needed only for the front matter's locations
    // (the body is a suffix of it): a large site then holds its Markdown once.
    p.text.resize(p.text.size() - p.body.size());
    p.text.shrink_to_fit();
  });
  for (const auto& d : front_diags) diags.append(d);
  expand_variants(pages, diags);

  std::vector<diagram::Build> builds = diagram::load_builds(root, catalog, diags);
  if (!diags.empty()) return false;
  phase("front matter");
  DiagramService diagrams(catalog, builds);
  // `wirebook check` (no writing) renders every page afresh and keeps no cache.
  std::optional<PageCache> page_cache;
  if (options.write) page_cache.emplace(cache_dir + "/pages");
  std::mutex diag_mutex;
  std::atomic<int> reused_pages{0};
  parallel_for(pages.size(), [&](size_t i) {
    Page& page = pages[i];
    Diagnostics local;
    markdown::Context ctx = page_context(page, config, catalog, diagrams, root);
    std::string body = variant_body(page, local);
    bool reused = false;
    page.rendered = page_cache ? page_cache->render(body, ctx, local, page.front.body_line, &reused)
                               : markdown::render(body, ctx, local, page.front.body_line);
    reused_pages += reused;
    page.title = !page.front.title.empty() ? page.front.title : !first_h1(page).empty() ? first_h1(page) : stem_title(page);
    std::lock_guard lock(diag_mutex);
    diags.append(local);
  });
  if (!diags.empty()) return false;
  summary.pages_reused = reused_pages;
  if (page_cache) {
    // Saved now, while memory is low; a page cache that cannot be written
    // only makes the next build slower.
    std::string error;
    page_cache->save(&error);
    page_cache.reset();
  }
  phase("render");

  Nav nav = build_nav(pages, diags);
  auto lock = read_lock(root, diags);
  check_lock(lock, pages, diags);
  auto moved = page_aliases(pages, diags);

  // Share pages need one page per figure id across the site: the same image
  // may appear on several pages (it is shared from the first), different
  // images may not share an id.
  std::map<std::string, std::pair<const Page*, const markdown::Figure*>> shared;
  std::vector<const Page*> page_order;
  for (const Page* p : nav.order) page_order.push_back(p);
  for (const auto& p : pages)
    if (std::find(page_order.begin(), page_order.end(), &p) == page_order.end()) page_order.push_back(&p);
  for (const Page* p : page_order)
    for (const auto& f : p->rendered.figures) {
      auto [it, fresh] = shared.emplace(f.id, std::make_pair(p, &f));
      if (!fresh && it->second.second->src != f.src)
        diags.error(f.where, "figure id '" + f.id + "' is also used by a different image on " + it->second.first->source,
                    "figure ids name share pages (f/ID/), so they must be unique across the site: give one an explicit {#id}");
    }

  // Everything the site will contain, for the link check.
  SiteIndex index;
  std::map<std::string, std::string> page_html;
  for (const auto& p : pages) index.files.insert(p.url);
  for (const auto& f : content.files) index.files.insert(f.rel);
  for (const auto& [rel, _] : theme.assets) index.files.insert(rel);
  for (const auto& r : diagrams.requests())
    for (const char* suffix : {".png", "@2x.png", ".svg", ".pdf"}) index.files.insert("diagrams/" + r.slug + suffix);
  for (const auto& [old, _] : moved) index.files.insert(old);
  for (const auto& [id, _] : shared) index.files.insert("f/" + id + "/index.html");
  index.files.insert("search-index.json");
  std::vector<std::set<std::string>> ids(pages.size());
  parallel_for(pages.size(), [&](size_t i) {
    Page& p = pages[i];
    p.rendered.html = rewrite_md_links(p.rendered.html);
    // A figure's link symbol copies its share page, whose preview in a chat
    // app shows the figure itself (site/assets/wirebook.js reads data-share).
    for (const auto& f : p.rendered.figures) {
      std::string from = "<a class=\"anchor\" href=\"#" + escape(f.id) + "\"";
      auto at = p.rendered.html.find(from);
      if (at != std::string::npos)
        p.rendered.html.insert(at + from.size(), " data-share=\"" + escape(root_prefix(p.url) + "f/" + f.id + "/") + "\"");
    }
    ids[i] = page_ids(p, p.rendered.html);
  });
  for (size_t i = 0; i < pages.size(); ++i) index.ids[pages[i].url] = std::move(ids[i]);
  check_links(pages, index, diags);
  if (!diags.empty()) return false;
  phase("check");

  auto anchors = current_anchors(pages);
  std::set<std::string> locked;
  for (const auto& e : lock) locked.insert(e.anchor.str());
  for (const auto& a : anchors) {
    summary.new_anchors += !locked.count(a.str());
    summary.anchors.push_back(a.str());
  }
  summary.pages = static_cast<int>(pages.size());
  if (!options.write) return true;

  auto drawn = diagrams.render_all(cache_dir + "/diagrams", diags, options.progress);
  if (!diags.empty()) return false;

  phase("diagrams");
  Staging staging(options.out, cache_dir + "/published");
  for (const auto& [rel, path] : theme.assets) staging.copy(rel, path);
  // Author files are copied, never linked: whatever later edits the
  // published site in place (an image optimiser, a hand fix) must not reach
  // the author's content/. Diagrams are linked from the cache, which checks
  // its files before it reuses them.
  parallel_for(content.files.size(), [&](size_t i) { staging.copy(content.files[i].rel, content.files[i].source); });
  for (const auto& d : drawn) {
    (d.reused ? summary.diagrams_reused : summary.diagrams_rendered)++;
    for (const auto& [rel, path] : d.files) staging.copy(rel, path, true);
  }
  phase("copy");
  // Each page is written as soon as it is filled in: holding them all would
  // double the memory a large site needs.
  parallel_for(pages.size(), [&](size_t i) {
    const Page& p = pages[i];
    std::string image;
    if (!p.front.image.empty()) {
      std::string fragment;
      bool external;
      image = resolve_target(p.rel, p.front.image, fragment, external);
    } else if (!p.rendered.figures.empty()) {
      image = figure_image(p, p.rendered.figures.front());
    }
    nlohmann::json fragments = fragment_map(p);
    std::string description = p.front.description.empty() ? config.description : p.front.description;
    staging.write(p.url, fill(theme.page, {{"title", escape(p.title)},
                                           {"site_title", escape(config.title)},
                                           {"description", escape(description)},
                                           {"root", root_prefix(p.url)},
                                           {"head", head_html(p, config, image)},
                                           {"nav", nav_html(nav, p)},
                                           {"toc", toc_html(p)},
                                           {"content", p.rendered.html},
                                           {"pager", pager_html(nav, p)},
                                           {"fragment_map", fragments.dump()}}));
  });
  phase("pages");
  for (const auto& [old, target] : moved) {
    std::string rel = relative_url(old, target->url);
    staging.write(old, fill(theme.redirect, {{"target", escape(rel)},
                                             {"url", escape(absolute(config, target->url))},
                                             {"title", escape(target->title)},
                                             {"root", root_prefix(old)}}));
  }
  std::vector<std::pair<std::string, std::pair<const Page*, const markdown::Figure*>>> share_list(shared.begin(), shared.end());
  parallel_for(share_list.size(), [&](size_t k) {
    const auto& [id, where] = share_list[k];
    const auto& [page, fig] = where;
    std::string share_url = "f/" + id + "/index.html";
    std::string image = figure_image(*page, *fig);
    std::string caption = fig->caption.empty() ? (fig->alt.empty() ? page->title : fig->alt) : fig->caption;
    std::string description = page->front.description.empty() ? config.description : page->front.description;
    std::string image_url = config.url.empty() ? "../../" + image : absolute(config, image);
    staging.write(share_url, fill(theme.share, {{"title", escape(caption)},
                                                {"description", escape(description)},
                                                {"image", escape(image_url)},
                                                {"url", escape(config.url.empty() ? "../../" + page->url + "#" + id
                                                                                  : absolute(config, page->url + "#" + id))},
                                                {"target", escape("../../" + page->url + "#" + id)},
                                                {"site_title", escape(config.title)},
                                                {"root", "../../"}}));
  });
  staging.write("search-index.json", search_index_json(page_order));
  phase("share");
  summary.changed = staging.changed();
  staging.publish();
  phase("publish");
  std::ofstream(cache_dir + "/manifest", std::ios::binary) << fingerprint;
  return true;
}

}  // namespace wb::site
