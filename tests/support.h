#pragma once
// Helpers shared by the tests: where the fixtures are, running the CLI.
#include <string>
#include <vector>

namespace wbtest {

// Absolute path of a file in the source tree, e.g. source("boards/octopus-pro.xml").
std::string source(const std::string& relative);
// Absolute path of a test fixture, e.g. fixture("boards/l-shape.xml").
std::string fixture(const std::string& relative);
// A new empty directory under the build tree, removed at exit.
std::string temp_dir();

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

struct RunResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};
// Runs the wirebook binary with these arguments (no shell involved).
RunResult run_wirebook(const std::vector<std::string>& args, const std::string& stdin_text = "");

// Runs a poppler-utils command (installed with the test packages) on a PDF,
// put where the command has {}, and returns what it prints, errors included.
std::string poppler(std::string command, const std::string& pdf);

}  // namespace wbtest
