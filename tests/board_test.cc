// The board reader, templates, geometry and overlays, on the real Octopus Pro
// data and on a test board of another size and shape.
#include <catch2/catch.hpp>

#include "board/catalog.h"
#include "board/geometry.h"
#include "board/overlay.h"
#include "board/reader.h"
#include "board/validate.h"
#include "support.h"

using namespace wb;

namespace {
Board load(const std::string& path) {
  Diagnostics d;
  auto b = read_board(path, d);
  INFO(d.str());
  REQUIRE(b);
  REQUIRE(d.empty());
  return *b;
}

ResolvedBoard resolved(const Board& b, const std::string& rev, const std::string& mcu = "") {
  Diagnostics d;
  auto r = resolve(b, rev, mcu, d);
  REQUIRE(r);
  validate(*r, d);
  INFO(d.str());
  REQUIRE(d.empty());
  return *r;
}
}  // namespace

TEST_CASE("the Octopus Pro board file reads and validates on every revision and MCU variant", "[board]") {
  Board b = load(wbtest::source("boards/octopus-pro.xml"));
  CHECK(b.id == "octopus-pro");
  CHECK(b.vendor == "BIGTREETECH");
  CHECK(b.outline.bounds().w == Approx(160));
  CHECK(b.outline.bounds().h == Approx(100));
  CHECK(b.outline.corner_radius == Approx(5));
  CHECK(b.holes.size() == 4);
  REQUIRE(b.revision("v1.0"));
  REQUIRE(b.revision("v1.1"));
  for (const char* id : {"f446", "f429", "h723"}) CHECK(b.mcu(id));
  CHECK(b.mcu("h723")->part == "STM32H723ZET6");
  CHECK(b.mcu("f446")->crystal == "12 MHz");
  CHECK(b.mcu("h723")->bootloader == "128 KiB");
  CHECK(b.mcus_for("v1.1").size() == 1);  // only the H723 exists on V1.1
  CHECK(b.mcus_for("v1.0").size() == 3);
  for (const auto& rev : {"v1.0", "v1.1"}) resolved(b, rev);
  resolved(b, "v1.0", "f429");
  resolved(b, "v1.1", "h723");
}

TEST_CASE("every connector the facts list is on the board", "[board]") {
  Board b = load(wbtest::source("boards/octopus-pro.xml"));
  ResolvedBoard r = resolved(b, "v1.0");
  for (const char* id :
       {"MOTOR0", "MOTOR1", "MOTOR2_1", "MOTOR2_2", "MOTOR3", "MOTOR4", "MOTOR5", "MOTOR6", "MOTOR7", "MOTOR_POWER",
        "POWER", "BED_POWER", "BED_OUT", "HE0", "HE1", "HE2", "HE3", "FAN0", "FAN1", "FAN2", "FAN3", "FAN4", "FAN5",
        "FAN6", "FAN7", "TB", "T0", "T1", "T2", "T3", "RTD", "STOP_0", "STOP_1", "STOP_2", "STOP_3", "STOP_4",
        "STOP_5", "STOP_6", "STOP_7", "PROBE", "BLTOUCH", "RGB", "PWR_DET", "PS_ON", "EXP1", "EXP2", "PI", "TFT",
        "SPI3", "I2C", "SWD", "CAN", "USB_C", "USB_A", "SD", "WIFI"}) {
    INFO(id);
    const Part* p = r.part(id);
    REQUIRE(p);
    CHECK(p->type == PartType::Connector);
  }
  for (int i = 0; i < 8; ++i) {
    const Part* d = r.part("DRIVER" + std::to_string(i));
    REQUIRE(d);
    CHECK(d->type == PartType::Driver);
    for (const char* s : {"STEP", "DIR", "EN", "CS", "DIAG"}) CHECK(d->signal(s));
  }
  // Jumpers and the DIP switch, with their named settings.
  for (const char* j : {"J76", "J83", "J1", "J24", "J16", "J23", "J58", "J66", "J38", "J84", "J68", "J75"})
    CHECK(r.part(j));
  const Part* fan_v = r.part("J58");
  REQUIRE(fan_v);
  CHECK(fan_v->purpose == "fan-voltage");
  CHECK(fan_v->for_part == "FAN0");
  REQUIRE(fan_v->setting("12V"));
  CHECK(fan_v->setting("12V")->pairs == std::vector<std::pair<std::string, std::string>>{{"5", "2"}});
  const Part* s1 = r.part("S1");
  REQUIRE(s1);
  CHECK(s1->type == PartType::Switch);
  CHECK(s1->positions == 4);
  CHECK(s1->settings.size() == 6);
  const Part* mode = r.part("J1");
  REQUIRE(mode);
  REQUIRE(mode->setting("spi"));
  CHECK(mode->setting("spi")->pairs.size() == 4);
  REQUIRE(mode->setting("uart"));
  CHECK(mode->setting("uart")->pairs.size() == 1);
}

TEST_CASE("templates fill in what a part does not say", "[board]") {
  Board b = load(wbtest::source("boards/octopus-pro.xml"));
  ResolvedBoard r = resolved(b, "v1.0");
  const Part* stop = r.part("STOP_3");
  REQUIRE(stop);
  CHECK(stop->pin_count() == 3);
  REQUIRE(stop->pin(1));
  CHECK(stop->pin(1)->function == "power");
  CHECK(stop->pin(3)->mcu == "PG11");
  CHECK(stop->ref == "J33");
}

TEST_CASE("pin positions follow the grid, pin 1 corner, numbering and rotation", "[board]") {
  Part p;
  p.x = 10, p.y = 20, p.width = 10, p.height = 2.54, p.rows = 1, p.cols = 4, p.pitch = 2.54;
  p.pin1 = "left";
  CHECK(p.pin_position(1)->x == Approx(10 - 1.5 * 2.54));
  CHECK(p.pin_position(4)->x == Approx(10 + 1.5 * 2.54));
  CHECK_FALSE(p.pin_position(5));
  p.rotation = 90;  // left end turns to the top
  CHECK(p.pin_position(1)->y == Approx(20 - 1.5 * 2.54));
  CHECK(p.pin_position(1)->x == Approx(10));
  CHECK(p.body().h == Approx(10));

  // A 2x5 box header numbered along rows: odd pins left, even pins right.
  Part h;
  h.rows = 5, h.cols = 2, h.pin1 = "top-left", h.pitch = 2.54, h.row_pitch = 2.54;
  CHECK(h.pin_position(2)->x > h.pin_position(1)->x);
  CHECK(h.pin_position(3)->y > h.pin_position(1)->y);
  // A driver socket: down the left side, back up the right.
  Part d;
  d.rows = 8, d.cols = 2, d.pin1 = "top-left", d.numbering = Numbering::Around, d.pitch = 12.7, d.row_pitch = 2.54;
  CHECK(d.pin_position(8)->y == Approx(d.pin_position(9)->y));
  CHECK(d.pin_position(16)->y == Approx(d.pin_position(1)->y));
  CHECK(d.pin_position(16)->x == Approx(d.pin_position(1)->x + 12.7));
}

TEST_CASE("revision V1.1 moves exactly the pins BTT's change list names", "[board][overlay]") {
  Board b = load(wbtest::source("boards/octopus-pro.xml"));
  ResolvedBoard v10 = resolved(b, "v1.0"), v11 = resolved(b, "v1.1");
  CHECK(v10.part("HE0")->pin(2)->mcu == "PA2");
  CHECK(v11.part("HE0")->pin(2)->mcu == "PA0");
  CHECK(v10.part("HE2")->pin(2)->mcu == "PB10");
  CHECK(v11.part("HE2")->pin(2)->mcu == "PB0");
  CHECK(v10.part("DRIVER3")->signal("EN")->mcu == "PA0");
  CHECK(v11.part("DRIVER3")->signal("EN")->mcu == "PA2");
  CHECK(v10.part("RGB")->pin(2)->mcu == "PB0");
  CHECK(v11.part("RGB")->pin(2)->mcu == "PB10");
  // The CAN connector changes from an RJ11 to a 2-pin header; J85 and BOOT1 are new.
  CHECK(v10.part("CAN")->pin_count() == 6);
  CHECK(v11.part("CAN")->pin_count() == 2);
  CHECK_FALSE(v10.part("J85"));
  CHECK(v11.part("J85"));
  CHECK(v11.part("J85")->purpose == "can-termination");
  CHECK_FALSE(v10.part("BOOT1"));
  REQUIRE(v11.part("BOOT1"));
  CHECK(v11.part("BOOT1")->mcu == "PB2");
  // Nothing else differs: same parts and pins apart from those.
  size_t changed = 0;
  for (const auto& p : v10.parts) {
    const Part* q = v11.part(p.id);
    if (!q) continue;
    for (const auto& pin : p.pins)
      if (q->pin(pin.n) && q->pin(pin.n)->mcu != pin.mcu) ++changed;
    for (const auto& s : p.signals)
      if (q->signal(s.name) && q->signal(s.name)->mcu != s.mcu) ++changed;
  }
  CHECK(changed == 4);
}

TEST_CASE("a board of another size and shape reads, resolves and validates", "[board]") {
  Board b = load(wbtest::fixture("boards/tiny-l.xml"));
  CHECK(b.outline.points.size() == 6);  // an L shape
  CHECK(b.outline.bounds().w < 100);
  ResolvedBoard r1 = resolved(b, "r1"), r2 = resolved(b, "r2");
  CHECK(r2.parts.size() == r1.parts.size() + 1);
  for (const auto& m : b.mcus) resolved(b, m.revisions.empty() ? "r1" : m.revisions[0], m.id);
}

TEST_CASE("the outline check knows rounded corners and concave shapes", "[board][geometry]") {
  Outline rect;
  rect.points = {{0, 0}, {100, 0}, {100, 50}, {0, 50}};
  rect.corner_radius = 5;
  CHECK(rect_inside_outline({10, 10, 20, 10}, rect, 0));
  CHECK_FALSE(rect_inside_outline({0.2, 0.2, 4, 4}, rect, 0));  // in the rounded-off corner
  CHECK(rect_inside_outline({5, 0.2, 10, 4}, rect, 0));         // along the edge, past the corner
  CHECK_FALSE(rect_inside_outline({93, 10, 10, 10}, rect, 0));
  CHECK(rect_inside_outline({93, 10, 10, 10}, rect, 5.5));  // allowed overhang
  CHECK_FALSE(rect_inside_outline({93, 10, 10, 10}, rect, 2.5));
  Outline l;
  l.points = {{0, 0}, {40, 0}, {40, 20}, {20, 20}, {20, 40}, {0, 40}};
  CHECK(rect_inside_outline({2, 2, 10, 10}, l, 0));
  CHECK_FALSE(rect_inside_outline({25, 25, 5, 5}, l, 0));   // in the cut-out
  CHECK_FALSE(rect_inside_outline({15, 15, 10, 10}, l, 0));  // straddles the inner corner
}
