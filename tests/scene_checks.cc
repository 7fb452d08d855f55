#include "scene_checks.h"

#include <catch2/catch.hpp>

#include <cstdlib>

#include "board/geometry.h"
#include "draw/canvas.h"
#include "scene/render.h"
#include "support.h"

using namespace wb;
using scene::Role;

namespace wbtest {

Rect shrink(const Rect& r, double by) { return {r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by}; }
Rect grow(const Rect& r, double by) { return shrink(r, -by); }

Rect board_box(const scene::Scene& s) {
  for (const auto& item : s.items)
    if (item.role == Role::Board)
      if (auto* p = std::get_if<scene::PathShape>(&item.shape)) {
        Outline o;
        o.points = p->points;
        return o.bounds();
      }
  FAIL("no board outline in the scene");
  return {};
}

Paths paths(const scene::Scene& s, Role role) {
  Paths out;
  for (const auto& item : s.items)
    if (item.role == role)
      if (auto* p = std::get_if<scene::PathShape>(&item.shape))
        if (!p->closed) out.emplace_back(item.tag, p->points);
  return out;
}

std::vector<const scene::Item*> tagged(const scene::Scene& s, const std::string& prefix) {
  std::vector<const scene::Item*> out;
  for (const auto& item : s.items)
    if (item.tag.rfind(prefix, 0) == 0) out.push_back(&item);
  return out;
}

Rect extent(const scene::Item& item) {
  if (auto* r = std::get_if<scene::RectShape>(&item.shape)) return r->rect;
  if (auto* c = std::get_if<scene::CircleShape>(&item.shape))
    return {c->center.x - c->radius, c->center.y - c->radius, 2 * c->radius, 2 * c->radius};
  if (auto* t = std::get_if<scene::TextShape>(&item.shape)) return t->box;
  const auto& p = std::get<scene::PathShape>(item.shape);
  Outline o;
  o.points = p.points;
  return o.bounds();
}

void check_contrast(const scene::Scene& s) {
  for (const auto* t : s.texts()) {
    if (t->text.empty()) continue;
    INFO("text '" << t->text << "' " << t->color.hex() << " on " << t->background.hex());
    CHECK(draw::contrast_ratio(t->color, t->background) >= 4.5);
  }
}

void check_on_canvas(const scene::Scene& s, const std::vector<Role>& roles) {
  for (Role role : roles)
    for (const auto& [tag, r] : s.boxes(role)) {
      INFO(tag);
      CHECK(r.x >= 0);
      CHECK(r.y >= 0);
      CHECK(r.right() <= s.width);
      CHECK(r.bottom() <= s.height);
    }
}

void check_texts_apart(const scene::Scene& s) {
  auto texts = s.texts();
  for (size_t i = 0; i < texts.size(); ++i)
    for (size_t j = i + 1; j < texts.size(); ++j) {
      if (texts[i]->text.empty() || texts[j]->text.empty()) continue;
      INFO("'" << texts[i]->text << "' and '" << texts[j]->text << "'");
      CHECK_FALSE(rects_overlap(texts[i]->box, texts[j]->box, 0.01));
    }
}

void check_labels_clear(const scene::Scene& s, bool has_board) {
  auto labels = s.boxes(Role::Label);
  auto titles = s.boxes(Role::Title);
  auto legend = s.boxes(Role::Legend);
  for (size_t i = 0; i < labels.size(); ++i) {
    INFO("label " << labels[i].first);
    if (has_board) CHECK_FALSE(rects_overlap(labels[i].second, board_box(s)));
    for (size_t j = i + 1; j < labels.size(); ++j) {
      INFO("and " << labels[j].first);
      CHECK_FALSE(rects_overlap(labels[i].second, labels[j].second));
    }
    for (const auto* group : {&titles, &legend})
      for (const auto& [tag, r] : *group) {
        INFO("and " << tag);
        CHECK_FALSE(rects_overlap(labels[i].second, r));
      }
  }
  for (const auto& [part, pts] : paths(s, Role::Leader))
    for (size_t k = 0; k + 1 < pts.size(); ++k)
      for (const auto& [tag, r] : labels) {
        INFO("leader of " << part << " and label " << tag);
        CHECK_FALSE(segment_hits_rect(pts[k], pts[k + 1], shrink(r, 0.5)));
      }
}

std::string all_text(const scene::Scene& s) {
  std::string out;
  for (const auto* t : s.texts()) out += t->text + "\n";
  return out;
}

void dump(const scene::Scene& s, const std::string& name) {
  const char* dir = std::getenv("WIREBOOK_DIAGRAM_OUT");
  if (!dir || !*dir) return;
  write_file(std::string(dir) + "/" + name + ".png", scene::render(s, draw::Format::Png, 1.0));
}

Loaded load(const std::string& root, const std::string& spec) {
  Loaded l;
  wb::Diagnostics d;
  l.catalog = wb::Catalog::load(root, d);
  auto r = l.catalog.resolve(*wb::parse_board_spec(spec), d);
  INFO(d.str());
  REQUIRE(r);
  l.board = *r;
  return l;
}

wb::diagram::Build test_build(const std::string& id, const std::string& title, const std::string& board,
                              const std::string& vin) {
  wb::diagram::Build b;
  b.id = id;
  b.title = title;
  if (!board.empty()) b.board = *wb::parse_board_spec(board);
  b.vin = vin;
  return b;
}

LoadedBuild load_project_build(const std::string& id) {
  LoadedBuild l;
  wb::Diagnostics d;
  l.catalog = wb::Catalog::load(source(""), d);
  auto build = wb::diagram::read_build(source("diagrams/" + id + ".xml"), l.catalog, d);
  INFO(d.str());
  REQUIRE(build);
  auto board = wb::diagram::resolve_board(*build, l.catalog, d);
  REQUIRE(board);
  l.build = std::move(*build);
  l.board = std::move(*board);
  return l;
}

}  // namespace wbtest
