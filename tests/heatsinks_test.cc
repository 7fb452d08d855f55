// The drivers-fitted view: a module with a heat sink on exactly the driver
// sockets the build uses, empty sockets shaded, legible and deterministic.
#include <catch2/catch.hpp>

#include <set>

#include "board/catalog.h"
#include "diagram/spec.h"
#include "heatsinks/heatsinks.h"
#include "scene/render.h"
#include "scene_checks.h"
#include "support.h"

using namespace wb;

TEST_CASE("heat sinks are drawn on exactly the sockets the build uses", "[heatsinks]") {
  Diagnostics d;
  Catalog catalog = Catalog::load(wbtest::source(""), d);
  auto builds = diagram::load_builds(wbtest::source(""), catalog, d);
  INFO(d.str());
  REQUIRE(d.empty());
  REQUIRE(builds.size() == 1);
  const diagram::Build& build = builds[0];
  auto board = diagram::resolve_board(build, catalog, d);
  REQUIRE(board);
  scene::Scene s = heatsinks::heatsink_layout(build, *board);

  std::set<std::string> used, fitted, shaded;
  for (const auto& c : build.components)
    if (!c.driver.empty()) used.insert(c.driver);
  for (const auto& item : s.items) {
    if (item.role == scene::Role::Part && board->part(item.tag) && board->part(item.tag)->type == PartType::Driver)
      if (auto* r = std::get_if<scene::RectShape>(&item.shape); r && r->fill && r->fill->hex() == "#4a148c")
        fitted.insert(item.tag);
    if (item.role == scene::Role::Mark && board->part(item.tag) && board->part(item.tag)->type == PartType::Driver &&
        std::holds_alternative<scene::RectShape>(item.shape))
      shaded.insert(item.tag);
  }
  CHECK(used.size() == 7);  // DRIVER0..DRIVER6; DRIVER7 stays empty
  CHECK(fitted == used);
  CHECK(shaded == std::set<std::string>{"DRIVER7"});
  std::string text = wbtest::all_text(s);
  CHECK(text.find("DRIVER0, DRIVER1, DRIVER2, DRIVER3, DRIVER4, DRIVER5, DRIVER6") != std::string::npos);
  wbtest::check_contrast(s);
  wbtest::check_on_canvas(s, {scene::Role::Title, scene::Role::Text});
  for (auto f : {draw::Format::Png, draw::Format::Svg, draw::Format::Pdf})
    CHECK(scene::render(s, f) == scene::render(heatsinks::heatsink_layout(build, *board), f));
}
