// The site build on a small fixture project: navigation, previous/next,
// includes, board expressions, anchors that last (lock file, aliases,
// redirects, fragment maps), share pages, and errors at file:line:column
// for broken links and Liquid tags.
#include <catch2/catch.hpp>

#include <filesystem>

#include "site/anchors.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

std::string project() {
  std::string root = wbtest::temp_dir();
  fs::copy(wbtest::fixture("site"), root, fs::copy_options::recursive);
  fs::copy(wbtest::source("site"), root + "/site", fs::copy_options::recursive);
  return root;
}

wbtest::RunResult build(const std::string& root) {
  return wbtest::run_wirebook({"build", "--root", root, "--out", root + "/out"});
}

void replace(const std::string& file, const std::string& from, const std::string& to) {
  std::string text = wbtest::read_file(file);
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  wbtest::write_file(file, text);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("navigation, pager, table of contents, includes and board expressions", "[site]") {
  std::string root = project();
  auto r = build(root);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string home = wbtest::read_file(root + "/out/index.html");
  std::string wiring = wbtest::read_file(root + "/out/guide/wiring.html");
  std::string board = wbtest::read_file(root + "/out/guide/board.html");
  // The sidebar nests the guides under the home page, ordered by nav_order.
  auto board_link = home.find("href=\"guide/board.html\">Tiny board</a>");
  auto wiring_link = home.find("href=\"guide/wiring.html\">Wiring guide</a>");
  CHECK(board_link != std::string::npos);
  CHECK(wiring_link != std::string::npos);
  CHECK(board_link < wiring_link);
  CHECK(has(wiring, "class=\"nav-item active\"><a href=\"../guide/wiring.html\" aria-current=\"page\">"));
  // Reading order: home, board, wiring.
  CHECK(has(board, "class=\"prev\" href=\"../index.html\""));
  CHECK(has(board, "class=\"next\" href=\"../guide/wiring.html\""));
  CHECK(has(wiring, "<li class=\"toc-h2\"><a href=\"#heater\">Heater</a></li>"));
  // The include brought its admonition; the .md link became .html.
  CHECK(has(wiring, "admonition admonition-warning"));
  CHECK(has(home, "href=\"guide/wiring.html#heater\""));
  // A page bound to a board gets its diagram and pin table from the data.
  CHECK(has(board, "<figure id=\"tiny-l-r1-pinout\""));
  CHECK(has(board, "<td>HEAT</td>"));
  for (const char* f : {".png", "@2x.png", ".svg", ".pdf"})
    CHECK(fs::exists(root + "/out/diagrams/tiny-l-r1-pinout" + f));
  // Search covers titles, headings and figure captions.
  std::string index = wbtest::read_file(root + "/out/search-index.json");
  CHECK(has(index, "\"title\":\"Wiring guide\""));
  CHECK(has(index, "{\"id\":\"heater\",\"text\":\"Heater\"}"));
  CHECK(has(index, "{\"id\":\"heater-wiring\",\"caption\":\"Heater wiring\"}"));
}

TEST_CASE("every figure has a share page that previews it and leads to it", "[site]") {
  std::string root = project();
  wbtest::write_file(root + "/site/config.yml", "title: Test docs\nurl: https://docs.example.org/\n");
  REQUIRE(build(root).exit_code == 0);
  std::string share = wbtest::read_file(root + "/out/f/heater-wiring/index.html");
  CHECK(has(share, "<meta property=\"og:image\" content=\"https://docs.example.org/guide/img/wiring.png\">"));
  CHECK(has(share, "<meta property=\"og:title\" content=\"Heater wiring\">"));
  CHECK(has(share, "<meta name=\"twitter:card\" content=\"summary_large_image\">"));
  CHECK(has(share, "https://docs.example.org/guide/wiring.html#heater-wiring"));
  CHECK(has(share, "url=../../guide/wiring.html#heater-wiring"));
  std::string diagram = wbtest::read_file(root + "/out/f/tiny-l-r1-pinout/index.html");
  CHECK(has(diagram, "https://docs.example.org/diagrams/tiny-l-r1-pinout@2x.png"));
  std::string page = wbtest::read_file(root + "/out/guide/wiring.html");
  CHECK(has(page, "<link rel=\"canonical\" href=\"https://docs.example.org/guide/wiring.html\">"));
}

TEST_CASE("a recorded anchor may not vanish unless an alias says where it went", "[site][anchors]") {
  std::string root = project();
  auto update = wbtest::run_wirebook({"anchors", "--update", "--root", root});
  INFO(update.err);
  REQUIRE(update.exit_code == 0);
  CHECK(has(update.out, "guide/wiring.html#heater  (new)"));
  std::string lock = wbtest::read_file(root + "/content/anchors.lock");
  CHECK(has(lock, "\nguide/wiring.html#heater\n"));
  CHECK(has(lock, "\nguide/wiring.html#heater-wiring\n"));
  REQUIRE(build(root).exit_code == 0);
  std::string published = wbtest::read_file(root + "/out/guide/wiring.html");

  // Renaming the heading breaks the recorded address: the build stops.
  replace(root + "/content/guide/wiring.md", "## Heater {#heater}", "## Heater {#heaters}");
  replace(root + "/content/index.md", "wiring.md#heater)", "wiring.md#heaters)");
  auto broken = build(root);
  CHECK(broken.exit_code == 1);
  CHECK(has(broken.err, "content/anchors.lock:"));
  CHECK(has(broken.err, "published anchor 'guide/wiring.html#heater' is gone from content/guide/wiring.md"));
  CHECK(wbtest::read_file(root + "/out/guide/wiring.html") == published);

  // An alias keeps the old address: the page maps #heater to #heaters.
  replace(root + "/content/guide/wiring.md", "{#heaters}", "{#heaters aliases=\"heater\"}");
  auto fixed = build(root);
  INFO(fixed.err);
  REQUIRE(fixed.exit_code == 0);
  std::string page = wbtest::read_file(root + "/out/guide/wiring.html");
  CHECK(has(page, "{\"heater\":\"heaters\"}"));
}

TEST_CASE("a moved page redirects from its old address", "[site][anchors]") {
  std::string root = project();
  REQUIRE(wbtest::run_wirebook({"anchors", "--update", "--root", root}).exit_code == 0);
  fs::rename(root + "/content/guide/wiring.md", root + "/content/guide/cabling.md");
  replace(root + "/content/index.md", "guide/wiring.md#heater", "guide/cabling.md#heater");
  auto broken = build(root);
  CHECK(broken.exit_code == 1);
  CHECK(has(broken.err, "published page 'guide/wiring.html' no longer exists"));
  replace(root + "/content/guide/cabling.md", "description:", "aliases: [guide/wiring.html]\ndescription:");
  auto fixed = build(root);
  INFO(fixed.err);
  REQUIRE(fixed.exit_code == 0);
  std::string redirect = wbtest::read_file(root + "/out/guide/wiring.html");
  CHECK(has(redirect, "cabling.html"));
  CHECK(has(redirect, "http-equiv=\"refresh\""));
}

TEST_CASE("broken links, anchors and images fail the build at their file:line:column", "[site]") {
  std::string root = project();
  std::string page = root + "/content/guide/wiring.md";
  replace(page, "Text about fans.", "Text about [fans](missing.md) and [heat](wiring.md#nowhere).\n\n![x](img/none.png)");
  auto r = build(root);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, "content/guide/wiring.md:20:12: error: broken link 'missing.md'"));
  CHECK(has(r.err, "content/guide/wiring.md:20:35: error: broken link 'wiring.md#nowhere'"));
  CHECK(has(r.err, "content/guide/wiring.md:22:1: error: broken image 'img/none.png'"));
  CHECK_FALSE(fs::exists(root + "/out"));
  auto check = wbtest::run_wirebook({"check", "--root", root});
  CHECK(check.exit_code == 1);
  CHECK(has(check.err, "broken link 'missing.md'"));
}

TEST_CASE("Liquid tags and unknown expressions stop the build at their location", "[site]") {
  std::string root = project();
  replace(root + "/content/guide/wiring.md", "Text about fans.", "Text {% if site.x %}about{% endif %} fans.");
  auto r = build(root);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, "content/guide/wiring.md:20:6: error:"));
  CHECK(has(r.err, "Liquid"));
  std::string root2 = project();
  replace(root2 + "/content/guide/wiring.md", "Text about fans.", "Fan on {{ pin FAN }}.");
  auto r2 = build(root2);
  CHECK(r2.exit_code == 1);
  CHECK(has(r2.err, "content/guide/wiring.md:20:8: error:"));
  CHECK(has(r2.err, "not bound to one"));
}

TEST_CASE("a no-change rebuild does nothing, a change rewrites only what differs", "[site][incremental]") {
  std::string root = project();
  REQUIRE(build(root).exit_code == 0);
  auto again = build(root);
  CHECK(again.exit_code == 0);
  CHECK(has(again.out, "nothing changed"));
  replace(root + "/content/guide/wiring.md", "Text about fans.", "Text about fans and their voltage.");
  auto changed = build(root);
  INFO(changed.out);
  CHECK(changed.exit_code == 0);
  CHECK(has(changed.out, "0 diagrams rendered, 1 reused"));
  CHECK(has(changed.out, "1 file written"));  // the one page; nav, search and diagrams unchanged
}

TEST_CASE("one variant source renders a page per variant with its own blocks", "[site][variants]") {
  std::string root = project();
  fs::copy(wbtest::source("boards/octopus-pro.xml"), root + "/boards/octopus-pro.xml");
  wbtest::write_file(root + "/content/octo.md",
                     "---\n"
                     "title: Octo\n"
                     "board: octopus-pro@v1.0\n"
                     "variants:\n"
                     "  - id: f429\n"
                     "    title: Octo F429\n"
                     "    board: octopus-pro@v1.0+f429\n"
                     "  - id: h723-old\n"
                     "    title: Octo H723 V1.0\n"
                     "    board: octopus-pro@v1.0+h723\n"
                     "  - id: h723-new\n"
                     "    title: Octo H723 V1.1\n"
                     "    board: octopus-pro@v1.1+h723\n"
                     "---\n"
                     "# {{ page.title }}\n"
                     "\n"
                     "Heater on {{ pin HE0 }}, crystal {{ mcu crystal }}.\n"
                     "\n"
                     "::::variant mcu=h723 revision=v1.0\n"
                     ":::danger DFU\n"
                     "Heaters turn on in DFU.\n"
                     ":::\n"
                     "::::\n"
                     "\n"
                     ":::variant f429\n"
                     "No USB flashing.\n"
                     ":::\n"
                     "\n"
                     "{{ variants }}\n");
  // The overview has no MCU: keep {{ mcu }} out of it.
  replace(root + "/content/octo.md", "Heater on {{ pin HE0 }}, crystal {{ mcu crystal }}.",
          ":::variant f429 h723-old h723-new\nHeater on {{ pin HE0 }}, crystal {{ mcu crystal }}.\n:::");
  auto r = build(root);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string f429 = wbtest::read_file(root + "/out/octo-f429.html");
  std::string old_h = wbtest::read_file(root + "/out/octo-h723-old.html");
  std::string new_h = wbtest::read_file(root + "/out/octo-h723-new.html");
  std::string overview = wbtest::read_file(root + "/out/octo.html");
  CHECK(has(f429, "<h1 id=\"octo-f429\">Octo F429"));
  CHECK(has(f429, "HE0 (PA2)"));
  CHECK(has(f429, "crystal 8 MHz"));
  CHECK(has(f429, "No USB flashing."));
  CHECK_FALSE(has(f429, "Heaters turn on in DFU."));
  CHECK(has(old_h, "Heaters turn on in DFU."));
  CHECK(has(old_h, "crystal 25 MHz"));
  CHECK_FALSE(has(old_h, "No USB flashing."));
  CHECK(has(new_h, "HE0 (PA0)"));
  CHECK_FALSE(has(new_h, "Heaters turn on in DFU."));
  CHECK_FALSE(has(overview, "No USB flashing."));
  CHECK(has(overview, "<a href=\"octo-h723-new.html\">Octo H723 V1.1</a>"));
  // Variant pages sit under the overview in the sidebar.
  CHECK(has(overview, "href=\"octo-f429.html\">Octo F429</a>"));

  replace(root + "/content/octo.md", ":::variant f429\n", ":::variant f492\n");
  auto bad = build(root);
  CHECK(bad.exit_code == 1);
  CHECK(has(bad.err, "content/octo.md:27:1: error: ':::variant' names 'f492'"));
}

TEST_CASE("anchors sort as their addresses do, as the lock file lists them", "[site][anchors]") {
  using wb::site::Anchor;
  std::vector<Anchor> anchors = {{"a.html", ""},  {"a.html", "x"},   {"a.html!", ""}, {"a.html", "!"},
                                 {"a.htmlb", ""}, {"a.html", "x-y"}, {"b/", ""},      {"a.html", ""},
                                 {"", "x"},       {"a", "html"},     {"a.html#", ""}, {"a.html", "#"}};
  for (const auto& a : anchors)
    for (const auto& b : anchors) {
      INFO(a.str() << " vs " << b.str());
      CHECK((a < b) == (a.str() < b.str()));
    }
}
