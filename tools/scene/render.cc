#include "scene/render.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>

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

void draw_item(cairo_t* cr, const Item& item) {
  if (auto* r = std::get_if<RectShape>(&item.shape)) {
    const Rect& b = r->rect;
    if (r->radius > 0) rounded_polygon(cr, {{b.x, b.y}, {b.right(), b.y}, {b.right(), b.bottom()}, {b.x, b.bottom()}}, r->radius);
    else cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    fill_and_stroke(cr, r->fill, r->stroke);
  } else if (auto* c = std::get_if<CircleShape>(&item.shape)) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, c->center.x, c->center.y, c->radius, 0, 2 * M_PI);
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

}  // namespace

std::string render(const Scene& scene, draw::Format format, double scale) {
  draw::Canvas canvas(format, scene.width, scene.height, scale);
  canvas.fill_background(scene.background);
  cairo_t* cr = canvas.cr();
  for (const auto& item : scene.items) draw_item(cr, item);
  return canvas.finish();
}

}  // namespace wb::scene
