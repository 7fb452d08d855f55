#include "cli/command.h"

namespace wb::cli {

Parsed parse(const std::vector<std::string>& args, po::options_description& options,
             const po::positional_options_description& positional) {
  options.add_options()("help,h", "show this help")(
      "root", po::value<std::string>()->default_value("."),
      "the folder that holds boards/, diagrams/, content/ and site/");
  Parsed p;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), p.vars);
    p.help = p.vars.count("help") > 0;
    if (!p.help) po::notify(p.vars);
  } catch (const po::error& e) {
    throw UsageError{e.what()};
  }
  return p;
}

std::string root_of(const Parsed& p) { return p.vars["root"].as<std::string>(); }

}  // namespace wb::cli
