// Two PDF documents stacked into one (the renderer draws a PDF in two
// halves on two cores): read back with poppler-utils, as a user's viewer
// would, and compared with the same drawing on one surface.
#include <catch2/catch.hpp>

#include <string>

#include "draw/canvas.h"
#include "draw/fonts.h"
#include "draw/pdf_layers.h"
#include "scene/render.h"
#include "scene/scene.h"
#include "support.h"

using namespace wb;
using namespace wb::draw;
using wbtest::poppler;

namespace {

void shapes(cairo_t* cr, double alpha = 1) {
  cairo_set_source_rgba(cr, 0.776, 0.157, 0.157, alpha);
  cairo_rectangle(cr, 20, 20, 120, 60);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.08, 0.4, 0.75);
  cairo_set_line_width(cr, 4);
  cairo_move_to(cr, 10, 100);
  cairo_line_to(cr, 190, 30);
  cairo_stroke(cr);
}

void texts(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  TextEngine::instance().draw(cr, 30, 30, "HE0 PA0", {10, true, false});
  TextEngine::instance().draw(cr, 30, 60, "FAN0 PA8", {10, false, true});
}

// below: background and shapes; above: text (and, optionally, shapes).
std::string pdf(bool background, bool with_shapes, bool with_texts, double width = 200, double alpha = 1) {
  Canvas c(Format::Pdf, width, 120);
  if (background) c.fill_background(Color::hex("#fafafa"));
  if (with_shapes) shapes(c.cr(), alpha);
  if (with_texts) texts(c.cr());
  return c.finish();
}

}  // namespace

TEST_CASE("stacked PDF pages look and read like the page drawn at once", "[draw][pdf]") {
  std::string whole = pdf(true, true, true);
  auto stacked = stack_pdf_layers(pdf(true, true, false), pdf(false, false, true));
  REQUIRE(stacked);
  CHECK(stacked->rfind("%PDF-1.5\n", 0) == 0);
  CHECK(stacked->find("/Contents [ ") != std::string::npos);
  // poppler reads it without complaint, with the same pixels and text.
  std::string info = poppler("pdfinfo {}", *stacked);
  CHECK(info.find("Pages:           1\n") != std::string::npos);
  CHECK(info.find("Error") == std::string::npos);
  std::string pixels = poppler("pdftoppm -r 72 {}", *stacked);
  CHECK(pixels.size() > 200 * 120 * 3);
  CHECK(pixels == poppler("pdftoppm -r 72 {}", whole));
  CHECK(poppler("pdftotext -raw {} -", *stacked) == "HE0 PA0\nFAN0 PA8\n\f");
}

TEST_CASE("graphics states of the lower page join the upper page's", "[draw][pdf]") {
  // A translucent fill in the lower page only: its state must be found.
  auto stacked = stack_pdf_layers(pdf(false, true, false, 200, 0.5), pdf(false, false, true));
  REQUIRE(stacked);
  CHECK(stacked->find("/CA 0.5") != std::string::npos);
  CHECK(stacked->find("/Subtype /Form") != std::string::npos);
  CHECK(poppler("pdftoppm -r 72 {}", *stacked) == poppler("pdftoppm -r 72 {}", pdf(false, true, true, 200, 0.5)));
}

TEST_CASE("PDF pages that cannot be stacked are refused", "[draw][pdf]") {
  std::string below = pdf(true, true, false), above = pdf(false, false, true);
  CHECK_FALSE(stack_pdf_layers(above, below));                      // fonts in the lower page
  CHECK_FALSE(stack_pdf_layers(below, pdf(false, false, true, 300)));  // pages of other sizes
  CHECK_FALSE(stack_pdf_layers(below, above.substr(0, above.size() - 40)));  // cut short
  CHECK_FALSE(stack_pdf_layers(below, "%PDF-1.5\n"));
  CHECK_FALSE(stack_pdf_layers(below, above.substr(0, above.size() / 2)));  // cut in the middle
  std::string lying = above;  // a table that claims more rows than the file has
  lying.replace(lying.rfind("\nxref\n0 "), 9, "\nxref\n0 9");
  CHECK_FALSE(stack_pdf_layers(below, lying));
  CHECK_FALSE(stack_pdf_layers("", ""));
}

TEST_CASE("a rendered PDF is one page whose text reads in scene order", "[draw][pdf]") {
  scene::Scene s(300, 200);
  for (int i = 0; i < 40; ++i)
    s.rect(scene::Role::Mark, "r", {10.0 + i * 7, 10, 5, 5}, Color::hex(i % 2 ? "#c62828" : "#1565c0"));
  s.text(scene::Role::Text, "t", {10, 60}, "alpha", {10, false, false}, Color::hex("#1a1a1a"), Color::hex("#ffffff"));
  s.text(scene::Role::Text, "t", {10, 90}, "beta", {10, true, false}, Color::hex("#c62828"), Color::hex("#ffffff"));
  s.text(scene::Role::Text, "t", {10, 120}, "gamma", {10, false, true}, Color::hex("#1a1a1a"), Color::hex("#ffffff"));
  std::string out = scene::render(s, Format::Pdf);
  CHECK(out.find("/Contents [ ") != std::string::npos);  // drawn as two halves
  CHECK(poppler("pdftotext -raw {} -", out) == "alpha\nbeta\ngamma\n\f");
  Canvas whole(Format::Pdf, 300, 200);
  whole.fill_background(s.background);
  scene::draw(s, whole.cr(), scene::TextOrder::Scene);
  CHECK(poppler("pdftoppm -r 72 {}", out) == poppler("pdftoppm -r 72 {}", whole.finish()));
}
