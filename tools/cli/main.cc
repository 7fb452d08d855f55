// wirebook: board pin data and Markdown in, a documentation site with
// generated diagrams out. This file only dispatches to the subcommands.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/command.h"
#include "version.h"

namespace {

const char* kUsage =
    "usage: wirebook COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  render pinout BOARD@REVISION --format png|svg|pdf [--scale 1|2] -o FILE\n"
    "                          draw the colour-pin diagram of a board revision\n"
    "  pins BOARD@REVISION [--format table|tsv|json]\n"
    "                          list every connector pin with its signal and MCU pin\n"
    "  check                   validate everything under the root; writes nothing\n"
    "  build [--out DIR]       build the documentation site (default build/site)\n"
    "  md [PAGE] < page.md     print the HTML fragment of one Markdown page\n"
    "  anchors [--update]      list every published anchor; --update records new ones\n"
    "\n"
    "Every command takes --root DIR (default .), before or after it, and --help.\n"
    "BOARD@REVISION is a board id under boards/ and one of its revisions, such as\n"
    "octopus-pro@v1.1; add +MCU for an MCU variant (octopus-pro@v1.1+h723).\n"
    "Exit status: 0 success, 1 bad input, 2 bad usage.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace wb::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  // `--root DIR` may also come before the command (wirebook --root docs
  // build), as it does for git -C: it is handed on to the command.
  std::vector<std::string> root;
  while (!args.empty() && (args[0] == "--root" || args[0].starts_with("--root="))) {
    size_t n = args[0] == "--root" ? 2 : 1;
    if (args.size() < n + 1) {
      std::cerr << "wirebook: --root DIR needs a command after it, such as 'wirebook --root DIR build'\n\n" << kUsage;
      return kBadUsage;
    }
    root.insert(root.end(), args.begin(), args.begin() + n);
    args.erase(args.begin(), args.begin() + n);
  }
  if (args.empty()) {
    std::cerr << kUsage;
    return kBadUsage;
  }
  const std::string command = args[0];
  if (command == "--version" || command == "version") {
    std::cout << "wirebook " << WIREBOOK_VERSION << "\n";
    return kOk;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kOk;
  }
  static const std::map<std::string, int (*)(const std::vector<std::string>&)> commands = {
      {"render", run_render}, {"pins", run_pins}, {"check", run_check}, {"build", run_build},
      {"anchors", run_anchors}, {"md", run_md}};
  auto it = commands.find(command);
  if (it == commands.end()) {
    std::cerr << "wirebook: unknown command '" << command << "'\n\n" << kUsage;
    return kBadUsage;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  rest.insert(rest.end(), root.begin(), root.end());
  try {
    int status = it->second(rest);
    // Every file is written and closed by now. Tearing down the font and
    // layout caches would only cost time (a few ms, much of a small render).
    std::cout.flush();
    std::fflush(nullptr);
    std::_Exit(status);
  } catch (const UsageError& e) {
    std::cerr << "wirebook " << command << ": " << e.message << "\n(run 'wirebook " << command
              << " --help' for the options)\n";
    return kBadUsage;
  } catch (const std::exception& e) {
    std::cerr << "wirebook " << command << ": " << e.what() << "\n";
    return kBadInput;
  }
}
