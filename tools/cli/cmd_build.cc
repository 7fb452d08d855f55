#include <chrono>
#include <unistd.h>

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
    std::cout << options
              << "\nBuilds the documentation site from content/, boards/ and site/. Only what changed is\n"
                 "re-rendered; a failed build leaves the last good site in place.\n";
    return kOk;
  }
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  site::BuildSummary summary;
  site::BuildOptions o{root_of(p), p.vars["out"].as<std::string>(), true, {}};
  // A progress line while diagrams render, redrawn in place on a terminal.
  bool tty = isatty(STDERR_FILENO);
  o.progress = [tty](int done, int total) {
    if (tty) std::cerr << "\rrendering diagrams " << done << "/" << total << std::flush;
  };
  if (!site::build(o, diags, summary)) {
    std::cerr << diags.str() << diags.size() << (diags.size() == 1 ? " error" : " errors")
              << "; build failed, the published site was left as it was\n";
    return kBadInput;
  }
  if (tty && summary.diagrams_rendered > 0) std::cerr << "\r\033[K";
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "built " << o.out << ": " << summary.str() << " in " << static_cast<int>(ms) << " ms\n";
  if (summary.new_anchors > 0)
    std::cout << summary.new_anchors << (summary.new_anchors == 1 ? " new anchor is" : " new anchors are")
              << " not in content/anchors.lock yet; record them with 'wirebook anchors --update'\n";
  return kOk;
}

}  // namespace wb::cli
