#include <iostream>

#include "board/catalog.h"
#include "board/pin_table.h"
#include "cli/command.h"

namespace wb::cli {

int run_pins(const std::vector<std::string>& args) {
  po::options_description options("wirebook pins BOARD@REVISION [--format table|tsv|json]");
  options.add_options()("board", po::value<std::string>(), "BOARD@REVISION[+MCU]")(
      "format", po::value<std::string>()->default_value("table"), "table, tsv or json");
  po::positional_options_description positional;
  positional.add("board", 1);
  Parsed p = parse(args, options, positional);
  if (p.help) {
    std::cout << options << "\nLists one row per connector pin: connector, pin, signal, mcu, function, voltage,\n"
                            "ref, note. Driver sockets appear as DRIVER0.. with STEP, DIR, EN, CS and DIAG.\n";
    return kOk;
  }
  if (!p.vars.count("board")) throw UsageError{"name a board, such as: wirebook pins octopus-pro@v1.1"};
  auto spec = parse_board_spec(p.vars["board"].as<std::string>());
  if (!spec) throw UsageError{"'" + p.vars["board"].as<std::string>() + "' is not BOARD@REVISION (e.g. octopus-pro@v1.1)"};
  std::string format = p.vars["format"].as<std::string>();
  if (format != "table" && format != "tsv" && format != "json")
    throw UsageError{"--format must be table, tsv or json, not '" + format + "'"};

  Diagnostics diags;
  Catalog catalog = Catalog::load(root_of(p), diags);
  std::optional<ResolvedBoard> board;
  if (diags.empty()) board = catalog.resolve(*spec, diags);
  if (!board) {
    std::cerr << diags.str();
    return kBadInput;
  }
  auto rows = pin_rows(*board);
  if (format == "tsv") std::cout << pins_as_tsv(rows);
  else if (format == "json") std::cout << pins_as_json(*board, rows);
  else std::cout << board->title() << "\n\n" << pins_as_table(rows);
  return kOk;
}

}  // namespace wb::cli
