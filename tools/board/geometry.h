#pragma once
// Plane geometry for board checks and layout: containment in a (rounded)
// outline and rectangle overlap.
#include "board/model.h"

namespace wb {

bool point_in_polygon(const Point& p, const std::vector<Point>& polygon);
// Whether the rectangle lies inside the outline, rounded corners included,
// allowing `slack` mm of protrusion.
bool rect_inside_outline(const Rect& r, const Outline& outline, double slack);
// Depth of the overlap along each axis; both positive means the rectangles overlap.
double overlap_depth(const Rect& a, const Rect& b);
bool rects_overlap(const Rect& a, const Rect& b, double tolerance = 0);
// Whether segment p-q passes through the interior of rectangle r.
bool segment_hits_rect(const Point& p, const Point& q, const Rect& r);
bool segments_cross(const Point& a, const Point& b, const Point& c, const Point& d);

}  // namespace wb
