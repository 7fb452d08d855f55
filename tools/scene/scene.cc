#include "scene/scene.h"

namespace wb::scene {

void Scene::rect(Role role, const std::string& tag, const Rect& r, std::optional<Color> fill, Stroke stroke,
                 double radius) {
  items.push_back({role, tag, RectShape{r, radius, fill, stroke}});
}

void Scene::circle(Role role, const std::string& tag, Point c, double radius, std::optional<Color> fill,
                   Stroke stroke) {
  items.push_back({role, tag, CircleShape{c, radius, fill, stroke}});
}

void Scene::path(Role role, const std::string& tag, std::vector<Point> points, bool closed, std::optional<Color> fill,
                 Stroke stroke, double corner_radius) {
  items.push_back({role, tag, PathShape{std::move(points), closed, corner_radius, fill, stroke}});
}

Rect measure_text(Point top_left, const std::string& text, const TextStyle& style) {
  auto size = draw::TextEngine::instance().measure(text, style);
  return {top_left.x, top_left.y, size.width, size.height};
}

Rect Scene::text(Role role, const std::string& tag, Point p, const std::string& s, const TextStyle& style,
                 Color color, Color background) {
  Rect box = measure_text(p, s, style);
  items.push_back({role, tag, TextShape{p, s, style, color, background, box}});
  return box;
}

std::vector<std::pair<std::string, Rect>> Scene::boxes(Role role) const {
  std::vector<std::pair<std::string, Rect>> out;
  for (const auto& item : items) {
    if (item.role != role) continue;
    if (auto* r = std::get_if<RectShape>(&item.shape)) out.emplace_back(item.tag, r->rect);
    if (auto* t = std::get_if<TextShape>(&item.shape)) out.emplace_back(item.tag, t->box);
  }
  return out;
}

std::vector<const TextShape*> Scene::texts() const {
  std::vector<const TextShape*> out;
  for (const auto& item : items)
    if (auto* t = std::get_if<TextShape>(&item.shape)) out.push_back(t);
  return out;
}

}  // namespace wb::scene
