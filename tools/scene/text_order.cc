#include "scene/text_order.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace wb::scene {
namespace {

const TextShape& text_of(const Item& item) { return std::get<TextShape>(item.shape); }

// Where a text's glyphs paint, widened by a canvas unit (more than
// antialiasing spreads an edge); nothing for a text of spaces.
std::optional<Rect> ink_area(const TextShape& t) {
  draw::InkBox ink = draw::TextEngine::instance().ink(t.text, t.style);
  if (ink.right <= ink.left) return std::nullopt;
  return Rect{t.top_left.x + ink.left - 1, t.top_left.y + ink.top - 1, ink.right - ink.left + 2, ink.bottom - ink.top + 2};
}

bool texts_of_different_colours_touch(const std::vector<const Item*>& texts) {
  struct Area {
    Rect rect;
    const Color* colour;
  };
  std::vector<Area> areas;
  for (const Item* item : texts)
    if (auto rect = ink_area(text_of(*item))) areas.push_back({*rect, &text_of(*item).color});
  std::sort(areas.begin(), areas.end(), [](const Area& a, const Area& b) { return a.rect.y < b.rect.y; });
  // Sweep down the page: only texts starting above a text's bottom can meet it.
  for (size_t i = 0; i < areas.size(); ++i) {
    const Rect& a = areas[i].rect;
    for (size_t j = i + 1; j < areas.size() && areas[j].rect.y < a.bottom(); ++j) {
      const Rect& b = areas[j].rect;
      if (b.x < a.right() && a.x < b.right() && !(*areas[i].colour == *areas[j].colour)) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<size_t> colour_grouped_order(const std::vector<const Item*>& texts) {
  std::vector<size_t> order(texts.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (texts_of_different_colours_touch(texts)) return order;
  std::vector<Color> colours;  // in order of first appearance
  std::vector<size_t> group(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    const Color& c = text_of(*texts[i]).color;
    auto it = std::find(colours.begin(), colours.end(), c);
    group[i] = size_t(it - colours.begin());
    if (it == colours.end()) colours.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return group[a] < group[b]; });
  return order;
}

}  // namespace wb::scene
