// The colour-pin diagram's layout, checked on the scene it draws: label tables
// never overlap each other, the board, the title or a leader line; every part
// is joined to a table; every text is legible.
#include <catch2/catch.hpp>

#include <set>

#include "board/catalog.h"
#include "board/geometry.h"
#include "pinout/palette.h"
#include "pinout/pinout.h"
#include "scene_checks.h"
#include "support.h"

using namespace wb;
using scene::Role;

namespace {

using wbtest::board_box;
using wbtest::shrink;

wbtest::Paths leaders(const scene::Scene& s) { return wbtest::paths(s, Role::Leader); }

void check_layout(const ResolvedBoard& board) {
  scene::Scene s = pinout::layout(board);
  auto labels = s.boxes(Role::Label);
  auto titles = s.boxes(Role::Title);
  auto legend = s.boxes(Role::Legend);
  REQUIRE_FALSE(labels.empty());
  Rect board_rect = board_box(s);

  // Everything is on the canvas.
  for (const auto* group : {&labels, &titles, &legend})
    for (const auto& [tag, r] : *group) {
      INFO(tag);
      CHECK(r.x >= 0);
      CHECK(r.y >= 0);
      CHECK(r.right() <= s.width);
      CHECK(r.bottom() <= s.height);
    }
  // Labels do not overlap each other, the board, the title block or the legend.
  for (size_t i = 0; i < labels.size(); ++i) {
    INFO("label " << labels[i].first);
    CHECK_FALSE(rects_overlap(labels[i].second, board_rect));
    for (size_t j = i + 1; j < labels.size(); ++j) {
      INFO("and " << labels[j].first);
      CHECK_FALSE(rects_overlap(labels[i].second, labels[j].second));
    }
    for (const auto* group : {&titles, &legend})
      for (const auto& [tag, r] : *group) CHECK_FALSE(rects_overlap(labels[i].second, r));
  }
  // No leader line runs through a label (a leader may end on its own table's edge).
  auto lines = leaders(s);
  for (const auto& [part, pts] : lines)
    for (size_t k = 0; k + 1 < pts.size(); ++k)
      for (const auto& [tag, r] : labels) {
        INFO("leader of " << part << " and label " << tag);
        CHECK_FALSE(segment_hits_rect(pts[k], pts[k + 1], shrink(r, 0.5)));
      }
  // Every connector and driver has a leader that starts on its body and ends on a label.
  std::set<std::string> joined;
  const double kTouch = 0.6;
  for (const auto& [part, pts] : lines) {
    const Part* p = board.part(part);
    REQUIRE(p);
    bool ends_on_label = false;
    for (const auto& [tag, r] : labels) {
      Rect grown{r.x - kTouch, r.y - kTouch, r.w + 2 * kTouch, r.h + 2 * kTouch};
      bool on_edge = pts.back().x >= grown.x && pts.back().x <= grown.right() && pts.back().y >= grown.y &&
                     pts.back().y <= grown.bottom();
      ends_on_label = ends_on_label || on_edge;
    }
    CHECK(ends_on_label);
    joined.insert(part);
  }
  for (const auto& p : board.parts)
    if (p.type == PartType::Connector || p.type == PartType::Driver) {
      INFO(p.id);
      CHECK(joined.count(p.id));
    }
  // Leaders run under the pins, which they must not hide: every pin dot is
  // drawn after every leader line.
  size_t last_leader = 0, first_pin = s.items.size();
  for (size_t i = 0; i < s.items.size(); ++i) {
    if (s.items[i].role == Role::Leader) last_leader = i;
    if (s.items[i].role == Role::Pin && std::holds_alternative<scene::CircleShape>(s.items[i].shape))
      first_pin = std::min(first_pin, i);
  }
  CHECK(last_leader < first_pin);
  // Every text has at least 4.5:1 contrast against what it sits on.
  for (const auto* t : s.texts()) {
    INFO("text '" << t->text << "' " << t->color.hex() << " on " << t->background.hex());
    CHECK(draw::contrast_ratio(t->color, t->background) >= 4.5);
  }
}

std::string all_text(const scene::Scene& s) {
  std::string out;
  for (const auto* t : s.texts()) out += t->text + "\n";
  return out;
}

}  // namespace

TEST_CASE("Octopus Pro diagrams: no overlaps, every part joined, legible text", "[pinout]") {
  for (const char* spec : {"octopus-pro@v1.0", "octopus-pro@v1.1", "octopus-pro@v1.0+f429"}) {
    INFO(spec);
    check_layout(wbtest::load(wbtest::source(""), spec).board);
  }
}

TEST_CASE("a board of another size and shape lays out by the same rules", "[pinout]") {
  for (const char* spec : {"tiny-l@r1", "tiny-l@r2"}) {
    INFO(spec);
    check_layout(wbtest::load(wbtest::fixture(""), spec).board);
  }
}

TEST_CASE("the diagram prints each revision's own MCU pins and a title block", "[pinout]") {
  auto v10 = pinout::layout(wbtest::load(wbtest::source(""), "octopus-pro@v1.0").board);
  auto v11 = pinout::layout(wbtest::load(wbtest::source(""), "octopus-pro@v1.1").board);
  std::string a = all_text(v10), b = all_text(v11);
  CHECK(a.find("BIGTREETECH Octopus Pro V1.0 / V1.0.1") != std::string::npos);
  CHECK(b.find("BIGTREETECH Octopus Pro V1.1") != std::string::npos);
  CHECK(a.find("STM32F446ZET6") != std::string::npos);  // variants of V1.0
  CHECK(a.find("STM32F429ZGT6") != std::string::npos);
  CHECK(b.find("STM32H723ZET6") != std::string::npos);
  CHECK(b.find("STM32F446ZET6") == std::string::npos);  // no F446 on V1.1
  // HE2 moved from PB10 to PB0; RGB from PB0 to PB10: both texts exist on both, so
  // look at the heater table row order instead: HE0's pin is PA2 on V1.0 only.
  CHECK(a.find("PA2\n") != std::string::npos);
  CHECK(b.find("\nPA0\n") != std::string::npos);
  // The legend names the function classes used.
  for (const char* f : {"power", "ground", "heater", "fan", "endstop", "thermistor", "driver", "motor"})
    CHECK(a.find(std::string(f) + "\n") != std::string::npos);
  // DRIVER2 feeds two motor connectors, listed as such under its column.
  CHECK(b.find("\n2_1, 2_2\n") != std::string::npos);
}

TEST_CASE("every function class colour keeps 4.5:1 text contrast for common colour blindnesses", "[pinout][palette]") {
  using draw::Vision;
  double closest = 100;
  for (const auto& f : function_classes()) {
    draw::Color c = pinout::class_color(f);
    draw::Color ink = pinout::text_on(c);
    for (Vision v : {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia}) {
      INFO(f << " " << static_cast<int>(v));
      CHECK(draw::contrast_ratio(draw::simulate(c, v), draw::simulate(ink, v)) >= 4.5);
    }
    for (const auto& g : function_classes())
      if (f < g) closest = std::min(closest, draw::delta_e(c, pinout::class_color(g)));
  }
  // No two classes look alike to normal vision.
  CHECK(closest >= 10);
  // Dark text is the diagram's ink, like the text beside it, unless some
  // colour vision needs black (orange under protanopia).
  CHECK(pinout::text_on(pinout::class_color("driver")) == pinout::ui::kInk);
  CHECK(pinout::text_on(pinout::class_color("motor")) == draw::Color::hex("#000000"));
  CHECK(pinout::text_on(pinout::class_color("spi")) == draw::Color::hex("#ffffff"));
}
