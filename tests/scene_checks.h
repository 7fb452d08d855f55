#pragma once
// Checks on a laid-out scene shared by the diagram tests: where the board is,
// leader and wire paths, overlaps, contrast; and writing a scene out to look at.
#include <string>
#include <utility>
#include <vector>

#include "board/catalog.h"
#include "diagram/spec.h"
#include "scene/scene.h"

namespace wbtest {

// A board revision loaded from ROOT/boards (the catalog kept alive with it);
// fails the test with the diagnostics when it does not resolve.
struct Loaded {
  wb::Catalog catalog;
  wb::ResolvedBoard board;
};
Loaded load(const std::string& root, const std::string& spec);

// The project's own build spec diagrams/ID.xml with its resolved board (the
// catalog kept alive with them); fails the test when either does not load.
struct LoadedBuild {
  wb::Catalog catalog;
  wb::diagram::Build build;
  wb::ResolvedBoard board;
};
LoadedBuild load_project_build(const std::string& id);

// An empty build spec for tests to fill in: id, title, board (BOARD@REVISION)
// and supply voltage ("" when the test does not care).
wb::diagram::Build test_build(const std::string& id, const std::string& title, const std::string& board,
                              const std::string& vin = "");

using Boxes = std::vector<std::pair<std::string, wb::Rect>>;
using Paths = std::vector<std::pair<std::string, std::vector<wb::Point>>>;

wb::Rect shrink(const wb::Rect& r, double by);
wb::Rect grow(const wb::Rect& r, double by);
// Bounds of the board outline (the first Role::Board path); fails the test when there is none.
wb::Rect board_box(const wb::scene::Scene& s);
// Open paths of a role (leaders, wires) with their tags.
Paths paths(const wb::scene::Scene& s, wb::scene::Role role);
// Every item with this tag prefix, by tag.
std::vector<const wb::scene::Item*> tagged(const wb::scene::Scene& s, const std::string& prefix);
// The extent of an item (rectangle, circle, path or text).
wb::Rect extent(const wb::scene::Item& item);

// Every text has at least 4.5:1 contrast with what it sits on.
void check_contrast(const wb::scene::Scene& s);
// Every box of these roles lies on the canvas.
void check_on_canvas(const wb::scene::Scene& s, const std::vector<wb::scene::Role>& roles);
// No two texts overlap each other.
void check_texts_apart(const wb::scene::Scene& s);
// Label boxes overlap neither each other nor the board, titles or legend,
// and no leader runs through one.
void check_labels_clear(const wb::scene::Scene& s, bool has_board = true);

// All texts, one per line.
std::string all_text(const wb::scene::Scene& s);
// Renders the scene as PNG into $WIREBOOK_DIAGRAM_OUT/NAME.png when that variable is set.
void dump(const wb::scene::Scene& s, const std::string& name);

}  // namespace wbtest
