#include "scene/compose.h"

#include <algorithm>
#include <limits>

namespace wb::scene {

void translate(Scene& s, double dx, double dy) {
  auto move = [&](Point& p) { p.x += dx, p.y += dy; };
  for (auto& item : s.items) {
    if (auto* r = std::get_if<RectShape>(&item.shape)) r->rect.x += dx, r->rect.y += dy;
    if (auto* c = std::get_if<CircleShape>(&item.shape)) move(c->center);
    if (auto* p = std::get_if<PathShape>(&item.shape))
      for (auto& pt : p->points) move(pt);
    if (auto* t = std::get_if<TextShape>(&item.shape)) {
      move(t->top_left);
      t->box.x += dx, t->box.y += dy;
    }
  }
}

void append(Scene& into, Scene from, double dx, double dy) {
  translate(from, dx, dy);
  into.items.insert(into.items.end(), std::make_move_iterator(from.items.begin()),
                    std::make_move_iterator(from.items.end()));
}

Rect bounds(const Scene& s) {
  const double inf = std::numeric_limits<double>::infinity();
  double x0 = inf, y0 = inf, x1 = -inf, y1 = -inf;
  auto add = [&](double ax, double ay, double bx, double by) {
    x0 = std::min(x0, ax), y0 = std::min(y0, ay), x1 = std::max(x1, bx), y1 = std::max(y1, by);
  };
  for (const auto& item : s.items) {
    if (auto* r = std::get_if<RectShape>(&item.shape)) {
      double h = r->stroke.visible() ? r->stroke.width / 2 : 0;
      add(r->rect.x - h, r->rect.y - h, r->rect.right() + h, r->rect.bottom() + h);
    } else if (auto* c = std::get_if<CircleShape>(&item.shape)) {
      double e = c->radius + (c->stroke.visible() ? c->stroke.width / 2 : 0);
      add(c->center.x - e, c->center.y - e, c->center.x + e, c->center.y + e);
    } else if (auto* p = std::get_if<PathShape>(&item.shape)) {
      double h = p->stroke.visible() ? p->stroke.width / 2 : 0;
      for (const auto& pt : p->points) add(pt.x - h, pt.y - h, pt.x + h, pt.y + h);
    } else if (auto* t = std::get_if<TextShape>(&item.shape)) {
      add(t->box.x, t->box.y, t->box.right(), t->box.bottom());
    }
  }
  if (x0 > x1) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace wb::scene
