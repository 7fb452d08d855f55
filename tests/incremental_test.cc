// Rebuilding what changed: change one pin of one revision in boards/ and the
// next build redraws exactly the diagrams of that revision and rewrites
// exactly the pages that show the pin; a build with no change does nothing.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "support.h"

namespace fs = std::filesystem;

namespace {

std::string copy_project() {
  std::string root = wbtest::temp_dir();
  for (const char* dir : {"boards", "content", "diagrams", "site"})
    fs::copy(wbtest::source(dir), root + "/" + dir, fs::copy_options::recursive);
  return root;
}

// Identity of every published file: a file the build did not rewrite keeps
// its inode and modification time.
std::map<std::string, std::pair<ino_t, long>> snapshot(const std::string& dir) {
  std::map<std::string, std::pair<ino_t, long>> out;
  for (auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    struct stat st;
    stat(e.path().c_str(), &st);
    out[fs::relative(e.path(), dir).string()] = {st.st_ino, st.st_mtim.tv_nsec + st.st_mtim.tv_sec * 1000000000L};
  }
  return out;
}

}  // namespace

TEST_CASE("one pin changed: exactly its revision's diagrams and pages are redrawn", "[incremental]") {
  std::string root = copy_project();
  std::string out = root + "/out";
  auto first = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(first.out, m, std::regex("(\\d+) diagrams rendered, 0 reused")));
  int diagrams = std::stoi(m[1]);
  CHECK(diagrams >= 16);

  auto again = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("nothing changed") != std::string::npos);

  auto before = snapshot(out);
  // Move HE0 on revision V1.1 only (PA0 -> PD1, a pin nothing else uses).
  std::string board = wbtest::read_file(root + "/boards/octopus-pro.xml");
  std::string from = "<patch id=\"HE0\"     pin=\"2\"      mcu=\"PA0\"";
  REQUIRE(board.find(from) != std::string::npos);
  board.replace(board.find(from), from.size(), "<patch id=\"HE0\" pin=\"2\" mcu=\"PD1\"");
  wbtest::write_file(root + "/boards/octopus-pro.xml", board);

  auto changed = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  INFO(changed.err);
  REQUIRE(changed.exit_code == 0);
  // The V1.1 pin diagram, plain and with its H723 variant, is all that shows V1.1.
  CHECK(changed.out.find("2 diagrams rendered, " + std::to_string(diagrams - 2) + " reused") != std::string::npos);
  // Only the two pages that print V1.1's pins were rendered again; every
  // other page came from the page cache.
  REQUIRE(std::regex_search(changed.out, m, std::regex("(\\d+) pages \\((\\d+) unchanged\\)")));
  CHECK(std::stoi(m[1]) - std::stoi(m[2]) == 2);
  auto after = snapshot(out);
  std::set<std::string> rewritten;
  for (const auto& [path, id] : after)
    if (!before.count(path) || before[path] != id) rewritten.insert(path);
  const std::set<std::string> expected = {
      "boards/octopus-pro/v1.1/index.html",       "boards/octopus-pro-h723-v1-1.html",
      "diagrams/octopus-pro-v1-1-pinout.png",     "diagrams/octopus-pro-v1-1-pinout@2x.png",
      "diagrams/octopus-pro-v1-1-pinout.svg",     "diagrams/octopus-pro-v1-1-pinout.pdf",
      "diagrams/octopus-pro-v1-1-h723-pinout.png", "diagrams/octopus-pro-v1-1-h723-pinout@2x.png",
      "diagrams/octopus-pro-v1-1-h723-pinout.svg", "diagrams/octopus-pro-v1-1-h723-pinout.pdf"};
  CHECK(rewritten == expected);
  CHECK(wbtest::read_file(out + "/boards/octopus-pro/v1.1/index.html").find("HE0 (PD1)") != std::string::npos);
  CHECK(wbtest::read_file(out + "/boards/octopus-pro/v1.0/index.html").find("HE0 (PA2)") != std::string::npos);
}

TEST_CASE("a base pin change reaches the build guide's text and diagrams", "[incremental]") {
  std::string root = copy_project();
  std::string out = root + "/out";
  REQUIRE(wbtest::run_wirebook({"build", "--root", root, "--out", out}).exit_code == 0);
  std::string guide = wbtest::read_file(out + "/guides/voron24-octopus-pro-spi.html");
  CHECK(guide.find("Connect the hotend heater to HE0 (PA2).") != std::string::npos);
  std::string board = wbtest::read_file(root + "/boards/octopus-pro.xml");
  auto at = board.find("mcu=\"PA2\"");
  REQUIRE(at != std::string::npos);
  board.replace(at, 9, "mcu=\"PD1\"");
  wbtest::write_file(root + "/boards/octopus-pro.xml", board);
  auto r = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  guide = wbtest::read_file(out + "/guides/voron24-octopus-pro-spi.html");
  CHECK(guide.find("Connect the hotend heater to HE0 (PD1).") != std::string::npos);
  CHECK(r.out.find(" 0 diagrams rendered") == std::string::npos);
}

TEST_CASE("a page removed from content/ leaves the site with its share pages", "[incremental]") {
  std::string root = copy_project();
  std::string out = root + "/out";
  wbtest::write_file(root + "/content/scratch.md",
                     "---\ntitle: Scratch\nnav_exclude: true\n---\n# Scratch\n\n![Board](diagram:octopus-pro@v1.1/pinout){#scratch-board}\n");
  auto first = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(fs::exists(out + "/scratch.html"));
  REQUIRE(fs::exists(out + "/f/scratch-board/index.html"));
  fs::remove(root + "/content/scratch.md");
  SECTION("found through the manifest of the last publish") {}
  SECTION("found by listing the site when the manifest is gone") { REQUIRE(fs::remove(root + "/.out.cache/published")); }
  auto second = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  INFO(second.err);
  REQUIRE(second.exit_code == 0);
  CHECK_FALSE(fs::exists(out + "/scratch.html"));
  CHECK_FALSE(fs::exists(out + "/f/scratch-board"));
  CHECK(fs::exists(out + "/index.html"));
}

TEST_CASE("files removed or edited in the published site are restored by the next build", "[incremental]") {
  std::string root = copy_project();
  std::string out = root + "/out";
  REQUIRE(wbtest::run_wirebook({"build", "--root", root, "--out", out}).exit_code == 0);
  const std::string page = out + "/boards/octopus-pro/v1.1/index.html";
  const std::string original = wbtest::read_file(page);
  const std::string share = out + "/f/octopus-pro-v1-1-pinout/index.html";
  REQUIRE(fs::exists(share));
  fs::remove(share);
  SECTION("same length, other bytes") {
    std::string edited = original;
    edited[edited.find("HE0")] = 'X';
    wbtest::write_file(page, edited);
  }
  SECTION("truncated") { wbtest::write_file(page, original.substr(0, 100)); }
  // No input changed, yet the site is not what the last build published.
  auto r = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("nothing changed") == std::string::npos);
  CHECK(r.out.find(" 2 files written") != std::string::npos);
  CHECK(wbtest::read_file(page) == original);
  CHECK(fs::exists(share));
  // And then the site is whole again: nothing to do.
  CHECK(wbtest::run_wirebook({"build", "--root", root, "--out", out}).out.find("nothing changed") != std::string::npos);
}

TEST_CASE("editing the published site in place never reaches content/ or the diagram cache", "[incremental]") {
  std::string root = copy_project();
  std::string out = root + "/out";
  fs::create_directories(root + "/content/img");
  wbtest::write_file(root + "/content/img/note.png", "the author's image");
  REQUIRE(wbtest::run_wirebook({"build", "--root", root, "--out", out}).exit_code == 0);
  const std::string diagram = out + "/diagrams/octopus-pro-v1-1-pinout.svg";
  const std::string original = wbtest::read_file(diagram);
  REQUIRE(original.find("<svg") != std::string::npos);
  // std::ofstream truncates and rewrites the same file (same inode), as
  // in-place tools do.
  { std::ofstream(out + "/img/note.png", std::ios::binary | std::ios::trunc) << "optimised"; }
  { std::ofstream(diagram, std::ios::binary | std::ios::trunc) << "optimised"; }
  CHECK(wbtest::read_file(root + "/content/img/note.png") == "the author's image");

  auto r = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("1 diagram rendered") != std::string::npos);
  CHECK(wbtest::read_file(diagram) == original);
  CHECK(wbtest::read_file(out + "/img/note.png") == "the author's image");
}
