// `wirebook pins`: the listing agrees with Klipper's sample configs for the
// Octopus Pro v1.0 and v1.1 wherever those name a pin. The expected pins are
// typed here from Klipper's config/generic-bigtreetech-octopus-pro-v1.{0,1}.cfg
// (Klipper3d/klipper), since the reference copies are not part of the project.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "support.h"

namespace {

struct Row {
  std::map<std::string, std::string> f;
};

std::vector<Row> tsv(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> head;
  {
    std::istringstream h(line);
    std::string c;
    while (std::getline(h, c, '\t')) head.push_back(c);
  }
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    Row r;
    std::istringstream l(line);
    std::string c;
    size_t i = 0;
    while (i < head.size()) {
      if (!std::getline(l, c, '\t')) c.clear();
      r.f[head[i++]] = c;
    }
    rows.push_back(r);
  }
  return rows;
}

std::vector<Row> pins(const std::string& spec) {
  auto r = wbtest::run_wirebook({"pins", spec, "--format", "tsv", "--root", wbtest::source("")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return tsv(r.out);
}

std::string mcu_of(const std::vector<Row>& rows, const std::string& connector, const std::string& pin_or_signal) {
  for (const auto& r : rows)
    if (r.f.at("connector") == connector &&
        (r.f.at("pin") == pin_or_signal || (r.f.at("connector").rfind("DRIVER", 0) == 0 && r.f.at("signal") == pin_or_signal)))
      return r.f.at("mcu");
  return "<missing " + connector + " " + pin_or_signal + ">";
}

struct Expect {
  const char* connector;
  const char* pin;  // pin number, or the signal name for drivers
  const char* v10;
  const char* v11;
};

// From the Klipper sample configs: steppers (Driver0..7), heaters, sensors,
// fans, endstops, filament switches, TMC UART/CS pins, EXP1/EXP2 aliases,
// BLTouch and neopixel.
const Expect kKlipper[] = {
    {"DRIVER0", "STEP", "PF13", "PF13"}, {"DRIVER0", "DIR", "PF12", "PF12"}, {"DRIVER0", "EN", "PF14", "PF14"},
    {"DRIVER1", "STEP", "PG0", "PG0"},   {"DRIVER1", "DIR", "PG1", "PG1"},   {"DRIVER1", "EN", "PF15", "PF15"},
    {"DRIVER2", "STEP", "PF11", "PF11"}, {"DRIVER2", "DIR", "PG3", "PG3"},   {"DRIVER2", "EN", "PG5", "PG5"},
    {"DRIVER3", "STEP", "PG4", "PG4"},   {"DRIVER3", "DIR", "PC1", "PC1"},   {"DRIVER3", "EN", "PA0", "PA2"},
    {"DRIVER4", "STEP", "PF9", "PF9"},   {"DRIVER4", "DIR", "PF10", "PF10"}, {"DRIVER4", "EN", "PG2", "PG2"},
    {"DRIVER5", "STEP", "PC13", "PC13"}, {"DRIVER5", "DIR", "PF0", "PF0"},   {"DRIVER5", "EN", "PF1", "PF1"},
    {"DRIVER6", "STEP", "PE2", "PE2"},   {"DRIVER6", "DIR", "PE3", "PE3"},   {"DRIVER6", "EN", "PD4", "PD4"},
    {"DRIVER7", "STEP", "PE6", "PE6"},   {"DRIVER7", "DIR", "PA14", "PA14"}, {"DRIVER7", "EN", "PE0", "PE0"},
    {"DRIVER0", "CS", "PC4", "PC4"},     {"DRIVER1", "CS", "PD11", "PD11"},  {"DRIVER2", "CS", "PC6", "PC6"},
    {"DRIVER3", "CS", "PC7", "PC7"},     {"DRIVER4", "CS", "PF2", "PF2"},    {"DRIVER5", "CS", "PE4", "PE4"},
    {"DRIVER6", "CS", "PE1", "PE1"},     {"DRIVER7", "CS", "PD3", "PD3"},    {"DRIVER0", "DIAG", "PG6", "PG6"},
    {"DRIVER1", "DIAG", "PG9", "PG9"},   {"DRIVER2", "DIAG", "PG10", "PG10"}, {"DRIVER3", "DIAG", "PG11", "PG11"},
    {"HE0", "2", "PA2", "PA0"},          {"HE1", "2", "PA3", "PA3"},         {"HE2", "2", "PB10", "PB0"},
    {"HE3", "2", "PB11", "PB11"},        {"BED_OUT", "1", "PA1", "PA1"},     {"TB", "1", "PF3", "PF3"},
    {"T0", "1", "PF4", "PF4"},           {"T1", "1", "PF5", "PF5"},          {"T2", "1", "PF6", "PF6"},
    {"T3", "1", "PF7", "PF7"},           {"FAN0", "1", "PA8", "PA8"},        {"FAN1", "1", "PE5", "PE5"},
    {"FAN2", "1", "PD12", "PD12"},       {"FAN3", "1", "PD13", "PD13"},      {"FAN4", "1", "PD14", "PD14"},
    {"FAN5", "1", "PD15", "PD15"},       {"STOP_0", "3", "PG6", "PG6"},      {"STOP_1", "3", "PG9", "PG9"},
    {"STOP_2", "3", "PG10", "PG10"},     {"STOP_3", "3", "PG11", "PG11"},    {"STOP_4", "3", "PG12", "PG12"},
    {"STOP_5", "3", "PG13", "PG13"},     {"STOP_6", "3", "PG14", "PG14"},    {"STOP_7", "3", "PG15", "PG15"},
    {"EXP1", "1", "PE8", "PE8"},         {"EXP1", "2", "PE7", "PE7"},        {"EXP1", "3", "PE9", "PE9"},
    {"EXP1", "4", "PE10", "PE10"},       {"EXP1", "5", "PE12", "PE12"},      {"EXP1", "6", "PE13", "PE13"},
    {"EXP1", "7", "PE14", "PE14"},       {"EXP1", "8", "PE15", "PE15"},      {"EXP2", "1", "PA6", "PA6"},
    {"EXP2", "2", "PA5", "PA5"},         {"EXP2", "3", "PB1", "PB1"},        {"EXP2", "4", "PA4", "PA4"},
    {"EXP2", "5", "PB2", "PB2"},         {"EXP2", "6", "PA7", "PA7"},        {"EXP2", "7", "PC15", "PC15"},
    {"BLTOUCH", "1", "PB7", "PB7"},      {"BLTOUCH", "3", "PB6", "PB6"},     {"RGB", "2", "PB0", "PB10"},
};

}  // namespace

TEST_CASE("both revisions agree with Klipper's sample configs", "[pins]") {
  auto v10 = pins("octopus-pro@v1.0");
  auto v11 = pins("octopus-pro@v1.1");
  for (const auto& e : kKlipper) {
    INFO(e.connector << " " << e.pin);
    CHECK(mcu_of(v10, e.connector, e.pin) == e.v10);
    CHECK(mcu_of(v11, e.connector, e.pin) == e.v11);
  }
}

TEST_CASE("EXP2 pin 10 is not connected on the Pro, whatever Klipper's alias says", "[pins]") {
  // Klipper aliases EXP2_10=PC5; BTT's schematic and both pin drawings say NC,
  // and PC5 is the Pro's optocoupled PROBE input.
  auto rows = pins("octopus-pro@v1.0");
  CHECK(mcu_of(rows, "EXP2", "10").empty());
  CHECK(mcu_of(rows, "PROBE", "3") == "PC5");
}

TEST_CASE("the TSV has a header, the required columns, and no MCU on power or ground", "[pins]") {
  auto r = wbtest::run_wirebook({"pins", "octopus-pro@v1.1", "--format", "tsv", "--root", wbtest::source("")});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("connector\tpin\tsignal\tmcu\tfunction\t", 0) == 0);
  auto rows = tsv(r.out);
  CHECK(rows.size() > 240);
  int drivers = 0;
  for (const auto& row : rows) {
    const auto& fn = row.f.at("function");
    if (fn == "power" || fn == "ground") CHECK(row.f.at("mcu").empty());
    CHECK_FALSE(fn.empty());
    if (row.f.at("connector").rfind("DRIVER", 0) == 0) ++drivers;
  }
  CHECK(drivers == 8 * 5);
}

TEST_CASE("table and JSON formats carry the same rows", "[pins]") {
  auto json = wbtest::run_wirebook({"pins", "octopus-pro@v1.0", "--format", "json", "--root", wbtest::source("")});
  REQUIRE(json.exit_code == 0);
  CHECK(json.out.find("\"board\": \"octopus-pro\"") != std::string::npos);
  CHECK(json.out.find("\"revision\": \"v1.0\"") != std::string::npos);
  CHECK(json.out.find("\"mcu\": \"PA2\"") != std::string::npos);
  auto table = wbtest::run_wirebook({"pins", "octopus-pro@v1.0", "--root", wbtest::source("")});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.rfind("BIGTREETECH Octopus Pro V1.0", 0) == 0);
  CHECK(table.out.find("HE0          2    HE0-       PA2   heater") != std::string::npos);
}
