#include "pinout/table.h"

#include <algorithm>
#include <tuple>

#include "pinout/palette.h"

namespace wb::pinout {
namespace {

draw::TextStyle cell_style(const Cell& c) {
  return {style::kCellSize, c.bold || c.chip, c.mono};
}

double cell_width(const Cell& c) {
  double w = c.text.empty() ? 0 : scene::measure_text({0, 0}, c.text, cell_style(c)).w;
  return c.chip ? std::max(w + 6, style::kRowH) : w;
}

double caption_width(const Table& t) {
  double w = 0;
  for (const auto& c : t.caption) w += cell_width(c) + 4;
  return w;
}

}  // namespace

void measure(Table& t) {
  t.title_h = style::kTitleH;
  t.row_h = style::kRowH;
  t.caption_h = t.caption.empty() ? 0 : style::kRowH + 2;
  size_t cols = 0;
  for (const auto& r : t.rows) cols = std::max(cols, r.size());
  t.col_width.assign(cols, 0);
  for (const auto& r : t.rows)
    for (size_t i = 0; i < r.size(); ++i) t.col_width[i] = std::max(t.col_width[i], cell_width(r[i]));
  double grid = style::kPadX;
  for (double w : t.col_width) grid += w + style::kPadX;
  double title = scene::measure_text({0, 0}, t.title, {style::kTitleSize, true, false}).w;
  if (!t.subtitle.empty()) title += 6 + scene::measure_text({0, 0}, t.subtitle, {style::kCellSize, false, false}).w;
  t.width = std::max({grid, title + 2 * style::kPadX, caption_width(t) + 2 * style::kPadX});
  // Spread any spare width over the columns so the grid fills the table.
  if (t.width > grid && cols > 0) {
    double extra = (t.width - grid) / static_cast<double>(cols);
    for (double& w : t.col_width) w += extra;
  }
  t.height = t.title_h + t.caption_h + t.row_h * static_cast<double>(t.rows.size()) + (t.rows.empty() ? 0 : 2);
}

namespace {
double column_x(const Table& t, size_t col) {
  double x = style::kPadX;
  for (size_t i = 0; i < col; ++i) x += t.col_width[i] + style::kPadX;
  return x;
}

double grid_top(const Table& t) { return t.title_h + t.caption_h + 1; }
}  // namespace

Point attach_point(const Table& t, const Rect& at, size_t member, char edge) {
  if (t.transposed && member + 1 < t.col_width.size() && (edge == 't' || edge == 'b')) {
    size_t col = member + 1;
    double x = at.x + column_x(t, col) + t.col_width[col] / 2;
    return {x, edge == 't' ? at.y : at.bottom()};
  }
  double y = at.y + at.h / 2;
  if (!t.transposed) {
    int first = -1, last = -1;
    for (size_t r = 0; r < t.member_of_row.size(); ++r)
      if (t.member_of_row[r] == static_cast<int>(member)) {
        if (first < 0) first = static_cast<int>(r);
        last = static_cast<int>(r);
      }
    if (first >= 0) y = at.y + grid_top(t) + t.row_h * (first + last + 1) / 2.0;
  }
  switch (edge) {
    case 'l': return {at.x, y};
    case 'r': return {at.right(), y};
    case 't': return {at.x + at.w / 2, at.y};
    default: return {at.x + at.w / 2, at.bottom()};
  }
}

void draw_table(const Table& t, const Rect& at, scene::Scene& s) {
  using scene::Role;
  s.rect(Role::Label, t.id, at, ui::kPaper, {ui::kTitleBar, 1.0}, 3);
  Rect bar{at.x, at.y, at.w, t.title_h};
  s.rect(Role::Mark, t.id, bar, ui::kTitleBar, {}, 3);
  draw::TextStyle title_style{style::kTitleSize, true, false};
  double ty = at.y + (t.title_h - scene::measure_text({0, 0}, t.title, title_style).h) / 2;
  Rect tb = s.text(Role::Text, t.id, {at.x + style::kPadX, ty}, t.title, title_style, ui::kPaper, ui::kTitleBar);
  if (!t.subtitle.empty()) {
    draw::TextStyle sub{style::kCellSize, false, false};
    double sy = at.y + (t.title_h - scene::measure_text({0, 0}, t.subtitle, sub).h) / 2;
    s.text(Role::Text, t.id, {tb.right() + 6, sy}, t.subtitle, sub, Color::hex("#cfd8dc"), ui::kTitleBar);
  }
  // Caption: chips and words in one line.
  double x = at.x + style::kPadX, y = at.y + t.title_h + 1;
  for (const auto& c : t.caption) {
    double w = cell_width(c);
    draw::TextStyle st = cell_style(c);
    Rect box{x, y + 1, w, t.row_h - 2};
    Color bg = ui::kPaper;
    if (c.chip) {
      s.rect(Role::Mark, t.id, box, c.fill, {}, 3);
      bg = c.fill;
    }
    auto size = scene::measure_text({0, 0}, c.text, st);
    double tx = c.chip ? x + (w - size.w) / 2 : x;
    s.text(Role::Text, t.id, {tx, y + (t.row_h - size.h) / 2}, c.text, st, c.chip ? text_on(bg) : ui::kMuted, bg);
    x += w + 4;
  }
  // Grid: row shading first, then the chips grouped by colour (they never
  // overlap, and a renderer draws a run of same-coloured chips as one path).
  double gy = at.y + grid_top(t);
  std::vector<std::pair<Rect, Color>> chips;
  for (size_t r = 1; r < t.rows.size(); r += 2)
    s.rect(Role::Mark, t.id, {at.x + 1, gy + t.row_h * static_cast<double>(r), at.w - 2, t.row_h}, ui::kRowAlt);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    double ry = gy + t.row_h * static_cast<double>(r);
    Color row_bg = r % 2 ? ui::kRowAlt : ui::kPaper;
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      const Cell& cell = t.rows[r][c];
      if (cell.text.empty()) continue;
      double cx = at.x + column_x(t, c);
      draw::TextStyle st = cell_style(cell);
      auto size = scene::measure_text({0, 0}, cell.text, st);
      Color bg = row_bg;
      double tx = cx;
      if (cell.chip) {
        double w = std::max(size.w + 6, style::kRowH);
        Rect box{cx, ry + 1, t.transposed ? t.col_width[c] : w, t.row_h - 2};
        chips.emplace_back(box, cell.fill);
        bg = cell.fill;
        tx = box.x + (box.w - size.w) / 2;
      } else if (t.transposed && c > 0) {
        tx = cx + (t.col_width[c] - size.w) / 2;
      }
      s.text(Role::Text, t.id, {tx, ry + (t.row_h - size.h) / 2}, cell.text, st, cell.chip ? text_on(bg) : ui::kInk, bg);
    }
  }
  std::stable_sort(chips.begin(), chips.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(a.second.r, a.second.g, a.second.b) < std::make_tuple(b.second.r, b.second.g, b.second.b);
  });
  for (const auto& [box, fill] : chips) s.rect(Role::Mark, t.id, box, fill, {}, 3);
}

}  // namespace wb::pinout
