#pragma once
// Shared plumbing of the wirebook subcommands: option parsing with --help and
// --root, and the exit codes every command uses.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace wb::cli {

enum ExitCode { kOk = 0, kBadInput = 1, kBadUsage = 2 };

// Thrown for bad usage; main prints the message and the command's help.
struct UsageError {
  std::string message;
};

namespace po = boost::program_options;

struct Parsed {
  po::variables_map vars;
  bool help = false;
};

// Parses args (without the command name). `positional` names the positional
// options in order. Adds --help and --root. Throws UsageError.
Parsed parse(const std::vector<std::string>& args, po::options_description& options,
             const po::positional_options_description& positional);

std::string root_of(const Parsed& p);

int run_render(const std::vector<std::string>& args);
int run_pins(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_build(const std::vector<std::string>& args);
int run_md(const std::vector<std::string>& args);
int run_anchors(const std::vector<std::string>& args);

}  // namespace wb::cli
