#include "scene/render.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <map>
#include <string_view>
#include <thread>

#include "draw/pdf_layers.h"
#include "draw/svg_layers.h"
#include "scene/dot_rows.h"
#include "scene/text_order.h"

namespace wb::scene {
namespace {

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void fill_and_stroke(cairo_t* cr, const std::optional<Color>& fill, const Stroke& stroke) {
  if (fill) {
    set_color(cr, *fill);
    if (stroke.visible()) cairo_fill_preserve(cr);
    else cairo_fill(cr);
  }
  if (stroke.visible()) {
    set_color(cr, stroke.color);
    cairo_set_line_width(cr, stroke.width);
    cairo_set_dash(cr, stroke.dash.data(), static_cast<int>(stroke.dash.size()), 0);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
  }
  cairo_new_path(cr);
}

void rounded_polygon(cairo_t* cr, const std::vector<Point>& pts, double radius) {
  size_t n = pts.size();
  if (radius <= 0) {
    for (size_t i = 0; i < n; ++i) {
      if (i == 0) cairo_move_to(cr, pts[i].x, pts[i].y);
      else cairo_line_to(cr, pts[i].x, pts[i].y);
    }
    cairo_close_path(cr);
    return;
  }
  // Each corner becomes a tangent arc between the two edges.
  for (size_t i = 0; i < n; ++i) {
    const Point &prev = pts[(i + n - 1) % n], &v = pts[i], &next = pts[(i + 1) % n];
    double ax = prev.x - v.x, ay = prev.y - v.y, bx = next.x - v.x, by = next.y - v.y;
    double la = std::hypot(ax, ay), lb = std::hypot(bx, by);
    double theta = std::acos(std::clamp((ax * bx + ay * by) / (la * lb), -1.0, 1.0));
    double along = std::min({radius / std::tan(theta / 2), la / 2, lb / 2});
    Point t1{v.x + ax / la * along, v.y + ay / la * along}, t2{v.x + bx / lb * along, v.y + by / lb * along};
    if (i == 0) cairo_move_to(cr, t1.x, t1.y);
    else cairo_line_to(cr, t1.x, t1.y);
    // A circular arc of angle (pi - theta) as one cubic: handles of length
    // r * 4/3 * tan(arc/4), where r = along / tan(arc/2).
    double arc = M_PI - theta;
    double h = along * (4.0 / 3.0) * std::tan(arc / 4) / std::max(1e-9, std::tan(arc / 2));
    cairo_curve_to(cr, t1.x + (v.x - t1.x) * (h / along), t1.y + (v.y - t1.y) * (h / along),
                   t2.x + (v.x - t2.x) * (h / along), t2.y + (v.y - t2.y) * (h / along), t2.x, t2.y);
  }
  cairo_close_path(cr);
}

// A circle as four cubic curves, the same in every format whatever the
// tolerance (cairo_arc would split it by the tolerance).
void circle(cairo_t* cr, Point c, double r) {
  const double k = r * 0.5522847498;  // handle length of a quarter-circle cubic
  cairo_move_to(cr, c.x + r, c.y);
  cairo_curve_to(cr, c.x + r, c.y + k, c.x + k, c.y + r, c.x, c.y + r);
  cairo_curve_to(cr, c.x - k, c.y + r, c.x - r, c.y + k, c.x - r, c.y);
  cairo_curve_to(cr, c.x - r, c.y - k, c.x - k, c.y - r, c.x, c.y - r);
  cairo_curve_to(cr, c.x + k, c.y - r, c.x + r, c.y - k, c.x + r, c.y);
  cairo_close_path(cr);
}

// A filled disc as a zero-length line with round caps: in SVG and PDF that is
// four numbers instead of four Bezier curves, and a diagram has hundreds of pins.
void dot(cairo_t* cr, Point c, double diameter, const Color& color) {
  if (diameter <= 0) return;
  set_color(cr, color);
  cairo_set_line_width(cr, diameter);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to(cr, c.x, c.y);
  cairo_line_to(cr, c.x, c.y);
  cairo_stroke(cr);
}

// A rounded box whose border can be painted as two nested rounded boxes:
// solid, opaque, and no wider than twice the corner radius.
bool outlined_box(const RectShape& r, double radius) {
  return r.fill && r.fill->a >= 1 && r.stroke.visible() && r.stroke.color.a >= 1 && r.stroke.dash.empty() &&
         r.stroke.width <= 2 * radius;
}

void draw_item(cairo_t* cr, const Item& item) {
  if (auto* r = std::get_if<RectShape>(&item.shape)) {
    const Rect& b = r->rect;
    double radius = std::min({r->radius, b.w / 2, b.h / 2});
    if (radius > 0 && r->fill && !r->stroke.visible()) {
      // A filled rounded box: the inset rectangle, filled and stroked with
      // round joins as wide as the corner radius (again fewer numbers).
      set_color(cr, *r->fill);
      cairo_rectangle(cr, b.x + radius, b.y + radius, b.w - 2 * radius, b.h - 2 * radius);
      cairo_fill_preserve(cr);
      cairo_set_line_width(cr, 2 * radius);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke(cr);
      return;
    }
    if (radius > 0 && outlined_box(*r, radius)) {
      // A filled rounded box with a solid border: the border's outer edge is
      // a rounded box of radius r + w/2, its inner edge one of radius r - w/2,
      // both around the same inset rectangle; paint the outer in the border
      // colour, then the inner in the fill. Eight numbers instead of thirty
      // curve coordinates, and no curves for cairo's PDF writer to analyse.
      double w = r->stroke.width;
      cairo_rectangle(cr, b.x + radius, b.y + radius, b.w - 2 * radius, b.h - 2 * radius);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      set_color(cr, r->stroke.color);
      cairo_set_line_width(cr, 2 * radius + w);
      cairo_stroke_preserve(cr);
      set_color(cr, *r->fill);
      if (2 * radius - w <= 0) {  // a zero-width line would be a hairline in PDF
        cairo_fill(cr);
        return;
      }
      cairo_fill_preserve(cr);
      cairo_set_line_width(cr, 2 * radius - w);
      cairo_stroke(cr);
      return;
    }
    if (radius > 0) rounded_polygon(cr, {{b.x, b.y}, {b.right(), b.y}, {b.right(), b.bottom()}, {b.x, b.bottom()}}, radius);
    else cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    fill_and_stroke(cr, r->fill, r->stroke);
  } else if (auto* c = std::get_if<CircleShape>(&item.shape)) {
    if (c->stroke.visible() && c->stroke.dash.empty()) {
      dot(cr, c->center, 2 * c->radius + c->stroke.width, c->stroke.color);
      if (c->fill) dot(cr, c->center, 2 * c->radius - c->stroke.width, *c->fill);
      return;
    }
    if (!c->stroke.visible() && c->fill) {
      dot(cr, c->center, 2 * c->radius, *c->fill);
      return;
    }
    circle(cr, c->center, c->radius);
    fill_and_stroke(cr, c->fill, c->stroke);
  } else if (auto* p = std::get_if<PathShape>(&item.shape)) {
    if (p->points.empty()) return;
    if (p->closed) {
      rounded_polygon(cr, p->points, p->corner_radius);
    } else {
      cairo_move_to(cr, p->points[0].x, p->points[0].y);
      for (size_t i = 1; i < p->points.size(); ++i) cairo_line_to(cr, p->points[i].x, p->points[i].y);
    }
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    fill_and_stroke(cr, p->closed ? p->fill : std::nullopt, p->stroke);
  } else if (auto* t = std::get_if<TextShape>(&item.shape)) {
    set_color(cr, t->color);
    draw::TextEngine::instance().draw(cr, t->top_left.x, t->top_left.y, t->text, t->style);
  }
}

// Plain filled discs or rectangles of one colour in a row, or open lines of
// one opaque colour and width: one path, one fill or stroke. Output is the
// same as drawing them one by one: discs and rectangles do not overlap
// (which is how the layouts emit them), and where lines of one opaque colour
// cross, which one is on top cannot show.
bool batchable(const Item& a, const Item& b) {
  auto* ca = std::get_if<CircleShape>(&a.shape);
  auto* cb = std::get_if<CircleShape>(&b.shape);
  if (ca && cb)
    return !ca->stroke.visible() && !cb->stroke.visible() && ca->fill && cb->fill && *ca->fill == *cb->fill &&
           ca->radius == cb->radius;
  auto* pa = std::get_if<PathShape>(&a.shape);
  auto* pb = std::get_if<PathShape>(&b.shape);
  if (pa && pb)  // lines of one solid colour and width, such as leaders
    return !pa->closed && !pb->closed && pa->stroke.visible() && pa->stroke.dash.empty() && pb->stroke.dash.empty() &&
           pa->stroke.color == pb->stroke.color && pa->stroke.color.a >= 1 && pa->stroke.width == pb->stroke.width;
  auto* ra = std::get_if<RectShape>(&a.shape);
  auto* rb = std::get_if<RectShape>(&b.shape);
  if (ra && rb)
    return !ra->stroke.visible() && !rb->stroke.visible() && ra->fill && rb->fill && *ra->fill == *rb->fill &&
           ra->radius == rb->radius && a.role == b.role && (a.role == Role::Pin || a.role == Role::Mark) &&
           std::min({ra->rect.w, ra->rect.h, rb->rect.w, rb->rect.h}) >= 2 * ra->radius;
  return false;
}

// The items of a scene a Drawer draws, in its order, without copying them.
using Items = std::vector<const Item*>;

size_t batch_length(const Items& items, size_t i) {
  size_t n = 1;
  while (i + n < items.size() && batchable(*items[i], *items[i + n])) ++n;
  return n;
}

// Dots of one colour and size: rows of evenly spaced dots (the pins of a
// header) as dashed lines of zero-length round-capped dashes, one stroke per
// spacing, and the other dots as zero-length lines.
void draw_dots(cairo_t* cr, const Items& items, size_t first, size_t count) {
  const auto& c0 = std::get<CircleShape>(items[first]->shape);
  set_color(cr, *c0.fill);
  cairo_set_line_width(cr, 2 * c0.radius);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  // Rows within one part (items of one tag): its pins, at its pitch.
  std::map<std::string_view, std::vector<Point>> centres;
  for (size_t k = first; k < first + count; ++k)
    centres[items[k]->tag].push_back(std::get<CircleShape>(items[k]->shape).center);
  std::vector<DotRow> rows;
  for (const auto& [tag, points] : centres)
    for (const DotRow& row : dot_rows(points, 2)) rows.push_back(row);
  // Spacings within this of each other are one (they differ by rounding).
  constexpr double kSame = 1e-6;
  auto spacing_of = [](const DotRow& r) { return std::abs(r.step.x) + std::abs(r.step.y); };
  bool singles = false;
  std::vector<double> spacings;
  for (const DotRow& r : rows) {
    if (r.count == 1) {
      cairo_move_to(cr, r.first.x, r.first.y);
      cairo_line_to(cr, r.first.x, r.first.y);
      singles = true;
    } else if (std::none_of(spacings.begin(), spacings.end(),
                            [&](double s) { return std::abs(s - spacing_of(r)) < kSame; })) {
      spacings.push_back(spacing_of(r));
    }
  }
  if (singles) cairo_stroke(cr);
  for (double spacing : spacings) {
    double dash[2] = {0, spacing};
    cairo_set_dash(cr, dash, 2, 0);
    for (const DotRow& r : rows) {
      if (r.count == 1 || std::abs(spacing_of(r) - spacing) >= kSame) continue;
      // Half a step past the last dot, so that rounding cannot lose it.
      double to = r.count - 0.5;
      cairo_move_to(cr, r.first.x, r.first.y);
      cairo_line_to(cr, r.first.x + r.step.x * to, r.first.y + r.step.y * to);
    }
    cairo_stroke(cr);
  }
  cairo_set_dash(cr, nullptr, 0, 0);
}

void draw_batch(cairo_t* cr, const Items& items, size_t first, size_t count) {
  if (std::holds_alternative<CircleShape>(items[first]->shape)) return draw_dots(cr, items, first, count);
  if (auto* p0 = std::get_if<PathShape>(&items[first]->shape)) {
    for (size_t k = first; k < first + count; ++k) {
      const auto& points = std::get<PathShape>(items[k]->shape).points;
      if (points.empty()) continue;
      cairo_move_to(cr, points[0].x, points[0].y);
      for (size_t i = 1; i < points.size(); ++i) cairo_line_to(cr, points[i].x, points[i].y);
    }
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    set_color(cr, p0->stroke.color);
    cairo_set_line_width(cr, p0->stroke.width);
    cairo_stroke(cr);
    return;
  }
  const auto& r0 = std::get<RectShape>(items[first]->shape);
  set_color(cr, *r0.fill);
  for (size_t k = first; k < first + count; ++k) {
    const Rect& b = std::get<RectShape>(items[k]->shape).rect;
    double radius = std::min({r0.radius, b.w / 2, b.h / 2});
    cairo_rectangle(cr, b.x + radius, b.y + radius, b.w - 2 * radius, b.h - 2 * radius);
  }
  if (r0.radius <= 0) {
    cairo_fill(cr);
    return;
  }
  // Rounded corners: the inset rectangles stroked with round joins.
  cairo_fill_preserve(cr);
  cairo_set_line_width(cr, 2 * r0.radius);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
}

// Vertical extent of what an item may paint, in canvas units, generously:
// strokes, round caps and joins, antialiasing and glyphs reaching past their
// measured box all fit inside. Only used to skip items far from a strip.
std::pair<double, double> vertical_extent(const Item& item) {
  auto widen = [](double top, double bottom, double by) { return std::make_pair(top - by, bottom + by); };
  if (auto* r = std::get_if<RectShape>(&item.shape)) return widen(r->rect.y, r->rect.bottom(), r->stroke.width + 2);
  if (auto* c = std::get_if<CircleShape>(&item.shape))
    return widen(c->center.y - c->radius, c->center.y + c->radius, c->stroke.width + 2);
  if (auto* p = std::get_if<PathShape>(&item.shape)) {
    if (p->points.empty()) return {0, 0};
    double top = p->points[0].y, bottom = top;
    for (const auto& pt : p->points) top = std::min(top, pt.y), bottom = std::max(bottom, pt.y);
    // A miter or round join never reaches further than a few line widths.
    return widen(top, bottom, 4 * p->stroke.width + 2);
  }
  const auto& t = std::get<TextShape>(item.shape);
  return widen(t.box.y, t.box.bottom(), t.style.size + 2);
}

constexpr double kHuge = 1e300;  // beyond any canvas: no culling

// Draws a scene's items in order (shapes, then texts), skipping runs of
// items that end above `top` or start below `bottom` when extents are known.
class Drawer {
 public:
  // `cull`: extents are computed so that strips can skip items (PNG).
  Drawer(const Scene& scene, bool cull, TextOrder order = TextOrder::Scene) {
    // Shapes first, then all text on top: PDF and SVG output switch between
    // graphics and text far less often, which more than halves their cost.
    // Layouts never put a shape over text, so the picture is the same.
    for (const auto& item : scene.items)
      (std::holds_alternative<TextShape>(item.shape) ? texts_ : shapes_).push_back(&item);
    if (order == TextOrder::ByColour) text_order_ = colour_grouped_order(texts_);
    if (!cull) return;
    for (const Item* item : shapes_) shape_extent_.push_back(vertical_extent(*item));
    for (const Item* item : texts_) text_extent_.push_back(vertical_extent(*item));
  }

  void operator()(cairo_t* cr, double top, double bottom) const {
    draw_shapes(cr, top, bottom);
    draw_texts(cr, top, bottom);
  }
  size_t shape_count() const { return shapes_.size(); }
  size_t text_count() const { return texts_.size(); }
  void draw_shapes(cairo_t* cr, double top, double bottom) const { draw_shapes(cr, 0, shapes_.size(), top, bottom); }
  // Shapes [from, to) in scene order.
  void draw_shapes(cairo_t* cr, size_t from, size_t to, double top = -kHuge, double bottom = kHuge) const {
    draw_list(cr, shapes_, shape_extent_, from, to, top, bottom);
  }
  void draw_texts(cairo_t* cr, double top, double bottom) const {
    if (text_order_.empty()) return draw_list(cr, texts_, text_extent_, 0, texts_.size(), top, bottom);
    draw::TextEngine::Batch batch(draw::TextEngine::instance());
    const Color* colour = nullptr;
    auto flush = [&] {
      set_color(cr, *colour);
      batch.draw(cr);
    };
    for (size_t i : text_order_) {
      const auto& t = std::get<TextShape>(texts_[i]->shape);
      if (colour && !(*colour == t.color)) flush();
      colour = &t.color;
      batch.add(t.top_left.x, t.top_left.y, t.text, t.style);
    }
    if (colour) flush();
  }

 private:
  static void draw_list(cairo_t* cr, const Items& items, const std::vector<std::pair<double, double>>& extent,
                        size_t from, size_t to, double top, double bottom) {
    for (size_t i = from; i < to;) {
      size_t run = std::min(batch_length(items, i), to - i);
      bool visible = extent.empty();
      for (size_t k = i; k < i + run && !visible; ++k) visible = extent[k].second >= top && extent[k].first <= bottom;
      if (visible) {
        cairo_save(cr);
        if (run > 1) draw_batch(cr, items, i, run);
        else draw_item(cr, *items[i]);
        cairo_restore(cr);
      }
      i += run;
    }
  }
  Items shapes_, texts_;
  std::vector<std::pair<double, double>> shape_extent_, text_extent_;
  std::vector<size_t> text_order_;  // empty: one text at a time, in scene order
};

// Draws a document as two at once, the lower one (over the background) on
// a helper thread, and stacks them into one. Should they not stack, draws
// the whole document on one surface.
using Part = std::function<void(cairo_t*)>;
using Stack = std::optional<std::string> (*)(std::string_view below, std::string_view above);

std::string render_in_two(const Scene& scene, draw::Format format, const Drawer& drawer, const Part& lower,
                          const Part& upper, Stack stack) {
  std::string below;
  std::exception_ptr failure;
  std::jthread helper([&] {
    try {
      draw::Canvas canvas(format, scene.width, scene.height);
      canvas.fill_background(scene.background);
      lower(canvas.cr());
      below = canvas.finish();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  draw::Canvas above(format, scene.width, scene.height);
  upper(above.cr());
  std::string top = above.finish();
  helper.join();
  if (failure) std::rethrow_exception(failure);
  if (auto stacked = stack(below, top)) return std::move(*stacked);
  draw::Canvas whole(format, scene.width, scene.height);
  whole.fill_background(scene.background);
  drawer(whole.cr(), 0, scene.height);
  return whole.finish();
}

// An SVG is drawn as two documents at once, the shapes on one core and the
// text on the other, then stacked (draw::stack_svg_layers): the same bytes
// as one document drawn whole, in about 60% of the time, since cairo's SVG
// writer is most of a render. The stacking refuses shapes that need
// definitions.
std::string render_svg(const Scene& scene) {
  Drawer drawer(scene, false, TextOrder::ByColour);
  return render_in_two(
      scene, draw::Format::Svg, drawer, [&](cairo_t* cr) { drawer.draw_shapes(cr, 0, scene.height); },
      [&](cairo_t* cr) { drawer.draw_texts(cr, 0, scene.height); }, draw::stack_svg_layers);
}

// A PDF is drawn as two documents at once, then stacked into one
// (draw::stack_pdf_layers): below, the background and the first shapes;
// above, the other shapes and all text, in scene order, which is the order
// readers extract the text in. cairo's PDF writer is most of a render, and
// the split takes half of it off the critical path.
std::string render_pdf(const Scene& scene) {
  Drawer drawer(scene, false);
  // A text costs cairo's PDF writer about twice what a shape does (the
  // Octopus Pro's 518 texts 3.4 ms, its 1,600 shapes 5.6 ms): split so that
  // both halves take about as long.
  size_t split = std::min(drawer.shape_count(), (drawer.shape_count() + 2 * drawer.text_count()) / 2);
  return render_in_two(
      scene, draw::Format::Pdf, drawer, [&](cairo_t* cr) { drawer.draw_shapes(cr, 0, split); },
      [&](cairo_t* cr) {
        drawer.draw_shapes(cr, split, drawer.shape_count());
        drawer.draw_texts(cr, -kHuge, kHuge);
      },
      draw::stack_pdf_layers);
}

}  // namespace

void draw(const Scene& scene, cairo_t* cr, TextOrder order) { Drawer(scene, false, order)(cr, 0, scene.height); }

std::string render(const Scene& scene, draw::Format format, double scale) {
  if (format == draw::Format::Svg) return render_svg(scene);
  if (format == draw::Format::Pdf && scale == 1) return render_pdf(scene);
  draw::Canvas canvas(format, scene.width, scene.height, scale);
  canvas.fill_background(scene.background);
  // A PNG is drawn a strip of rows at a time (Canvas::finish_in_bands): a
  // run of items that does not reach the strip is skipped, which leaves the
  // pixels exactly as drawing it would.
  if (format == draw::Format::Png) return canvas.finish_in_bands(Drawer(scene, true));
  Drawer(scene, false)(canvas.cr(), 0, scene.height);
  return canvas.finish();
}

}  // namespace wb::scene
