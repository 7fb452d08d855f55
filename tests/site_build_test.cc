// `wirebook build` on the project's own content: board pages with their
// diagram (with an id and a link symbol), pin table and downloads; a failed
// build leaves the last good site in place; builds are byte-identical.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.h"

namespace fs = std::filesystem;

namespace {
std::string copy_project() {
  std::string root = wbtest::temp_dir();
  for (const char* dir : {"boards", "site", "content", "diagrams"})
    fs::copy(wbtest::source(dir), root + "/" + dir, fs::copy_options::recursive);
  return root;
}
}  // namespace

TEST_CASE("the site has a home page and a page per board revision", "[site]") {
  std::string root = copy_project();
  std::string out = root + "/out";
  auto r = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string index = wbtest::read_file(out + "/index.html");
  CHECK(index.find("href=\"boards/octopus-pro/v1.0/index.html\"") != std::string::npos);
  CHECK(index.find("href=\"boards/octopus-pro/v1.1/index.html\"") != std::string::npos);
  std::string page = wbtest::read_file(out + "/boards/octopus-pro/v1.1/index.html");
  CHECK(page.find("<figure id=\"octopus-pro-v1-1-pinout\" class=\"figure diagram\">") != std::string::npos);
  CHECK(page.find("class=\"anchor\" href=\"#octopus-pro-v1-1-pinout\"") != std::string::npos);
  const std::string d = "../../../diagrams/octopus-pro-v1-1-pinout";
  CHECK(page.find("srcset=\"" + d + ".png 1x, " + d + "@2x.png 2x\"") != std::string::npos);
  CHECK(page.find("href=\"" + d + ".svg\"") != std::string::npos);
  CHECK(page.find("href=\"" + d + ".pdf\"") != std::string::npos);
  CHECK(page.find("<td>HE0</td><td>2</td><td>HE0-</td><td><code>PA0</code>") != std::string::npos);
  // The text beside the diagram comes from the same data.
  CHECK(page.find("HE0 (PA0)") != std::string::npos);
  for (const char* f : {".png", "@2x.png", ".svg", ".pdf"})
    CHECK(fs::file_size(out + "/diagrams/octopus-pro-v1-1-pinout" + f) > 1000);
  std::string v10 = wbtest::read_file(out + "/boards/octopus-pro/v1.0/index.html");
  CHECK(v10.find("<td>HE0</td><td>2</td><td>HE0-</td><td><code>PA2</code>") != std::string::npos);
  CHECK(v10.find("HE0 (PA2)") != std::string::npos);
}

TEST_CASE("a failed build leaves the published site untouched", "[site]") {
  std::string root = copy_project();
  std::string out = root + "/out";
  REQUIRE(wbtest::run_wirebook({"build", "--root", root, "--out", out}).exit_code == 0);
  std::string before = wbtest::read_file(out + "/boards/octopus-pro/v1.1/index.html");
  // Break the board file.
  std::string board = wbtest::read_file(root + "/boards/octopus-pro.xml");
  board.replace(board.find("<connector "), 11, "<connectr ");
  wbtest::write_file(root + "/boards/octopus-pro.xml", board);
  auto r = wbtest::run_wirebook({"build", "--root", root, "--out", out});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("boards/octopus-pro.xml:") != std::string::npos);
  CHECK(r.err.find("published site was left as it was") != std::string::npos);
  CHECK(wbtest::read_file(out + "/boards/octopus-pro/v1.1/index.html") == before);
  // No staging folders left behind.
  for (auto& e : fs::directory_iterator(root)) CHECK(e.path().filename().string().find("staging") == std::string::npos);
}

TEST_CASE("building twice gives identical files", "[site][determinism]") {
  std::string root = copy_project();
  REQUIRE(wbtest::run_wirebook({"build", "--root", root, "--out", root + "/a"}).exit_code == 0);
  REQUIRE(wbtest::run_wirebook({"build", "--root", root, "--out", root + "/b"}).exit_code == 0);
  size_t files = 0;
  for (auto& e : fs::recursive_directory_iterator(root + "/a")) {
    if (!e.is_regular_file()) continue;
    ++files;
    std::string rel = fs::relative(e.path(), root + "/a").string();
    INFO(rel);
    CHECK(wbtest::read_file(e.path().string()) == wbtest::read_file(root + "/b/" + rel));
  }
  CHECK(files >= 10);
}
