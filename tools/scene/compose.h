#pragma once
// Putting scenes together: layouts often draw a part (a board, a title band)
// at the origin, measure it, then move it into place.
#include "scene/scene.h"

namespace wb::scene {

// Moves every item by (dx, dy).
void translate(Scene& s, double dx, double dy);
// Appends the items of `from`, moved by (dx, dy), to `into`.
void append(Scene& into, Scene from, double dx, double dy);
// The smallest rectangle holding every item (text by its measured box,
// strokes included); {0,0,0,0} for an empty scene.
Rect bounds(const Scene& s);

}  // namespace wb::scene
