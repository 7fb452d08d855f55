// The generated site in a real browser (headless Chromium over WebDriver):
// a figure linked by its id is on screen with its link symbol; figures open
// in a lightbox; link symbols copy the address; moved anchors and pages still
// land on the right figure; the theme toggle sticks; search works over http
// and says why it cannot over file://; on a phone the page fits the width and
// the menu hides behind a button; text keeps 4.5:1 contrast in both themes.
//
// Chromium and chromedriver come from Debian (chromium, chromium-driver);
// without them these tests fail and say to run `make test`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <stdexcept>
#include <vector>

#include "browser.h"
#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The skeleton and the final site both have this page with this figure.
const std::string kPage = "boards/octopus-pro/v1.1/index.html";
const std::string kFigure = "octopus-pro-v1-1-pinout";

#define REQUIRE_BROWSER()                                 \
  do {                                                    \
    std::string missing_ = wbtest::browser_missing();     \
    if (!missing_.empty()) FAIL(missing_);                \
  } while (false)

// The site, built once per test process from the repository.
const std::string& site() {
  static const std::string dir = [] {
    std::string out = wbtest::temp_dir() + "/site";
    auto r = wbtest::run_wirebook({"build", "--root", WIREBOOK_SOURCE_DIR, "--out", out});
    if (r.exit_code != 0)
      throw std::runtime_error("`wirebook build` failed with exit code " + std::to_string(r.exit_code) + ":\n" + r.err);
    return out;
  }();
  return dir;
}

// Fills {{name}} slots the way the site builder does (unknown names empty).
std::string fill(std::string text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{", pos), close = open == std::string::npos ? open : text.find("}}", open);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    std::string name = text.substr(open + 2, close - open - 2);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (auto it = values.find(name); it != values.end()) out += it->second;
    pos = close + 2;
  }
  return out + text.substr(pos);
}

// Where a figure and its link symbol are, and whether the symbol can be seen
// without hovering: rendered, not transparent, not covered, on screen.
const char* kFigureState = R"JS(
  const fig = document.getElementById(arguments[0]);
  if (!fig) return {error: 'no element with id ' + arguments[0]};
  const r = fig.getBoundingClientRect();
  const out = {hash: location.hash, vw: innerWidth, vh: innerHeight,
               figure: {top: r.top, bottom: r.bottom, left: r.left, right: r.right}};
  const a = fig.querySelector('a.anchor');
  if (!a) { out.anchor = null; return out; }
  const ar = a.getBoundingClientRect();
  const cs = getComputedStyle(a);
  let opacity = 1;
  for (let e = a; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
  const hit = document.elementFromPoint(ar.left + ar.width / 2, ar.top + ar.height / 2);
  out.anchor = {href: a.getAttribute('href'), offsetParent: a.offsetParent !== null, visibility: cs.visibility,
                opacity: opacity, width: ar.width, height: ar.height,
                left: ar.left, top: ar.top, right: ar.right, bottom: ar.bottom,
                onTop: !!hit && (hit === a || a.contains(hit))};
  return out;
)JS";

void check_figure_in_view(const json& s) {
  INFO("figure state: " << s.dump());
  REQUIRE_FALSE(s.contains("error"));
  double vw = s["vw"].get<double>(), vh = s["vh"].get<double>();
  const json& f = s["figure"];
  // The figure's rectangle meets the viewport, and its top edge (where its
  // title and link symbol are) is on screen.
  CHECK(f["bottom"].get<double>() > 0);
  CHECK(f["right"].get<double>() > 0);
  CHECK(f["left"].get<double>() < vw);
  CHECK(f["top"].get<double>() >= -1);
  CHECK(f["top"].get<double>() < vh);
  REQUIRE(s["anchor"].is_object());
  const json& a = s["anchor"];
  CHECK(a["href"] == "#" + kFigure);
  CHECK(a["offsetParent"] == true);
  CHECK(a["visibility"] == "visible");
  CHECK(a["opacity"].get<double>() > 0.5);
  CHECK(a["width"].get<double>() >= 12);
  CHECK(a["height"].get<double>() >= 12);
  CHECK(a["left"].get<double>() >= 0);
  CHECK(a["top"].get<double>() >= 0);
  CHECK(a["right"].get<double>() <= vw);
  CHECK(a["bottom"].get<double>() <= vh);
  CHECK(a["onTop"] == true);
}

const char* kLightboxState = R"JS(
  const box = document.querySelector('.lightbox');
  if (!box) return null;
  const img = box.querySelector('img');
  if (!img || !img.complete || img.naturalWidth === 0) return null;
  const r = box.getBoundingClientRect(), ir = img.getBoundingClientRect();
  return {role: box.getAttribute('role'), modal: box.getAttribute('aria-modal'), display: getComputedStyle(box).display,
          covers: r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight,
          src: img.src, alt: img.alt, width: ir.width, height: ir.height,
          inView: ir.left >= -1 && ir.top >= -1 && ir.right <= innerWidth + 1 && ir.bottom <= innerHeight + 1,
          close: !!box.querySelector('button.lightbox-close'), url: location.href};
)JS";

}  // namespace

TEST_CASE("a figure linked by its id is on screen with its link symbol and opens in a lightbox", "[browser]") {
  REQUIRE_BROWSER();
  wbtest::StaticServer server(site());
  wbtest::Browser browser;
  browser.navigate(server.url(kPage + "#" + kFigure));

  check_figure_in_view(browser.execute(kFigureState, {kFigure}));

  // Click-to-enlarge: the figure's image link opens a lightbox, not the PNG.
  std::string zoom_css = "#" + kFigure + " a.zoom";
  std::string zoom = browser.find(zoom_css);
  INFO("the figure needs a link with class zoom around its image: " << zoom_css);
  REQUIRE_FALSE(zoom.empty());
  std::string href = browser.execute("return document.querySelector(arguments[0]).href;", {zoom_css});
  browser.click(zoom);
  json box = browser.wait_for(kLightboxState);
  INFO("lightbox: " << box.dump() << "\nwirebook.js must be in the site's assets/ folder");
  REQUIRE(box.is_object());
  CHECK(box["role"] == "dialog");
  CHECK(box["modal"] == "true");
  CHECK(box["display"] != "none");
  CHECK(box["covers"] == true);
  CHECK(box["src"] == href);
  CHECK_FALSE(box["alt"].get<std::string>().empty());
  CHECK(box["width"].get<double>() > 200);
  CHECK(box["inView"] == true);
  CHECK(box["close"] == true);
  CHECK(box["url"] == server.url(kPage + "#" + kFigure));  // did not navigate

  // Escape closes it.
  browser.press_key("\uE00C");
  CHECK(browser.wait_for("return !document.querySelector('.lightbox');", 2000) == true);

  // So does the close button.
  browser.click(zoom);
  REQUIRE(browser.wait_for(kLightboxState).is_object());
  browser.click(browser.find(".lightbox .lightbox-close"));
  CHECK(browser.wait_for("return !document.querySelector('.lightbox');", 2000) == true);

  // And a click on the backdrop.
  browser.click(zoom);
  REQUIRE(browser.wait_for(kLightboxState).is_object());
  browser.execute("document.querySelector('.lightbox').click();");
  CHECK(browser.wait_for("return !document.querySelector('.lightbox');", 2000) == true);
  CHECK(browser.execute("return document.body.classList.contains('has-lightbox');") == false);
}

TEST_CASE("link symbols copy the address and the theme toggle sticks", "[browser]") {
  REQUIRE_BROWSER();
  wbtest::StaticServer server(site());
  wbtest::Browser browser;
  std::string page_url = server.url(kPage);
  browser.navigate(page_url);
  // Permissions apply to the origin of the page now open.
  browser.grant("clipboard-read");
  browser.grant("clipboard-write");

  SECTION("copy-link") {
    browser.click(browser.find("#" + kFigure + " > a.anchor"));
    json toast = browser.wait_for("const t = document.querySelector('.toast.show'); return t && t.textContent;", 3000);
    CHECK(toast == "Link copied");
    CHECK(browser.execute("return location.hash;") == "#" + kFigure);
    // A figure's link copies its share page, which chat apps preview.
    CHECK(browser.execute("return navigator.clipboard.readText();") == server.url("f/" + kFigure + "/"));
    // The toast goes away by itself.
    CHECK(browser.wait_for("return !document.querySelector('.toast.show');", 4000) == true);
  }

  SECTION("theme toggle") {
    const char* state =
        "return [document.documentElement.getAttribute('data-theme'), localStorage.getItem('wirebook-theme'),"
        " getComputedStyle(document.body).backgroundColor,"
        " document.getElementById('theme-toggle').getAttribute('aria-pressed')];";
    json before = browser.execute(state);
    INFO("before: " << before.dump());
    CHECK(before[0].is_null());
    CHECK(before[2] == "rgb(255, 255, 255)");  // headless Chromium prefers light
    browser.click(browser.find("#theme-toggle"));
    json dark = browser.execute(state);
    INFO("after one click: " << dark.dump());
    CHECK(dark[0] == "dark");
    CHECK(dark[1] == "dark");
    CHECK(dark[2] != "rgb(255, 255, 255)");
    CHECK(dark[3] == "true");
    // Remembered on the next page load (set before the first paint).
    browser.navigate(page_url);
    json again = browser.execute(state);
    INFO("after reloading: " << again.dump());
    CHECK(again[0] == "dark");
    CHECK(again[2] == dark[2]);
    browser.click(browser.find("#theme-toggle"));
    json light = browser.execute(state);
    CHECK(light[0] == "light");
    CHECK(light[2] == "rgb(255, 255, 255)");
  }
}

TEST_CASE("moved anchors and pages and share links land on the figure", "[browser]") {
  REQUIRE_BROWSER();
  wbtest::StaticServer server(site());
  wbtest::Browser browser;
  browser.navigate(server.url(kPage));

  SECTION("fragment map on hashchange") {
    browser.execute(
        "document.getElementById('fragment-map').textContent = JSON.stringify({'old-pinout': arguments[0]});"
        "window.scrollTo(0, 0); location.hash = '#old-pinout';",
        {kFigure});
    CHECK(browser.wait_for("return location.hash === '#' + arguments[0];", 3000, {kFigure}) == true);
    check_figure_in_view(browser.execute(kFigureState, {kFigure}));
  }

  SECTION("redirect page and fragment map on load") {
    // A copy of the page whose fragment map says old-pinout moved to the
    // figure, and an old address that redirects to that copy.
    std::string page = wbtest::read_file(site() + "/" + kPage);
    std::regex map_re(R"((<script type="application/json" id="fragment-map">)[^<]*(</script>))");
    REQUIRE(std::regex_search(page, map_re));
    page = std::regex_replace(page, map_re, "$1{\"old-pinout\": \"" + kFigure + "\"}$2");
    std::string moved = "boards/octopus-pro/v1.1/fragment-test.html";
    wbtest::write_file(site() + "/" + moved, page);
    std::string redirect = fill(wbtest::read_file(wbtest::source("site/templates/redirect.html")),
                                {{"target", "../../" + moved}, {"url", ""}, {"title", "Octopus Pro V1.1"}, {"root", "../../"}});
    wbtest::write_file(site() + "/old/octopus/index.html", redirect);

    browser.navigate(server.url("old/octopus/#old-pinout"));
    json landed = browser.wait_for("return location.pathname.endsWith('/fragment-test.html') && "
                                   "location.hash === '#' + arguments[0] && location.href;",
                                   5000, {kFigure});
    INFO("now at " << browser.current_url());
    CHECK(landed == server.url(moved + "#" + kFigure));
    check_figure_in_view(browser.execute(kFigureState, {kFigure}));
  }

  SECTION("share page") {
    std::string share = fill(wbtest::read_file(wbtest::source("site/templates/share.html")),
                             {{"title", "Octopus Pro V1.1 pin diagram"},
                              {"description", "Every pin of the board"},
                              {"image", server.url("diagrams/" + kFigure + "@2x.png")},
                              {"url", server.url(kPage + "#" + kFigure)},
                              {"target", "../../" + kPage + "#" + kFigure},
                              {"site_title", "wirebook"},
                              {"root", "../../"}});
    for (const char* tag : {"property=\"og:title\"", "property=\"og:description\"", "property=\"og:image\"",
                            "property=\"og:url\"", "property=\"og:type\" content=\"website\"",
                            "property=\"og:site_name\"", "name=\"twitter:card\" content=\"summary_large_image\"",
                            "name=\"twitter:title\"", "name=\"twitter:description\"", "name=\"twitter:image\"",
                            "rel=\"canonical\"", "http-equiv=\"refresh\""}) {
      INFO(tag);
      CHECK(share.find(tag) != std::string::npos);
    }
    wbtest::write_file(site() + "/f/share-test/index.html", share);
    // The template filled here, and the share page the build wrote.
    for (const std::string& path : std::vector<std::string>{"f/share-test/", "f/" + kFigure + "/"}) {
      INFO("share page " << path);
      REQUIRE(fs::exists(site() + "/" + path + "index.html"));
      browser.navigate(server.url(path));
      json landed = browser.wait_for("return location.hash === '#' + arguments[0] && location.href;", 5000, {kFigure});
      CHECK(landed == server.url(kPage + "#" + kFigure));
      check_figure_in_view(browser.execute(kFigureState, {kFigure}));
    }
  }
}

TEST_CASE("search finds headings and figures over http and explains itself on file://", "[browser]") {
  REQUIRE_BROWSER();
  // The site builder writes search-index.json; until it does, use a small one
  // of the same shape.
  std::string index_path = site() + "/search-index.json";
  if (!fs::exists(index_path)) {
    json index = {{"pages",
                   json::array({{{"title", "BIGTREETECH Octopus Pro V1.1"},
                                 {"url", kPage},
                                 {"headings", json::array({{{"id", "pin-diagram"}, {"text", "Pin diagram"}},
                                                           {{"id", "pins"}, {"text", "Pins"}}})},
                                 {"figures", json::array({{{"id", kFigure},
                                                           {"caption", "BIGTREETECH Octopus Pro V1.1 pin diagram"}}})}},
                                {{"title", "BIGTREETECH Octopus Pro V1.0"},
                                 {"url", "boards/octopus-pro/v1.0/index.html"},
                                 {"headings", json::array()},
                                 {"figures", json::array()}}})}};
    wbtest::write_file(index_path, index.dump());
  }
  wbtest::StaticServer server(site());
  wbtest::Browser browser;
  browser.navigate(server.url(kPage));
  std::string input = browser.find("#search");
  REQUIRE_FALSE(input.empty());
  browser.click(input);
  browser.send_keys(input, "octopus pin");
  const char* results =
      "const panel = document.getElementById('search-results');"
      "const links = [...document.querySelectorAll('#search-list li a')].map(a => a.href);"
      "return !panel.hidden && links.length > 0 && links;";
  json links = browser.wait_for(results, 5000);
  INFO("results: " << links.dump());
  REQUIRE(links.is_array());
  CHECK(links.size() <= 12);
  bool octopus = false;
  for (const auto& l : links) {
    CHECK(l.get<std::string>().rfind(server.url(), 0) == 0);
    octopus = octopus || l.get<std::string>().find("octopus-pro") != std::string::npos;
  }
  CHECK(octopus);

  // Escape closes the list; typing opens it again.
  browser.press_key("\uE00C");
  CHECK(browser.execute("return document.getElementById('search-results').hidden;") == true);
  browser.send_keys(input, " ");
  REQUIRE(browser.wait_for(results, 3000).is_array());

  // Arrow down selects the first result, Enter follows it.
  browser.press_key("\uE015");
  json active = browser.execute(
      "const li = document.querySelector('#search-list li.active');"
      "return li && [li.getAttribute('aria-selected'), li.querySelector('a').href,"
      " document.getElementById('search').getAttribute('aria-activedescendant') === li.id];");
  INFO("active: " << active.dump());
  REQUIRE(active.is_array());
  CHECK(active[0] == "true");
  CHECK(active[2] == true);
  browser.press_key("\uE007");
  std::string target = active[1];
  CHECK(browser.wait_for("return location.href === arguments[0];", 5000, {target}) == true);

  // From file:// the index cannot be fetched; the box says so.
  browser.navigate("file://" + site() + "/" + kPage);
  input = browser.find("#search");
  browser.click(input);
  browser.send_keys(input, "octopus");
  json message = browser.wait_for(
      "const m = document.querySelector('#search-results .search-message');"
      "return !document.getElementById('search-results').hidden && m && m.textContent;",
      5000);
  CHECK(message == "search needs the site to be served over http");
}

TEST_CASE("on a phone the page fits the width and the menu hides behind a button", "[browser]") {
  REQUIRE_BROWSER();
  // Everything here is HTML and CSS: it must work with scripts off too.
  bool javascript = GENERATE(true, false);
  INFO((javascript ? "with JavaScript" : "without JavaScript"));
  wbtest::StaticServer server(site());
  wbtest::Browser browser(javascript);
  browser.set_viewport(400, 800);
  browser.navigate(server.url(kPage + "#" + kFigure));
  // The page's own scripts ran, or did not (the head script marks <html>).
  CHECK(browser.execute("return document.documentElement.classList.contains('js');") == javascript);

  const char* layout = R"JS(
    const s = document.getElementById('sidebar');
    const b = document.querySelector('label[for="nav-toggle"]');
    const vis = e => !!e && e.offsetParent !== null && e.getBoundingClientRect().width > 0 &&
                     e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility === 'visible';
    const br = b ? b.getBoundingClientRect() : null;
    const imgs = [...document.querySelectorAll('main img')].map(i => i.getBoundingClientRect())
                   .filter(r => r.left < -1 || r.right > innerWidth + 1).length;
    return {vw: innerWidth, scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth,
            navItems: s ? s.querySelectorAll('li').length : -1, sidebarVisible: vis(s),
            button: vis(b), buttonInView: !!br && br.left >= 0 && br.right <= innerWidth && br.top >= 0,
            imagesOutside: imgs};
  )JS";
  // The figure and its link symbol are on screen.
  check_figure_in_view(browser.execute(kFigureState, {kFigure}));

  browser.execute("window.scrollTo(0, 0);");
  json closed = browser.execute(layout);
  INFO("closed menu: " << closed.dump());
  CHECK(closed["vw"] == 400);
  CHECK(closed["scrollWidth"].get<int>() <= 401);
  CHECK(closed["bodyScrollWidth"].get<int>() <= 401);
  CHECK(closed["imagesOutside"] == 0);
  INFO("the sidebar needs the page's navigation ({{nav}})");
  REQUIRE(closed["navItems"].get<int>() > 0);
  CHECK(closed["sidebarVisible"] == false);
  CHECK(closed["button"] == true);
  CHECK(closed["buttonInView"] == true);

  // The button opens and closes the menu (a checkbox: no JavaScript needed).
  browser.click(browser.find("label[for=\"nav-toggle\"]"));
  json open = browser.execute(layout);
  INFO("open menu: " << open.dump());
  CHECK(open["sidebarVisible"] == true);
  CHECK(open["scrollWidth"].get<int>() <= 401);
  browser.click(browser.find("label[for=\"nav-toggle\"]"));
  CHECK(browser.execute(layout)["sidebarVisible"] == false);
}

TEST_CASE("text has a contrast of at least 4.5:1 in the light and the dark theme", "[browser]") {
  REQUIRE_BROWSER();
  wbtest::StaticServer server(site());
  wbtest::Browser browser;
  browser.navigate(server.url(kPage));
  // Put every styled part on the page: admonitions, code, tables, the
  // sidebar and contents (when the page has none), the pager, search results,
  // the toast and the lightbox.
  browser.execute(R"JS(
    const doc = document.querySelector('article.doc') || document.querySelector('main');
    const kinds = ['note', 'tip', 'info', 'caution', 'warning', 'danger'];
    let html = '';
    for (const k of kinds)
      html += `<div class="admonition admonition-${k}"><p class="admonition-title">${k}</p>` +
              `<p>Body text with a <a href="#x">link</a> and <code>PA0</code>.</p></div>`;
    html += '<p>Text with <code>inline code</code>, <kbd>Ctrl</kbd> and <a href="#y">a link</a>.</p>' +
            '<pre><code>[extruder]\nheater_pin: PA0</code></pre>' +
            '<table><thead><tr><th>Part</th><th>Pin</th></tr></thead><tbody><tr><td>Heater</td><td>HE0</td></tr>' +
            '<tr><td>Fan</td><td>FAN0</td></tr></tbody></table><blockquote><p>A quoted line.</p></blockquote>';
    doc.insertAdjacentHTML('beforeend', html);
    const main = document.querySelector('main');
    if (!main.querySelector('nav.pager'))
      main.insertAdjacentHTML('beforeend', '<nav class="pager"><a class="prev" href="#p"><span>Previous</span>A page</a>' +
                                           '<a class="next" href="#n"><span>Next</span>B page</a></nav>');
    const side = document.getElementById('sidebar');
    if (!side.querySelector('li'))
      side.insertAdjacentHTML('beforeend', '<ul class="nav-tree"><li class="nav-item"><a href="#a">Intro</a></li>' +
        '<li class="nav-item active open"><a href="#b" aria-current="page">Board</a><ul><li class="nav-item"><a href="#c">Child</a></li></ul></li></ul>');
    const toc = document.querySelector('.page-toc');
    if (toc && !toc.querySelector('li'))
      toc.insertAdjacentHTML('beforeend', '<ul class="toc"><li class="toc-h2"><a href="#pins">Pins</a></li><li class="toc-h3"><a href="#pins">Sub</a></li></ul>');
    const panel = document.getElementById('search-results');
    panel.hidden = false;
    panel.querySelector('.search-message').textContent = 'No results for "zzz"';
    panel.querySelector('#search-list').innerHTML =
      '<li class="active" role="option"><a href="#r"><span class="result-title">Octopus Pro</span>' +
      '<span class="result-sub">Pin diagram <span class="result-id">#pin-diagram</span></span></a></li>' +
      '<li role="option"><a href="#s"><span class="result-title">Spider</span><span class="result-sub">Pins</span></a></li>';
    const toast = document.createElement('div');
    toast.className = 'toast show';
    toast.textContent = 'Link copied';
    document.body.appendChild(toast);
  )JS");
  browser.click(browser.find("#" + kFigure + " a.zoom"));
  REQUIRE(browser.wait_for(kLightboxState).is_object());

  const char* audit = R"JS(
    const parse = c => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
    };
    const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
                                   b: top.b * top.a + under.b * (1 - top.a), a: 1});
    const lum = c => {
      const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const background = e => {
      const layers = [];
      for (let n = e; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
      }
      let c = {r: 255, g: 255, b: 255, a: 1};
      for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
      return c;
    };
    const shown = e => {
      if (!e.getClientRects().length) return false;
      for (let n = e; n; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.visibility !== 'visible' && n === e) return false;
        if (parseFloat(s.opacity) === 0) return false;
      }
      return true;
    };
    const bad = [];
    let checked = 0;
    for (const e of document.body.querySelectorAll('*')) {
      if (['SCRIPT', 'STYLE', 'SVG', 'svg', 'IMG'].includes(e.tagName)) continue;
      const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
      if (!text || !shown(e)) continue;
      const s = getComputedStyle(e);
      if (parseFloat(s.fontSize) === 0) continue;  // text replaced by a drawn symbol
      const fg0 = parse(s.color), bg = background(e);
      const fg = fg0.a < 1 ? over(fg0, bg) : fg0;
      const l1 = lum(fg), l2 = lum(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      checked++;
      if (ratio < 4.5)
        bad.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${text.slice(0, 30)}" ` +
                 `${s.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}): ${ratio.toFixed(2)}`);
    }
    return {checked: checked, bad: bad};
  )JS";
  for (const char* theme : {"light", "dark"}) {
    browser.execute("document.documentElement.setAttribute('data-theme', arguments[0]);", {theme});
    // Let transitions (toast, link symbols) finish.
    browser.execute("return new Promise(r => setTimeout(r, 400));");
    json result = browser.execute(audit);
    INFO(theme << " theme: " << result.dump(2));
    CHECK(result["checked"].get<int>() > 50);
    CHECK(result["bad"].empty());
  }
}
