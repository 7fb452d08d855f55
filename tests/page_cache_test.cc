// The page cache: a page comes from it only when its text, its context and
// every answer it got while rendering (includes, diagrams, expressions) are
// the same as when it was stored; damaged cache files are ignored.
#include <catch2/catch.hpp>

#include <filesystem>

#include "site/page_cache.h"
#include "support.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

// A page context whose {{ pin X }} answers from `pins`, with one snippet and
// one diagram, and counts how often it was asked.
struct World {
  std::map<std::string, std::string> pins = {{"HE0", "PA2"}};
  std::string snippet = "Check the **endstop** cable.";
  int asked = 0;
  markdown::Context context() {
    markdown::Context c;
    c.file = "content/page.md";
    c.expression = [this](const std::string& name, const std::string& args, bool, const Location& where,
                          Diagnostics& d) -> std::optional<std::string> {
      ++asked;
      if (name != "pin" || !pins.count(args)) {
        d.error(where, "no pin " + args, "name a connector");
        return std::nullopt;
      }
      return args + " (" + pins[args] + ")";
    };
    c.include = [this](const std::string& name, const Location&, Diagnostics&) {
      ++asked;
      return std::make_optional(std::make_pair(snippet, "content/_includes/" + name));
    };
    c.diagram = [this](const std::string& name, const Location&, Diagnostics&) {
      ++asked;
      markdown::DiagramUrls u{"d/" + name + ".png", "d/" + name + "@2x.png", "d/" + name + ".svg", "d/" + name + ".pdf",
                              "Pins of " + name};
      return std::make_optional(u);
    };
    return c;
  }
};

const std::string kBody =
    "# Wiring\n\nPlug the heater into {{ pin HE0 }}.\n\n{{ include check.md }}\n\n"
    "![Board](diagram:tiny@v1/pinout)\n";

struct Result {
  markdown::Rendered rendered;
  bool reused;
};

// One build: a fresh cache object from dir, one page, then save.
Result build_once(const std::string& dir, World& w, const std::string& body = kBody) {
  site::PageCache cache(dir);
  Diagnostics d;
  bool reused = false;
  auto r = cache.render(body, w.context(), d, 5, &reused);
  INFO(d.str());
  REQUIRE(d.empty());
  std::string error;
  REQUIRE(cache.save(&error));
  return {r, reused};
}

}  // namespace

TEST_CASE("an unchanged page is taken from the page cache, with the same result", "[page-cache]") {
  std::string dir = wbtest::temp_dir() + "/pages";
  World w;
  auto first = build_once(dir, w);
  CHECK_FALSE(first.reused);
  CHECK(first.rendered.html.find("HE0 (PA2)") != std::string::npos);
  CHECK(first.rendered.html.find("<strong>endstop</strong>") != std::string::npos);
  auto second = build_once(dir, w);
  CHECK(second.reused);
  CHECK(second.rendered.html == first.rendered.html);
  REQUIRE(second.rendered.headings.size() == first.rendered.headings.size());
  CHECK(second.rendered.headings[0].id == "wiring");
  CHECK(second.rendered.headings[0].where.str() == first.rendered.headings[0].where.str());
  REQUIRE(second.rendered.figures.size() == 1);
  CHECK(second.rendered.figures[0].id == first.rendered.figures[0].id);
  CHECK(second.rendered.figures[0].diagram);
  CHECK(second.rendered.references.size() == first.rendered.references.size());
}

TEST_CASE("a changed answer renders the page again", "[page-cache]") {
  std::string dir = wbtest::temp_dir() + "/pages";
  World w;
  build_once(dir, w);
  SECTION("a pin moved") {
    w.pins["HE0"] = "PA0";
    auto r = build_once(dir, w);
    CHECK_FALSE(r.reused);
    CHECK(r.rendered.html.find("HE0 (PA0)") != std::string::npos);
    // And the new result is what the next build reuses.
    auto again = build_once(dir, w);
    CHECK(again.reused);
    CHECK(again.rendered.html.find("HE0 (PA0)") != std::string::npos);
  }
  SECTION("an included snippet changed") {
    w.snippet = "Check the *probe* cable.";
    auto r = build_once(dir, w);
    CHECK_FALSE(r.reused);
    CHECK(r.rendered.html.find("<em>probe</em>") != std::string::npos);
  }
  SECTION("the page text changed") {
    auto r = build_once(dir, w, kBody + "\nOne more line.\n");
    CHECK_FALSE(r.reused);
    CHECK(r.rendered.html.find("One more line.") != std::string::npos);
  }
}

TEST_CASE("pages with errors are not remembered, and the error comes every time", "[page-cache]") {
  std::string dir = wbtest::temp_dir() + "/pages";
  World w;
  for (int build = 0; build < 2; ++build) {
    site::PageCache cache(dir);
    Diagnostics d;
    bool reused = true;
    cache.render("Heater: {{ pin HE9 }}\n", w.context(), d, 1, &reused);
    CHECK_FALSE(reused);
    CHECK(d.str().find("content/page.md:1:9: error: no pin HE9") != std::string::npos);
    std::string error;
    CHECK(cache.save(&error));
  }
}

TEST_CASE("a damaged page cache is ignored, never trusted", "[page-cache]") {
  std::string dir = wbtest::temp_dir() + "/pages";
  World w;
  build_once(dir, w);
  std::vector<std::string> shards;
  for (auto& e : fs::directory_iterator(dir)) shards.push_back(e.path().string());
  REQUIRE_FALSE(shards.empty());
  SECTION("cut short") {
    for (const auto& s : shards) {
      std::string data = wbtest::read_file(s);
      wbtest::write_file(s, data.substr(0, data.size() * 2 / 3));
    }
  }
  SECTION("one byte changed") {
    for (const auto& s : shards) {
      std::string data = wbtest::read_file(s);
      if (auto at = data.find("PA2"); at != std::string::npos) data[at] = 'X';
      wbtest::write_file(s, data);
    }
  }
  SECTION("overwritten with junk") {
    for (const auto& s : shards) wbtest::write_file(s, std::string(300, '\xff'));
  }
  auto r = build_once(dir, w);
  CHECK_FALSE(r.reused);
  CHECK(r.rendered.html.find("HE0 (PA2)") != std::string::npos);
  // Saving repaired it.
  CHECK(build_once(dir, w).reused);
}

TEST_CASE("only the questions a page asked are asked again", "[page-cache]") {
  std::string dir = wbtest::temp_dir() + "/pages";
  World w;
  build_once(dir, w);
  w.asked = 0;
  auto r = build_once(dir, w);
  CHECK(r.reused);
  CHECK(w.asked == 3);  // the pin, the snippet and the diagram
}
