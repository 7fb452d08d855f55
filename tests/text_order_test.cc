// How render() orders a scene's texts for an SVG (scene/text_order.h).
#include <catch2/catch.hpp>

#include "scene/scene.h"
#include "scene/text_order.h"

using namespace wb;
using namespace wb::scene;

namespace {
const Color kInk = Color::hex("#1a1a1a"), kWhite = Color::hex("#ffffff"), kRed = Color::hex("#c62828");
const TextStyle kCell{9.5, false, false};

// The texts of a scene, as render() hands them to colour_grouped_order.
std::vector<const Item*> texts(const Scene& scene) {
  std::vector<const Item*> out;
  for (const auto& item : scene.items)
    if (std::holds_alternative<TextShape>(item.shape)) out.push_back(&item);
  return out;
}
}  // namespace

TEST_CASE("texts far apart are grouped by colour, each colour in scene order", "[draw]") {
  Scene s;
  // Rows of a table: a white pin number, then a dark signal name, 30 units lower each.
  for (int row = 0; row < 3; ++row) {
    s.text(Role::Label, "", {10, 10.0 + 30 * row}, std::to_string(row + 1), kCell, kWhite, kRed);
    s.text(Role::Label, "", {40, 10.0 + 30 * row}, "SIGNAL_" + std::to_string(row + 1), kCell, kInk, kWhite);
  }
  CHECK(colour_grouped_order(texts(s)) == std::vector<size_t>{0, 2, 4, 1, 3, 5});
}

TEST_CASE("texts whose glyphs touch another colour keep the scene order", "[draw]") {
  Scene s;
  s.text(Role::Label, "", {10, 10}, "PA2", kCell, kWhite, kRed);
  s.text(Role::Label, "", {200, 10}, "PB0", kCell, kInk, kWhite);
  s.text(Role::Label, "", {300, 10}, "PC1", kCell, kWhite, kRed);
  auto grouped = colour_grouped_order(texts(s));
  CHECK(grouped == std::vector<size_t>{0, 2, 1});

  // A dark text laid over the first white one: which is on top would change.
  s.text(Role::Label, "", {14, 12}, "HE0", kCell, kInk, kWhite);
  CHECK(colour_grouped_order(texts(s)) == std::vector<size_t>{0, 1, 2, 3});
}

TEST_CASE("texts are grouped when their measured boxes are close but their glyphs are apart", "[draw]") {
  // A title over a subtitle, 4 units between their boxes: the title's
  // descenders and the subtitle's capitals stay further apart than that.
  Scene s;
  Rect title = s.text(Role::Title, "", {20, 20}, "Octopus Pro", TextStyle{20, true, false}, kInk, kWhite);
  s.text(Role::Title, "", {20, title.bottom() + 4}, "MCU variants", TextStyle{11, false, false}, kRed, kWhite);
  s.text(Role::Title, "", {20, title.bottom() + 40}, "Generated", TextStyle{11, false, false}, kInk, kWhite);
  CHECK(colour_grouped_order(texts(s)) == std::vector<size_t>{0, 2, 1});

  // Glyphs can paint outside the measured box: the hook of an ƒ reaches
  // left of it, over the end of a text whose box ends half a unit before.
  Scene t;
  Rect left = t.text(Role::Label, "", {20, 20}, "ƒ", TextStyle{20, false, false}, kInk, kWhite);
  t.text(Role::Label, "", {left.right() + 0.5, 20}, "ƒ", TextStyle{20, false, false}, kRed, kWhite);
  t.text(Role::Label, "", {20, 200}, "x", TextStyle{20, false, false}, kInk, kWhite);
  CHECK(colour_grouped_order(texts(t)) == std::vector<size_t>{0, 1, 2});
}

TEST_CASE("the ink of a text can reach outside its measured box", "[draw]") {
  auto& engine = draw::TextEngine::instance();
  TextStyle st{20, false, false};
  auto ring = engine.ink("Ǻ", st);  // Ǻ: a ring and an acute above the A
  CHECK(ring.top < 0);
  auto hook = engine.ink("ƒ", st);  // ƒ
  CHECK(hook.left < -1);
  CHECK(hook.right > engine.measure("ƒ", st).width);
  auto x = engine.ink("x", st);
  CHECK(x.left > 0);
  CHECK(x.top > 0);
  CHECK(x.right < engine.measure("x", st).width);
  CHECK(x.bottom < engine.measure("x", st).height);
  auto space = engine.ink("   ", st);
  CHECK(space.right - space.left == 0);
}
