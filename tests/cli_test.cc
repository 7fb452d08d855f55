// The command line: exit codes (0 ok, 1 bad input, 2 bad usage), --help,
// --version and --root on every command.
#include <catch2/catch.hpp>

#include "support.h"

using wbtest::run_wirebook;

TEST_CASE("version and help options", "[cli]") {
  auto v = run_wirebook({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out.rfind("wirebook ", 0) == 0);
  auto h = run_wirebook({"--help"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("render pinout") != std::string::npos);
  for (const char* cmd : {"render", "pins", "check", "build"}) {
    INFO(cmd);
    auto r = run_wirebook({cmd, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("--root") != std::string::npos);
  }
}

TEST_CASE("bad usage exits 2 and says why", "[cli]") {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"frobnicate"},
      {"pins"},
      {"pins", "octopus-pro"},                                  // no @REVISION
      {"pins", "octopus-pro@v1.0", "--format", "xml"},
      {"pins", "octopus-pro@v1.0", "--bogus"},
      {"render", "pinout", "octopus-pro@v1.0", "--format", "png"},  // no -o
      {"render", "pinout", "octopus-pro@v1.0", "--format", "gif", "-o", "x.gif"},
      {"render", "pinout", "octopus-pro@v1.0", "--format", "png", "--scale", "3", "-o", "x.png"},
      {"render", "wiring-harness", "octopus-pro@v1.0", "-o", "x.png"},
      {"check", "extra-argument"},
  };
  for (const auto& args : cases) {
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    INFO(joined);
    auto r = run_wirebook(args);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("bad input exits 1 with a located message", "[cli]") {
  std::string root = wbtest::source("");
  auto unknown_board = run_wirebook({"pins", "no-such-board@v1.0", "--root", root});
  CHECK(unknown_board.exit_code == 1);
  CHECK(unknown_board.err.find("there is no board 'no-such-board'") != std::string::npos);
  CHECK(unknown_board.err.find("known boards: octopus-pro") != std::string::npos);
  auto unknown_rev = run_wirebook({"pins", "octopus-pro@v9", "--root", root});
  CHECK(unknown_rev.exit_code == 1);
  CHECK(unknown_rev.err.find("boards/octopus-pro.xml:") != std::string::npos);
  CHECK(unknown_rev.err.find("its revisions are: v1.0, v1.1") != std::string::npos);
  auto wrong_mcu = run_wirebook({"pins", "octopus-pro@v1.1+f446", "--root", root});
  CHECK(wrong_mcu.exit_code == 1);
  CHECK(wrong_mcu.err.find("does not exist on revision 'v1.1'") != std::string::npos);
  auto no_root = run_wirebook({"check", "--root", "/nonexistent/place"});
  CHECK(no_root.exit_code == 1);
  CHECK(no_root.err.find("there is no boards/ folder") != std::string::npos);
  // render names the request as it was typed, and points at the board file.
  std::string never = wbtest::temp_dir() + "/never.svg";
  auto render_rev = run_wirebook({"render", "pinout", "octopus-pro@v9", "--root", root, "-o", never});
  CHECK(render_rev.exit_code == 1);
  CHECK(render_rev.err.find("boards/octopus-pro.xml:") != std::string::npos);
  CHECK(render_rev.err.find("its revisions are: v1.0, v1.1") != std::string::npos);
  auto board_view = run_wirebook({"render", "wiring", "octopus-pro@v1.1", "--root", root, "-o", never});
  CHECK(board_view.exit_code == 1);
  CHECK(board_view.err.find("'wiring octopus-pro@v1.1': a board has one diagram kind, pinout") != std::string::npos);
  CHECK(board_view.err.find("hint: run wirebook render pinout octopus-pro@v1.1") != std::string::npos);
  CHECK(board_view.err.find("diagram:") == std::string::npos);
  std::string out = wbtest::temp_dir() + "/missing-dir/x.png";
  auto unwritable = run_wirebook({"render", "pinout", "octopus-pro@v1.0", "--root", root, "-o", out});
  CHECK(unwritable.exit_code == 1);
}

TEST_CASE("the root option points commands at another project", "[cli]") {
  auto ok = run_wirebook({"pins", "tiny-l@r1", "--root", wbtest::fixture(""), "--format", "tsv"});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.rfind("connector\tpin\tsignal\tmcu\tfunction", 0) == 0);
  // Before the command, too, in either spelling.
  auto before = run_wirebook({"--root", wbtest::fixture(""), "pins", "tiny-l@r1", "--format", "tsv"});
  INFO(before.err);
  CHECK(before.exit_code == 0);
  CHECK(before.out == ok.out);
  CHECK(run_wirebook({"--root=" + wbtest::fixture(""), "pins", "tiny-l@r1", "--format", "tsv"}).out == ok.out);
  // Given twice, the command's own option parser refuses it.
  CHECK(run_wirebook({"--root", wbtest::fixture(""), "pins", "tiny-l@r1", "--root", "."}).exit_code == 2);
  // No command after it: bad usage.
  auto alone = run_wirebook({"--root", wbtest::fixture("")});
  CHECK(alone.exit_code == 2);
  CHECK(alone.err.find("--root DIR needs a command after it") != std::string::npos);
}
