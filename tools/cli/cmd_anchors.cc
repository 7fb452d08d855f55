#include <iostream>

#include "cli/command.h"
#include "site/anchors_command.h"

namespace wb::cli {

int run_anchors(const std::vector<std::string>& args) {
  po::options_description options("wirebook anchors [--update] [--root DIR]");
  options.add_options()("update", "record new anchors in content/anchors.lock");
  po::positional_options_description positional;
  Parsed p = parse(args, options, positional);
  if (p.help) {
    std::cout << options
              << "\nLists every published anchor (page, or page and heading or figure id) with its full URL.\n"
                 "With --update, adds the new ones to content/anchors.lock, which the build checks so that\n"
                 "a link pasted in chat keeps working.\n";
    return kOk;
  }
  Diagnostics diags;
  auto result = site::list_anchors(root_of(p), p.vars.count("update") > 0, diags);
  if (!result) {
    std::cerr << diags.str();
    return kBadInput;
  }
  std::cout << *result;
  return kOk;
}

}  // namespace wb::cli
