// The printer-build spec (diagrams/*.xml): the real Voron 2.4 build on the
// Octopus Pro data, purpose shorthands, every validation error at its
// file:line:column, and the checklist and jumper table following the board
// data (revision changes and edited pins).
#include <catch2/catch.hpp>

#include <filesystem>

#include "diagram/spec.h"
#include "support.h"

using namespace wb;
using namespace wb::diagram;

namespace {

const std::string kVoron = "diagrams/voron24-octopus-pro-spi.xml";

Catalog project_catalog() {
  Diagnostics d;
  Catalog c = Catalog::load(wbtest::source(""), d);
  INFO(d.str());
  REQUIRE(d.empty());
  return c;
}

// A root holding the test board and the real board, for the fixtures.
Catalog fixture_catalog() {
  static std::string root;
  if (root.empty()) {
    root = wbtest::temp_dir();
    wbtest::write_file(root + "/boards/tiny-l.xml", wbtest::read_file(wbtest::fixture("boards/tiny-l.xml")));
    wbtest::write_file(root + "/boards/octopus-pro.xml", wbtest::read_file(wbtest::source("boards/octopus-pro.xml")));
  }
  Diagnostics d;
  Catalog c = Catalog::load(root, d);
  INFO(d.str());
  REQUIRE(d.empty());
  return c;
}

struct Read {
  std::optional<Build> build;
  std::optional<ResolvedBoard> board;
  Diagnostics diags;
};

Read read(const std::string& file, const Catalog& catalog) {
  Read r;
  r.build = read_build(file, catalog, r.diags);
  if (r.build) {
    Diagnostics ignored;
    r.board = resolve_board(*r.build, catalog, ignored);
  }
  return r;
}

Read read_ok(const std::string& file, const Catalog& catalog) {
  Read r = read(file, catalog);
  INFO(r.diags.str());
  REQUIRE(r.diags.empty());
  REQUIRE(r.build);
  REQUIRE(r.board);
  return r;
}

// The Voron spec with `from` replaced by `to`, written to ROOT/diagrams/ under its own name.
std::string voron_variant(const std::string& from, const std::string& to) {
  std::string text = wbtest::read_file(wbtest::source(kVoron));
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::string path = wbtest::temp_dir() + "/" + kVoron;
  wbtest::write_file(path, text);
  return path;
}

std::string sentence_for(const std::vector<ChecklistLine>& lines, const std::string& component) {
  for (const auto& l : lines)
    if (l.component == component) return l.sentence;
  FAIL("no checklist line for " << component);
  return "";
}

const JumperChoice& choice(const Build& b, const std::string& part) {
  const JumperChoice* j = b.jumper(part);
  INFO(part);
  REQUIRE(j);
  return *j;
}

}  // namespace

TEST_CASE("the Voron 2.4 spec reads against the real Octopus Pro data", "[build-spec]") {
  Catalog catalog = project_catalog();
  Read r = read_ok(wbtest::source(kVoron), catalog);
  const Build& b = *r.build;
  CHECK(b.id == "voron24-octopus-pro-spi");
  CHECK(b.board.str() == "octopus-pro@v1.0+f446");
  CHECK(r.board->title() == "BIGTREETECH Octopus Pro V1.0 / V1.0.1 (STM32F446ZET6)");
  CHECK(b.vin == "24");
  CHECK(b.motor_power == "24");
  CHECK(b.components.size() == 22);

  // Steppers on the Voron sockets and plugs, four colours each.
  const std::pair<const char*, std::pair<const char*, const char*>> steppers[] = {
      {"stepper-b", {"DRIVER0", "MOTOR0"}},  {"stepper-a", {"DRIVER1", "MOTOR1"}},
      {"stepper-z", {"DRIVER2", "MOTOR2_1"}}, {"stepper-z1", {"DRIVER3", "MOTOR3"}},
      {"stepper-z2", {"DRIVER4", "MOTOR4"}}, {"stepper-z3", {"DRIVER5", "MOTOR5"}},
      {"extruder", {"DRIVER6", "MOTOR6"}}};
  for (const auto& [id, where] : steppers) {
    INFO(id);
    const Component* c = b.component(id);
    REQUIRE(c);
    CHECK(c->kind == "stepper");
    CHECK(c->driver == where.first);
    REQUIRE(c->attachments.size() == 1);
    CHECK(c->attachments[0].connector == where.second);
    CHECK(c->attachments[0].colors == std::vector<std::string>{"black", "green", "red", "blue"});
  }

  // The probe: signal on STOP_7 pin 3, power on PROBE pins 1-2.
  const Component* probe = b.component("probe");
  REQUIRE(probe);
  REQUIRE(probe->attachments.size() == 2);
  CHECK(probe->attachments[0].connector == "STOP_7");
  CHECK(probe->attachments[0].pins == std::vector<int>{3});
  CHECK(probe->attachments[1].connector == "PROBE");
  CHECK(probe->attachments[1].pins == std::vector<int>{1, 2});

  // The display on both headers; one colour written, one per pin after reading.
  const Component* display = b.component("display");
  REQUIRE(display);
  REQUIRE(display->attachments.size() == 2);
  CHECK(display->attachments[0].connector == "EXP1");
  CHECK(display->attachments[1].connector == "EXP2");
  CHECK(attached_pins(display->attachments[0], *r.board).size() == 10);
  CHECK(display->attachments[0].colors == std::vector<std::string>(10, "grey"));

  // Harnesses: the PSU to POWER and MOTOR_POWER, the SSR to HE1, the Pi power and UART to its header.
  REQUIRE(b.harnesses.size() == 4);
  std::vector<std::string> ends;
  for (const auto& h : b.harnesses)
    for (const auto& w : h.wires) ends.push_back(w.from.str() + " > " + w.to.str());
  CHECK(ends == std::vector<std::string>{
                    "psu.V+ > board:POWER.1", "psu.V- > board:POWER.2", "psu.V+ > board:MOTOR_POWER.1",
                    "psu.V- > board:MOTOR_POWER.2", "bed-ssr.DC+ > board:HE1.1", "bed-ssr.DC- > board:HE1.2",
                    "pi.5V > board:PI.1", "pi.GND > board:PI.5", "pi.TX > board:PI.7", "pi.RX > board:PI.9",
                    "pi.GND > board:PI.10"});
}

TEST_CASE("purpose shorthands set the jumpers of every part the build uses", "[build-spec]") {
  Catalog catalog = project_catalog();
  Read r = read_ok(wbtest::source(kVoron), catalog);
  const Build& b = *r.build;
  int steppers = 0;
  for (const auto& c : b.components) {
    if (c.driver.empty()) continue;
    ++steppers;
    const Part* socket = r.board->part(c.driver);
    REQUIRE(socket);
    INFO(c.driver);
    CHECK(choice(b, socket->mode_jumper).setting == "spi");
    CHECK(choice(b, socket->mode_jumper).shorthand == "driver-mode");
    CHECK(choice(b, socket->power_jumper).setting == "main-power");
    CHECK(choice(b, socket->diag_jumper).setting == "off");
  }
  CHECK(steppers == 7);
  // DRIVER7 drives nothing in this build: its jumpers are left alone.
  for (const char* unused : {"J24", "J83", "J23"}) CHECK_FALSE(b.jumper(unused));
  // Fans FAN0-FAN3 are used, FAN4-FAN7 are not.
  for (const char* fan : {"J58", "J59", "J60", "J61"}) CHECK(choice(b, fan).setting == "VIN");
  for (const char* fan : {"J62", "J63", "J65", "J66"}) CHECK_FALSE(b.jumper(fan));
  CHECK(choice(b, "J38").setting == "VIN");
  CHECK(choice(b, "J38").shorthand.empty());
  CHECK(choice(b, "J68").setting == "off");
  CHECK(choice(b, "S1").setting == "pt100-2wire");
  CHECK(b.jumpers.size() == 7 * 3 + 4 + 4);
}

TEST_CASE("a jumper set by id wins over its purpose line", "[build-spec]") {
  Catalog catalog = project_catalog();
  // A 12 V hotend fan: FAN1's jumper goes to 12V, the other fans stay on VIN.
  std::string text = wbtest::read_file(wbtest::source(kVoron));
  std::string fan = "label=\"Hotend fan\" voltage=\"24\"";
  text.replace(text.find(fan), fan.size(), "label=\"Hotend fan\" voltage=\"12\"");
  std::string line = "<set purpose=\"fan-voltage\" setting=\"VIN\"/>";
  text.replace(text.find(line), line.size(), line + "\n  <set jumper=\"J59\" setting=\"12V\"/>");
  std::string path = wbtest::temp_dir() + "/" + kVoron;
  wbtest::write_file(path, text);
  Read r = read_ok(path, catalog);
  CHECK(choice(*r.build, "J59").setting == "12V");
  CHECK(choice(*r.build, "J59").shorthand.empty());
  CHECK(choice(*r.build, "J58").setting == "VIN");
  CHECK(choice(*r.build, "J60").setting == "VIN");
  int j59 = 0;
  for (const auto& j : r.build->jumpers) j59 += j.part == "J59";
  CHECK(j59 == 1);
}

TEST_CASE("the wiring checklist reads like the build, one line per component", "[build-spec]") {
  Catalog catalog = project_catalog();
  Read r = read_ok(wbtest::source(kVoron), catalog);
  auto lines = wiring_checklist(*r.build, *r.board);
  REQUIRE(lines.size() == r.build->components.size());
  CHECK(lines.front().component == "PSU");
  CHECK(lines.back().component == "Raspberry Pi");
  CHECK(lines[0].sentence ==
        "Wire the PSU (harness \"PSU to the board's power inputs\"): V+ to POWER pin 1 and MOTOR_POWER pin 1; "
        "V- to POWER pin 2 and MOTOR_POWER pin 2.");
  CHECK(lines[1].sentence ==
        "Plug the B motor (gantry left) into MOTOR0 and fit its driver in DRIVER0 (STEP PF13).");
  CHECK(lines[1].target == "MOTOR0 and DRIVER0");
  CHECK(sentence_for(lines, "Z motor") == "Plug the Z motor into MOTOR2_1 and fit its driver in DRIVER2 (STEP PF11).");
  CHECK(sentence_for(lines, "Extruder motor") ==
        "Plug the extruder motor into MOTOR6 and fit its driver in DRIVER6 (STEP PE2).");
  CHECK(sentence_for(lines, "Hotend heater") == "Connect the hotend heater to HE0 (PA2).");
  CHECK(sentence_for(lines, "Bed SSR") ==
        "Wire the bed SSR (harness \"Bed SSR, DC control side\"): DC+ (terminal 3) to HE1 pin 1; "
        "DC- (terminal 4) to HE1 pin 2 (PA3).");
  CHECK(sentence_for(lines, "Part cooling fan") == "Connect the part cooling fan to FAN0 (PA8).");
  CHECK(sentence_for(lines, "Hotend fan") == "Connect the hotend fan to FAN1 (PE5).");
  CHECK(sentence_for(lines, "Controller fans") == "Connect the controller fans to FAN2 (PD12).");
  CHECK(sentence_for(lines, "Exhaust fan") == "Connect the chamber exhaust fan to FAN3 (PD13).");
  CHECK(sentence_for(lines, "Hotend thermistor") == "Connect the hotend thermistor to T0 (PF4).");
  CHECK(sentence_for(lines, "Bed thermistor") == "Connect the bed thermistor to TB (PF3).");
  CHECK(sentence_for(lines, "X endstop") == "Connect the X endstop to STOP_0 pins 2-3 (PG6).");
  CHECK(sentence_for(lines, "Z endstop") == "Connect the Z endstop to STOP_2 pins 2-3 (PG10).");
  CHECK(sentence_for(lines, "Inductive probe") ==
        "Connect the inductive probe: signal to STOP_7 pin 3 (PG15); power to PROBE pins 1-2. "
        "Put a BAT85 diode in the signal wire, as the Voron config asks for the STOP_7 input.");
  CHECK(sentence_for(lines, "Mini12864 display").rfind("Connect the mini12864 display to EXP1 and EXP2. ", 0) == 0);
  CHECK(sentence_for(lines, "Raspberry Pi") ==
        "Wire the Raspberry Pi (harness \"Raspberry Pi powered from the board\"): 5V (GPIO pin 2) to PI pin 1; "
        "GND (GPIO pin 6) to PI pin 5. Wire the Raspberry Pi (harness \"Raspberry Pi UART to the board\"): "
        "TXD (GPIO pin 8) to PI pin 7 (PD6); RXD (GPIO pin 10) to PI pin 9 (PD5); GND (GPIO pin 6) to PI pin 10.");
}

TEST_CASE("the jumper table has one row per jumper the build sets", "[build-spec]") {
  Catalog catalog = project_catalog();
  Read r = read_ok(wbtest::source(kVoron), catalog);
  auto rows = jumper_table(*r.build, *r.board);
  REQUIRE(rows.size() == r.build->jumpers.size());
  auto row = [&](const std::string& part) {
    for (const auto& x : rows)
      if (x.part == part)
        return x.part + " | " + x.purpose + " | " + x.for_part + " | " + x.setting + " | " + x.label + " | " + x.pairs;
    return std::string("missing ") + part;
  };
  CHECK(rows.front().part == "J1");
  CHECK(row("J1") == "J1 | driver-mode | DRIVER0 | spi | SPI (TMC2130, TMC5160, TMC5161) | A1-A2 B1-B2 C1-C2 D1-D2");
  CHECK(row("J82") == "J82 | motor-power | DRIVER6 | main-power | main POWER input, at most 28 V | 2-3");
  CHECK(row("J16") == "J16 | diag | DRIVER0 | off | physical endstop switch | none");
  CHECK(row("J58") == "J58 | fan-voltage | FAN0 | VIN | VIN (24 V) | 6-3");
  CHECK(row("J38") == "J38 | probe-voltage | PROBE | VIN | VIN (24 V) | 4-1");
  CHECK(row("J68") == "J68 | usb-power | USB_C | off | board supplied from POWER (or a Pi) | none");
  CHECK(row("S1") == "S1 |  |  | pt100-2wire | 2-wire PT100 | ON 1 2 3");
}

TEST_CASE("the small fixture build on the test board is valid", "[build-spec]") {
  Catalog catalog = fixture_catalog();
  Read r = read_ok(wbtest::fixture("builds/valid-tiny.xml"), catalog);
  auto lines = wiring_checklist(*r.build, *r.board);
  std::vector<std::string> sentences;
  for (const auto& l : lines) sentences.push_back(l.sentence);
  CHECK(sentences == std::vector<std::string>{
                         "Plug the X motor into MOTOR and fit its driver in DRIVER (STEP PA4).",
                         "Connect the hotend heater to HEAT (PA2).",
                         "Connect the part cooling fan to FAN (PA8).",
                         "Connect the hotend thermistor to TH0 (PA0).",
                         "Connect the X endstop to STOP pins 2-3 (PA1).",
                         "Connect the display: screen to EXP pins 1-4; card and power to EXP pins 5-10. "
                         "Mind the key of the plug.",
                         "Wire the Raspberry Pi (harness \"Pi USB cable\"): 5V to USB pin 1; D- (white) to USB pin 2 "
                         "(PA11); D+ (green) to USB pin 3 (PA12); GND to USB pin 4."});
  CHECK(r.build->component("thermistor")->attachments[0].colors == std::vector<std::string>{"white", "white"});
  auto rows = jumper_table(*r.build, *r.board);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].part == "J6");
  CHECK(rows[0].label == "12 V");
  CHECK(rows[0].pairs == "2-3");
  CHECK(rows[1].pairs == "ON 1");
}

TEST_CASE("each build defect is reported at its file:line:column with a hint", "[build-spec]") {
  struct Case {
    const char* fixture;
    const char* location;
    const char* message;
  };
  const Case cases[] = {
      {"malformed", "5:3", "malformed XML: Error parsing start element tag"},
      {"unknown-element", "5:4", "unknown element <fuse> inside <build>"},
      {"unknown-attribute", "4:79", "unknown attribute 'colour' on <component>"},
      {"unknown-board", "3:57", "there is no board 'tiny-m'"},
      {"unknown-revision", "3:63", "board 'tiny-l' has no revision 'r3'"},
      {"missing-connector", "5:54", "tiny-l@r1 has no connector 'LED'"},
      {"missing-pin", "5:80", "CAN has no pin 3 on octopus-pro@v1.1"},
      {"missing-driver", "4:56", "tiny-l@r1 has no driver socket 'DRIVER2'"},
      {"shared-pin", "5:69", "STOP pin 3 is already taken by the X endstop (line 4)"},
      {"unknown-jumper", "5:8", "tiny-l@r1 has no jumper 'J9'"},
      {"unknown-switch", "5:8", "tiny-l@r1 has no switch 'S2'"},
      {"unknown-setting", "5:20", "J6 has no setting '24V'"},
      {"unmatched-purpose", "5:8", "no jumper or switch on tiny-l@r1 has purpose 'fan-volts'"},
      {"fan-voltage", "4:76",
       "the part cooling fan needs 5 V, but FAN0 gives 24 V (VIN): its fan-voltage jumper J58 is set to 'VIN' on line 5"},
      {"probe-voltage", "6:13",
       "the inductive probe needs 12 V, but PROBE gives 24 V (VIN): its probe-voltage jumper J38 is set to 'VIN' on "
       "line 8"},
      {"motor-power", "5:60",
       "DRIVER0 runs the B motor from VM: its motor-power jumper J76 is set to 'motor-power' on line 7, but <build> has "
       "no motor-power voltage"},
  };
  Catalog catalog = fixture_catalog();
  for (const auto& c : cases) {
    std::string file = wbtest::fixture(std::string("builds/") + c.fixture + ".xml");
    INFO(c.fixture);
    Read r = read(file, catalog);
    INFO(r.diags.str());
    REQUIRE(r.diags.size() == 1);  // one defect, one message: no follow-on errors
    const Diagnostic& d = r.diags.list()[0];
    CHECK(d.where.str() == file + ":" + c.location);
    CHECK(d.message == c.message);
    CHECK_FALSE(d.hint.empty());
  }
}

TEST_CASE("hints point at the fix the board data allows", "[build-spec]") {
  Catalog catalog = fixture_catalog();
  auto only = [&](const std::string& name) {
    Read r = read(wbtest::fixture("builds/" + name + ".xml"), catalog);
    REQUIRE(r.diags.size() == 1);
    return r.diags.list()[0].hint;
  };
  CHECK(only("missing-connector") == "LED exists on revision r2 of tiny-l; change board= or use another connector");
  CHECK(only("missing-pin") == "CAN has pins 1-2 on this revision; pin 3 is on v1.0");
  CHECK(only("unknown-setting") == "its settings are: 5V, 12V, none (no cap)");
  CHECK(only("fan-voltage") == "set J58 to 5V (<set jumper=\"J58\" setting=\"5V\"/>), or use a 24 V part");
  CHECK(only("motor-power") ==
        "add motor-power=\"...\" to <build> with the voltage wired to the motor power input, or set J76 to main-power");
}

TEST_CASE("more build mistakes the reader catches", "[build-spec]") {
  Catalog catalog = fixture_catalog();
  std::string valid = wbtest::read_file(wbtest::fixture("builds/valid-tiny.xml"));
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = valid;
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::string path = wbtest::temp_dir() + "/valid-tiny.xml";
    wbtest::write_file(path, text);
    Read r = read(path, catalog);
    INFO(r.diags.str());
    REQUIRE(r.diags.size() == 1);
    return r.diags.list()[0].message;
  };
  CHECK(with("<set switch=\"S1\"", "<set jumper=\"S1\"") == "'S1' is a switch, not a jumper");
  CHECK(with("setting=\"12V\"/>", "setting=\"5V\"/>") ==
        "the part cooling fan needs 12 V, but FAN gives 5 V: its fan-voltage jumper J6 is set to '5V' on line 28");
  CHECK(with("board=\"tiny-l@r1\"", "board=\"tiny-l@r1+h723\"") == "board 'tiny-l' has no MCU variant 'h723'");
  CHECK(with("colors=\"black red\"", "colors=\"black red blue\"") == "3 colours for 2 pins of FAN");
  CHECK(with("connector=\"MOTOR\"", "connector=\"DRIVER\"") == "'DRIVER' is a driver socket, not a connector");
  CHECK(with("to=\"board:USB.4\"", "to=\"board:USB.5\"") == "USB has no pin 5 on tiny-l@r1");
  CHECK(with("from=\"pi.GND\"", "from=\"pi.G\"") == "component 'pi' has no terminal 'G'");
  CHECK(with("pins=\"2-3\"", "pins=\"3-2\"") == "pins=\"3-2\" is not a list of pin numbers");
  CHECK(with("kind=\"fan\"", "kind=\"blower\"") == "unknown component kind 'blower'");
  CHECK(with("id=\"valid-tiny\"", "id=\"tiny\"") == "build id 'tiny' does not match the file name 'valid-tiny.xml'");
  CHECK(with("<set switch=\"S1\" setting=\"pullup-4k7\"/>", "<set purpose=\"fan-voltage\" setting=\"5V\"/>") ==
        "purpose 'fan-voltage' is set twice (also on line 28)");
  // On the real board: a purpose whose only jumper configures a part the build does not use.
  Catalog project = project_catalog();
  std::string path = voron_variant("<set jumper=\"J68\" setting=\"off\"/>", "<set purpose=\"usb-power\" setting=\"off\"/>");
  Read r = read(path, project);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags.list()[0].message ==
        "purpose 'usb-power' matches no jumper of a part this build uses: J68 (for USB_C) configures nothing the "
        "build connects");
}

TEST_CASE("the checklist follows the board revision", "[build-spec]") {
  Catalog catalog = project_catalog();
  Read v10 = read_ok(wbtest::source(kVoron), catalog);
  CHECK(sentence_for(wiring_checklist(*v10.build, *v10.board), "Hotend heater") ==
        "Connect the hotend heater to HE0 (PA2).");

  Read v11 = read_ok(voron_variant("board=\"octopus-pro@v1.0+f446\"", "board=\"octopus-pro@v1.1\""), catalog);
  CHECK(v11.board->spec() == "octopus-pro@v1.1");
  auto lines = wiring_checklist(*v11.build, *v11.board);
  CHECK(sentence_for(lines, "Hotend heater") == "Connect the hotend heater to HE0 (PA0).");
  CHECK(sentence_for(lines, "B motor") == "Plug the B motor (gantry left) into MOTOR0 and fit its driver in DRIVER0 (STEP PF13).");

  // The F446 exists on V1.0 only: keeping it on V1.1 is an error at board=.
  std::string f446_file = voron_variant("board=\"octopus-pro@v1.0+f446\"", "board=\"octopus-pro@v1.1+f446\"");
  Read f446 = read(f446_file, catalog);
  REQUIRE(f446.diags.size() == 1);
  CHECK(f446.diags.list()[0].message == "MCU variant 'f446' does not exist on octopus-pro revision 'v1.1'");
  CHECK(f446.diags.list()[0].hint == "MCU variants on v1.1: h723");
  CHECK(f446.diags.list()[0].where.str() == f446_file + ":17:8");
}

TEST_CASE("change a pin in boards/, the checklist changes", "[build-spec]") {
  std::string root = wbtest::temp_dir();
  std::string board = wbtest::read_file(wbtest::source("boards/octopus-pro.xml"));
  std::string he0 = "<pin n=\"2\" signal=\"HE0-\" mcu=\"PA2\"/>";
  auto at = board.find(he0);
  REQUIRE(at != std::string::npos);
  board.replace(at, he0.size(), "<pin n=\"2\" signal=\"HE0-\" mcu=\"PD1\"/>");
  wbtest::write_file(root + "/boards/octopus-pro.xml", board);
  wbtest::write_file(root + "/" + kVoron, wbtest::read_file(wbtest::source(kVoron)));

  Diagnostics d;
  Catalog catalog = Catalog::load(root, d);
  auto builds = load_builds(root, catalog, d);
  INFO(d.str());
  REQUIRE(d.empty());
  REQUIRE(builds.size() == 1);
  CHECK(builds[0].file == root + "/" + kVoron);
  auto resolved = resolve_board(builds[0], catalog, d);
  REQUIRE(resolved);
  CHECK(sentence_for(wiring_checklist(builds[0], *resolved), "Hotend heater") ==
        "Connect the hotend heater to HE0 (PD1).");
}

TEST_CASE("the project's diagrams folder loads without errors", "[build-spec]") {
  Catalog catalog = project_catalog();
  Diagnostics d;
  auto builds = load_builds(wbtest::source(""), catalog, d);
  INFO(d.str());
  CHECK(d.empty());
  bool voron = false;
  for (const auto& b : builds) voron = voron || b.id == "voron24-octopus-pro-spi";
  CHECK(voron);
}
