#include <iostream>

#include "board/catalog.h"
#include "cli/command.h"
#include "draw/canvas.h"
#include "pinout/pinout.h"

namespace wb::cli {

int run_render(const std::vector<std::string>& args) {
  po::options_description options(
      "wirebook render pinout BOARD@REVISION --format png|svg|pdf [--scale 1|2] -o FILE");
  options.add_options()("kind", po::value<std::string>(), "what to draw: pinout")(
      "board", po::value<std::string>(), "BOARD@REVISION[+MCU]")(
      "format", po::value<std::string>(), "png, svg or pdf (default: from the output file name)")(
      "scale", po::value<double>()->default_value(1), "PNG pixels per unit: 1 or 2")(
      "output,o", po::value<std::string>(), "the file to write");
  po::positional_options_description positional;
  positional.add("kind", 1).add("board", 1);
  Parsed p = parse(args, options, positional);
  if (p.help) {
    std::cout << options << "\nDraws the colour-pin diagram of a board revision. The same input always gives\n"
                            "byte-identical files.\n";
    return kOk;
  }
  if (!p.vars.count("kind")) throw UsageError{"say what to render: wirebook render pinout BOARD@REVISION ..."};
  std::string kind = p.vars["kind"].as<std::string>();
  if (kind != "pinout") throw UsageError{"unknown diagram kind '" + kind + "' (known: pinout)"};
  if (!p.vars.count("board")) throw UsageError{"name a board, such as octopus-pro@v1.1"};
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
  auto spec = parse_board_spec(p.vars["board"].as<std::string>());
  if (!spec) throw UsageError{"'" + p.vars["board"].as<std::string>() + "' is not BOARD@REVISION (e.g. octopus-pro@v1.1)"};

  Diagnostics diags;
  Catalog catalog = Catalog::load(root_of(p), diags);
  std::optional<ResolvedBoard> board;
  if (diags.empty()) board = catalog.resolve(*spec, diags);
  if (!board) {
    std::cerr << diags.str();
    return kBadInput;
  }
  std::string bytes = pinout::render(*board, *format, scale);
  std::string error;
  if (!draw::write_file_atomically(out, bytes, &error)) {
    std::cerr << out << ": error: " << error << "\n  hint: check that the folder exists and is writable\n";
    return kBadInput;
  }
  return kOk;
}

}  // namespace wb::cli
