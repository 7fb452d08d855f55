#include "board/geometry.h"

#include <algorithm>
#include <cmath>

namespace wb {

bool point_in_polygon(const Point& p, const std::vector<Point>& poly) {
  bool inside = false;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    const Point &a = poly[i], &b = poly[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

namespace {

double cross(const Point& o, const Point& a, const Point& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Whether q falls in the sliver a rounded corner cuts off at vertex v.
bool cut_by_corner(const Point& q, const Point& prev, const Point& v, const Point& next, double radius) {
  double ax = prev.x - v.x, ay = prev.y - v.y, bx = next.x - v.x, by = next.y - v.y;
  double la = std::hypot(ax, ay), lb = std::hypot(bx, by);
  if (la == 0 || lb == 0) return false;
  ax /= la, ay /= la, bx /= lb, by /= lb;
  double cos_t = std::clamp(ax * bx + ay * by, -1.0, 1.0);
  double theta = std::acos(cos_t);  // angle between the two edges at v
  if (theta < 1e-6 || theta > M_PI - 1e-6) return false;
  double along = radius / std::tan(theta / 2);  // from v to the tangent points
  double centre_dist = radius / std::sin(theta / 2);
  double mx = ax + bx, my = ay + by, lm = std::hypot(mx, my);
  Point c{v.x + mx / lm * centre_dist, v.y + my / lm * centre_dist};
  Point t1{v.x + ax * along, v.y + ay * along}, t2{v.x + bx * along, v.y + by * along};
  // Inside the kite v-t1-c-t2 but farther than the radius from c.
  std::vector<Point> kite = {v, t1, c, t2};
  if (!point_in_polygon(q, kite)) return false;
  return std::hypot(q.x - c.x, q.y - c.y) > radius + 1e-9;
}

}  // namespace

bool rect_inside_outline(const Rect& r, const Outline& outline, double slack) {
  const double tol = 0.05 + slack;
  // Shrink by the allowed slack; a body smaller than that shrinks to its centre line.
  Rect in{r.w > 2 * tol ? r.x + tol : r.x + r.w / 2, r.h > 2 * tol ? r.y + tol : r.y + r.h / 2,
          std::max(0.0, r.w - 2 * tol), std::max(0.0, r.h - 2 * tol)};
  std::vector<Point> corners = {{in.x, in.y}, {in.right(), in.y}, {in.right(), in.bottom()}, {in.x, in.bottom()}};
  const auto& poly = outline.points;
  for (const auto& c : corners)
    if (!point_in_polygon(c, poly)) return false;
  // A concave outline can reach into the rectangle between its corners.
  for (const auto& v : poly)
    if (v.x > in.x && v.x < in.right() && v.y > in.y && v.y < in.bottom()) return false;
  if (outline.corner_radius > 0) {
    size_t n = poly.size();
    // Orientation tells convex corners (rounded) from concave ones.
    double area = 0;
    for (size_t i = 0; i < n; ++i) area += cross({0, 0}, poly[i], poly[(i + 1) % n]);
    for (size_t i = 0; i < n; ++i) {
      const Point &prev = poly[(i + n - 1) % n], &v = poly[i], &next = poly[(i + 1) % n];
      bool convex = (cross(prev, v, next) > 0) == (area > 0);
      if (!convex) continue;
      for (const auto& c : corners)
        if (cut_by_corner(c, prev, v, next, outline.corner_radius)) return false;
    }
  }
  return true;
}

double overlap_depth(const Rect& a, const Rect& b) {
  double dx = std::min(a.right(), b.right()) - std::max(a.x, b.x);
  double dy = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
  return std::min(dx, dy);
}

bool rects_overlap(const Rect& a, const Rect& b, double tolerance) { return overlap_depth(a, b) > tolerance; }

bool segments_cross(const Point& a, const Point& b, const Point& c, const Point& d) {
  double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

bool segment_hits_rect(const Point& p, const Point& q, const Rect& r) {
  // Liang-Barsky clipping against the open rectangle.
  double t0 = 0, t1 = 1, dx = q.x - p.x, dy = q.y - p.y;
  const double eps = 1e-9;
  auto clip = [&](double num, double den) {
    if (std::abs(den) < 1e-12) return num > eps;  // parallel: inside the slab?
    double t = num / den;
    if (den > 0) t1 = std::min(t1, t);
    else t0 = std::max(t0, t);
    return t0 < t1;
  };
  return clip(p.x - r.x, -dx) && clip(r.right() - p.x, dx) && clip(p.y - r.y, -dy) && clip(r.bottom() - p.y, dy) &&
         t1 - t0 > eps;
}

}  // namespace wb
