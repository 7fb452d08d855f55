// What a whole-process render cannot go below, measured inside one warm
// process: reads the boards under ROOT, lays out the colour-pin diagram of
// SUBJECT once cold, then RUNS times warm, and draws it RUNS times in each
// format: SVG and PDF through cairo's writers as one surface (the least
// cairo itself needs), SVG and PDF as wirebook draws them (two layers or
// halves on two cores).
// Prints the median of each in ms. bench/floor.sh adds the cost of starting
// and ending a wirebook process that does nothing (`wirebook --version`).
// Usage: wirebook_floor ROOT [SUBJECT] [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "board/catalog.h"
#include "diagram/spec.h"
#include "draw/canvas.h"
#include "draw/fonts.h"
#include "scene/render.h"
#include "site/diagrams.h"

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double median_ms(int runs, const std::function<void()>& work) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// One cairo surface, all items: what cairo's writer needs for this scene.
size_t draw_on_one_surface(const wb::scene::Scene& scene, wb::draw::Format format) {
  wb::draw::Canvas canvas(format, scene.width, scene.height);
  canvas.fill_background(scene.background);
  wb::scene::draw(scene, canvas.cr(), wb::scene::TextOrder::Scene);
  return canvas.finish().size();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: wirebook_floor ROOT [BOARD@REVISION] [RUNS]\n");
    return 2;
  }
  std::string root = argv[1], subject = argc > 2 ? argv[2] : "octopus-pro@v1.1";
  int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 21;

  auto start = std::chrono::steady_clock::now();
  wb::draw::TextEngine::instance();
  double fonts = ms_since(start);
  wb::Diagnostics diags;
  start = std::chrono::steady_clock::now();
  wb::Catalog catalog = wb::Catalog::load(root, diags);
  double load = ms_since(start);
  std::vector<wb::diagram::Build> builds;
  wb::site::DiagramService service(catalog, builds);
  std::string name = subject + "/pinout";
  start = std::chrono::steady_clock::now();
  auto scene = service.layout(name, diags);
  double cold_layout = ms_since(start);
  if (!scene || !diags.empty()) {
    std::fprintf(stderr, "%s", diags.str().c_str());
    return 1;
  }

  size_t bytes = 0;
  double warm_layout = median_ms(runs, [&] { bytes += service.layout(name, diags)->items.size(); });
  double pdf = median_ms(runs, [&] { bytes += draw_on_one_surface(*scene, wb::draw::Format::Pdf); });
  double svg_one = median_ms(runs, [&] { bytes += draw_on_one_surface(*scene, wb::draw::Format::Svg); });
  double svg_layers = median_ms(runs, [&] { bytes += wb::scene::render(*scene, wb::draw::Format::Svg).size(); });
  double pdf_halves = median_ms(runs, [&] { bytes += wb::scene::render(*scene, wb::draw::Format::Pdf).size(); });
  double png2 = median_ms(runs, [&] { bytes += wb::scene::render(*scene, wb::draw::Format::Png, 2).size(); });

  std::printf("fonts set-up (cold)            %6.1f\n", fonts);
  std::printf("load boards (cold)             %6.1f\n", load);
  std::printf("layout (cold)                  %6.1f\n", cold_layout);
  std::printf("layout (warm)                  %6.1f\n", warm_layout);
  std::printf("PDF, cairo's writer (warm)     %6.1f\n", pdf);
  std::printf("SVG, cairo's writer (warm)     %6.1f\n", svg_one);
  std::printf("SVG, two layers (warm)         %6.1f\n", svg_layers);
  std::printf("PDF, two halves (warm)         %6.1f\n", pdf_halves);
  std::printf("PNG 2x, all cores (warm)       %6.1f\n", png2);
  // Keeps the work from being optimised away and shows it produced output.
  std::fprintf(stderr, "(%zu bytes and items in all)\n", bytes);
  return 0;
}
