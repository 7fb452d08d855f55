#include <malloc.h>

#include <iostream>
#include <thread>

#include "board/catalog.h"
#include "cli/command.h"
#include "diagram/spec.h"
#include "draw/canvas.h"
#include "draw/fonts.h"
#include "scene/render.h"
#include "site/diagrams.h"
#include "util/phase_timer.h"

namespace wb::cli {

int run_render(const std::vector<std::string>& args) {
  po::options_description options(
      "wirebook render KIND SUBJECT --format png|svg|pdf [--scale 1|2] -o FILE\n"
      "  KIND pinout, SUBJECT BOARD@REVISION[+MCU]; or KIND wiring, jumpers-remove, jumpers-set,\n"
      "  voltage-select, dip-switch, heatsinks or harness-ID, SUBJECT a build id under diagrams/");
  options.add_options()("kind", po::value<std::string>(), "what to draw")(
      "subject", po::value<std::string>(), "BOARD@REVISION[+MCU] or a build id")(
      "format", po::value<std::string>(), "png, svg or pdf (default: from the output file name)")(
      "scale", po::value<double>()->default_value(1), "PNG pixels per unit: 1 or 2")(
      "output,o", po::value<std::string>(), "the file to write");
  po::positional_options_description positional;
  positional.add("kind", 1).add("subject", 1);
  Parsed p = parse(args, options, positional);
  if (p.help) {
    std::cout << options << "\nDraws one diagram. The same input always gives byte-identical files.\n";
    return kOk;
  }
  if (!p.vars.count("kind")) throw UsageError{"say what to render: wirebook render pinout BOARD@REVISION ..."};
  std::string kind = p.vars["kind"].as<std::string>();
  static const char* kKinds[] = {"pinout",     "wiring",     "jumpers-remove", "jumpers-set",
                                 "voltage-select", "dip-switch", "heatsinks"};
  bool known = kind.rfind("harness-", 0) == 0;
  for (const char* k : kKinds) known = known || kind == k;
  if (!known)
    throw UsageError{"unknown diagram kind '" + kind +
                     "' (known: pinout, wiring, jumpers-remove, jumpers-set, voltage-select, dip-switch, heatsinks, "
                     "harness-ID)"};
  if (!p.vars.count("subject"))
    throw UsageError{kind == "pinout" ? "name a board, such as octopus-pro@v1.1" : "name a build under diagrams/"};
  std::string subject = p.vars["subject"].as<std::string>();
  if (kind == "pinout" && !parse_board_spec(subject))
    throw UsageError{"'" + subject + "' is not BOARD@REVISION (e.g. octopus-pro@v1.1)"};
  if (!p.vars.count("output")) throw UsageError{"give the output file with -o FILE"};
  std::string out = p.vars["output"].as<std::string>();
  std::string format_name;
  if (p.vars.count("format")) {
    format_name = p.vars["format"].as<std::string>();
  } else {
    auto dot = out.rfind('.');
    format_name = dot == std::string::npos ? "" : out.substr(dot + 1);
  }
  auto format = draw::parse_format(format_name);
  if (!format) throw UsageError{"--format must be png, svg or pdf, not '" + format_name + "'"};
  double scale = p.vars["scale"].as<double>();
  if (scale != 1 && scale != 2) throw UsageError{"--scale must be 1 or 2"};

  // A render runs for milliseconds and touches tens of MB: have malloc grow
  // its heaps in large steps and keep what is freed, rather than asking the
  // kernel for pages, handing them back and faulting them in again (about
  // 1 ms of a render, measured with bench/render.sh). Not for `build`, whose
  // many threads would each keep their freed memory.
  mallopt(M_TOP_PAD, 64 << 20);
  PhaseTimer phase;
  // Setting up the fonts (fontconfig, Pango) takes as long as reading the
  // boards: do both at once.
  std::jthread fonts([] {
    try {
      draw::TextEngine::instance();
    } catch (...) {
      // Reported where text is first measured, with the hint to install the fonts.
    }
  });
  Diagnostics diags;
  Catalog catalog = Catalog::load(root_of(p), diags);
  // Build specs are read only for build diagrams: a pin diagram needs the boards alone.
  std::vector<diagram::Build> builds;
  if (diags.empty() && kind != "pinout") builds = diagram::load_builds(root_of(p), catalog, diags);
  fonts.join();
  phase("load");
  std::optional<scene::Scene> scene;
  if (diags.empty()) scene = site::DiagramService(catalog, builds).layout(subject + "/" + kind, diags);
  if (!scene || !diags.empty()) {
    std::cerr << diags.str();
    return kBadInput;
  }
  phase("layout");
  std::string drawn = scene::render(*scene, *format, scale);
  phase("draw");
  std::string error;
  if (!draw::write_file_atomically(out, drawn, &error)) {
    std::cerr << out << ": error: " << error << "\n  hint: check that the folder exists and is writable\n";
    return kBadInput;
  }
  phase("write");
  return kOk;
}

}  // namespace wb::cli
