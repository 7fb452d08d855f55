// Every validation error, one fixture each: `wirebook check` must name the
// file, line and column of the defect, say what is wrong, give a hint and
// exit 1.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.h"

namespace {

struct Case {
  const char* fixture;
  const char* location;  // file:line:column as printed
  const char* message;   // part of the message
};

wbtest::RunResult check_fixture(const std::string& name) {
  std::string root = wbtest::temp_dir();
  wbtest::write_file(root + "/boards/" + name + ".xml", wbtest::read_file(wbtest::fixture("invalid/" + name + ".xml")));
  return wbtest::run_wirebook({"check", "--root", root});
}

}  // namespace

TEST_CASE("each board defect is reported at its file:line:column with a hint", "[validation]") {
  const Case cases[] = {
      {"malformed", "malformed.xml:35:3", "malformed XML"},
      {"unknown-element", "unknown-element.xml:32:4", "unknown element <fuse> inside <board>"},
      {"unknown-attribute", "unknown-attribute.xml:18:34", "unknown attribute 'colour' on <connector>"},
      {"duplicate-connector", "duplicate-connector.xml:18:4", "duplicate part id 'FAN' (also on line 15)"},
      {"duplicate-pin", "duplicate-pin.xml:14:6", "duplicate <pin n=\"2\"> in 'HEAT'"},
      {"pin-outside", "pin-outside.xml:23:6", "pin 5 is outside connector 'MOTOR', whose 1x4 grid has pins 1 to 4"},
      {"unknown-function", "unknown-function.xml:13:6", "unknown function class 'heating'"},
      {"overlay-missing-pin", "overlay-missing-pin.xml:34:6", "revision 'r2' patches pin 9 of 'HEAT', which has no such pin"},
      {"overlay-missing-part", "overlay-missing-part.xml:34:6", "patches 'HEATER', which is not a part of the board"},
      {"shared-mcu", "shared-mcu.xml:16:6", "MCU pin PA3 is used by HEAT pin 2 (line 13) and FAN pin 1 (line 16)"},
      {"outside-outline", "outside-outline.xml:15:4", "connector 'FAN' (x 35.20 to 42.80, y 20.00 to 26.00) lies outside"},
      {"overlap", "overlap.xml:15:4", "'FAN' overlaps 'HEAT' (line 10) by 2.00 mm"},
      {"unknown-template", "unknown-template.xml:15:32", "template 'xh-2' is not defined"},
      {"bad-setting-pin", "bad-setting-pin.xml:30:6", "puts a jumper on pin '4', which 'J4' does not declare"},
      {"bad-number", "bad-number.xml:18:48", "x=\"abc\" is not a number"},
  };
  for (const auto& c : cases) {
    INFO(c.fixture);
    auto r = check_fixture(c.fixture);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find(std::string("boards/") + c.location + ": error: ") != std::string::npos);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(r.err.find("hint: ") != std::string::npos);
    // One defect, one message: no follow-on errors.
    CHECK(r.err.find("\n1 error\n") != std::string::npos);
  }
}

TEST_CASE("the minimal valid fixture passes the same check", "[validation]") {
  auto r = check_fixture("minimal-valid");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ok: 1 board") != std::string::npos);
}

TEST_CASE("a shared declaration allows one MCU pin in two places", "[validation]") {
  std::string text = wbtest::read_file(wbtest::fixture("invalid/shared-mcu.xml"));
  auto at = text.find("<revision");
  text.insert(at, "<shared mcu=\"PA3\" reason=\"test: both really on PA3\"/>\n  ");
  std::string root = wbtest::temp_dir();
  wbtest::write_file(root + "/boards/shared-mcu.xml", text);
  auto r = wbtest::run_wirebook({"check", "--root", root});
  INFO(r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("check validates the project's own boards and writes nothing", "[validation]") {
  std::string root = wbtest::temp_dir();
  std::filesystem::copy(wbtest::source("boards"), root + "/boards");
  auto r = wbtest::run_wirebook({"check", "--root", root});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  size_t files = 0;
  for (auto& e : std::filesystem::recursive_directory_iterator(root)) files += e.is_regular_file();
  CHECK(files == 1);
}
