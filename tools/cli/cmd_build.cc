#include <chrono>
#include <iostream>

#include "cli/command.h"
#include "site/build.h"

namespace wb::cli {

int run_build(const std::vector<std::string>& args) {
  po::options_description options("wirebook build [--root DIR] [--out DIR]");
  options.add_options()("out", po::value<std::string>()->default_value("build/site"), "where the site goes");
  po::positional_options_description positional;
  Parsed p = parse(args, options, positional);
  if (p.help) {
    std::cout << options << "\nBuilds the documentation site. A failed build leaves the last good site in place.\n";
    return kOk;
  }
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  site::BuildSummary summary;
  if (!site::build(root_of(p), p.vars["out"].as<std::string>(), diags, summary)) {
    std::cerr << diags.str() << "build failed; the published site was left as it was\n";
    return kBadInput;
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "built " << summary.str() << " in " << static_cast<int>(ms) << " ms -> "
            << p.vars["out"].as<std::string>() << "\n";
  return kOk;
}

}  // namespace wb::cli
