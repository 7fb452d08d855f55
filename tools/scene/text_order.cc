#include "scene/text_order.h"

#include <algorithm>
#include <numeric>

namespace wb::scene {
namespace {

const TextShape& text_of(const Item& item) { return std::get<TextShape>(item.shape); }

// Generously where a text's glyphs might paint: its measured box widened by
// half its size on every side. Only texts whose reaches meet are measured.
Rect reach(const TextShape& t) {
  double m = t.style.size / 2;
  return {t.box.x - m, t.box.y - m, t.box.w + 2 * m, t.box.h + 2 * m};
}

// Whether the outlines of two texts come within a canvas unit of each other
// (antialiasing spreads an edge by less than that).
bool glyphs_touch(const TextShape& a, const TextShape& b) {
  auto& engine = draw::TextEngine::instance();
  draw::InkBox ia = engine.ink(a.text, a.style), ib = engine.ink(b.text, b.style);
  const double gap = 1;
  return a.top_left.x + ia.left < b.top_left.x + ib.right + gap && b.top_left.x + ib.left < a.top_left.x + ia.right + gap &&
         a.top_left.y + ia.top < b.top_left.y + ib.bottom + gap && b.top_left.y + ib.top < a.top_left.y + ia.bottom + gap;
}

bool texts_of_different_colours_touch(const std::vector<Item>& texts) {
  std::vector<Rect> areas;
  for (const auto& item : texts) areas.push_back(reach(text_of(item)));
  std::vector<size_t> by_top(texts.size());
  std::iota(by_top.begin(), by_top.end(), size_t{0});
  std::sort(by_top.begin(), by_top.end(), [&](size_t a, size_t b) { return areas[a].y < areas[b].y; });
  // Sweep down the page: only texts starting above a text's bottom can meet it.
  for (size_t i = 0; i < by_top.size(); ++i) {
    const Rect& a = areas[by_top[i]];
    for (size_t j = i + 1; j < by_top.size() && areas[by_top[j]].y < a.bottom(); ++j) {
      const Rect& b = areas[by_top[j]];
      const TextShape &ta = text_of(texts[by_top[i]]), &tb = text_of(texts[by_top[j]]);
      if (b.x < a.right() && a.x < b.right() && !(ta.color == tb.color) && glyphs_touch(ta, tb)) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<size_t> colour_grouped_order(const std::vector<Item>& texts) {
  std::vector<size_t> order(texts.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (texts_of_different_colours_touch(texts)) return order;
  std::vector<Color> colours;  // in order of first appearance
  std::vector<size_t> group(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    const Color& c = text_of(texts[i]).color;
    auto it = std::find(colours.begin(), colours.end(), c);
    group[i] = size_t(it - colours.begin());
    if (it == colours.end()) colours.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return group[a] < group[b]; });
  return order;
}

}  // namespace wb::scene
