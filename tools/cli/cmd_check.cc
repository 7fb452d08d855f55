#include <iostream>

#include "board/catalog.h"
#include "cli/command.h"
#include "project/check.h"

namespace wb::cli {

int run_check(const std::vector<std::string>& args) {
  po::options_description options("wirebook check [--root DIR]");
  po::positional_options_description positional;
  Parsed p = parse(args, options, positional);
  if (p.help) {
    std::cout << options << "\nValidates every board, diagram and page under the root. Writes nothing.\n";
    return kOk;
  }
  Diagnostics diags;
  CheckSummary summary = check_project(root_of(p), diags);
  if (!diags.empty()) {
    std::cerr << diags.str() << diags.size() << (diags.size() == 1 ? " error" : " errors") << "\n";
    return kBadInput;
  }
  std::cout << "ok: " << summary.str() << "\n";
  return kOk;
}

}  // namespace wb::cli
