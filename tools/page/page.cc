#include "page/page.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "pinout/palette.h"
#include "scene/compose.h"

namespace wb::page {

using scene::Role;
namespace ui = pinout::ui;

std::vector<std::string> wrap(const std::string& text, const draw::TextStyle& style, double width) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string word, line;
  while (in >> word) {
    std::string trial = line.empty() ? word : line + " " + word;
    if (!line.empty() && scene::measure_text({0, 0}, trial, style).w > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = trial;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

LegendEntry LegendEntry::plain(std::string text) { return {std::move(text), {}}; }

LegendEntry LegendEntry::colour(draw::Color fill, std::string text) {
  return {std::move(text), [fill](scene::Scene& s, const Rect& r) {
            s.rect(Role::Legend, "legend-swatch", r, fill, {ui::kInk, 0.6}, 2);
          }};
}

namespace {
constexpr double kMargin = 20;
}

scene::Scene compose(const Header& h, scene::Scene body, double min_width) {
  Rect bb = scene::bounds(body);
  double width = std::max({bb.w, min_width, 640.0});
  scene::Scene head;
  draw::TextStyle title{20, true, false}, callout{15, true, false}, sub{11, false, false}, text{10.5, false, false};
  double y = 0;
  for (const auto& line : wrap(h.title, title, width))
    y = head.text(Role::Title, "title", {0, y}, line, title, ui::kInk, ui::kPaper).bottom() + 2;
  y += 4;
  if (!h.callout.empty()) {
    bool band = h.callout_fill.a > 0;
    draw::Color bg = band ? h.callout_fill : ui::kPaper;
    Rect size = scene::measure_text({0, 0}, h.callout, callout);
    if (band) head.rect(Role::Title, "callout", {0, y, size.w + 24, size.h + 12}, bg, {ui::kInk, 1.5}, 4);
    head.text(Role::Title, "callout", {band ? 12.0 : 0.0, y + (band ? 6 : 0)}, h.callout, callout,
              pinout::text_on(bg), bg);
    y += size.h + (band ? 12 : 0) + 8;
  }
  for (const auto& l : h.lines)
    for (const auto& line : wrap(l, sub, width))
      y = head.text(Role::Title, "title", {0, y}, line, sub, ui::kMuted, ui::kPaper).bottom() + 2;
  y += 8;
  const double sw = 34, sh = 18, row = 20;
  for (const auto& e : h.legend) {
    double x = e.swatch ? sw + 8 : 0;
    auto lines = wrap(e.text, text, width - x);
    if (e.swatch) e.swatch(head, {0, y + 1, sw, sh});
    for (size_t i = 0; i < lines.size(); ++i) {
      Rect t = scene::measure_text({0, 0}, lines[i], text);
      head.text(Role::Legend, "legend", {x, y + (row - t.h) / 2}, lines[i], text, ui::kInk, ui::kPaper);
      y += i + 1 < lines.size() ? t.h + 1 : 0;
    }
    y += row + 2;
  }
  if (!h.notes.empty()) y += 4;
  for (const auto& n : h.notes) {
    for (const auto& line : wrap(n, text, width))
      y = head.text(Role::Legend, "note", {0, y}, line, text, ui::kInk, ui::kPaper).bottom() + 1;
    y += 5;
  }
  double band = y + 14;
  Rect hb = scene::bounds(head);
  double page_w = std::max(width, hb.w);
  scene::Scene out(std::ceil(page_w + 2 * kMargin), std::ceil(band + bb.h + 2 * kMargin));
  out.background = ui::kPaper;
  scene::append(out, std::move(head), kMargin, kMargin);
  // A body narrower than the header is centred under it.
  double dx = kMargin - bb.x + std::max(0.0, (page_w - bb.w) / 2);
  scene::append(out, std::move(body), dx, kMargin + band - bb.y);
  return out;
}

}  // namespace wb::page
