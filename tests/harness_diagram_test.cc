// The harness diagrams, checked on the scenes they draw: every wire starts
// and ends on the terminal or board pin it names, runs orthogonally and
// around the boxes, carries its colour; labels never touch a wire, a box or
// another label; every text is legible; renders are byte-for-byte repeatable.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "board/catalog.h"
#include "board/geometry.h"
#include "harness/harness.h"
#include "scene/render.h"
#include "scene_checks.h"
#include "support.h"

using namespace wb;
using scene::Role;

namespace {

using wbtest::load;

diagram::Component component(const std::string& id, const std::string& label, const std::string& kind,
                             std::vector<std::pair<std::string, std::string>> terminals) {
  diagram::Component c;
  c.id = id;
  c.label = label;
  c.kind = kind;
  for (auto& [name, text] : terminals) {
    diagram::Terminal t;
    t.name = name;
    t.label = text;
    c.terminals.push_back(t);
  }
  return c;
}

diagram::WireEnd at(const std::string& spec) {
  diagram::WireEnd e;
  if (spec.rfind("board:", 0) == 0) {
    auto dot = spec.rfind('.');
    e.board.connector = spec.substr(6, dot - 6);
    e.board.pin = std::stoi(spec.substr(dot + 1));
  } else {
    auto dot = spec.find('.');
    e.component = spec.substr(0, dot);
    e.terminal = spec.substr(dot + 1);
  }
  return e;
}

diagram::Wire wire(const std::string& from, const std::string& to, const std::string& color, const std::string& gauge,
                   const std::string& label) {
  diagram::Wire w;
  w.from = at(from);
  w.to = at(to);
  w.color = color;
  w.gauge = gauge;
  w.label = label;
  return w;
}

diagram::Build voron_build() {
  auto b = wbtest::test_build("voron24-test", "Voron 2.4 on Octopus Pro V1.0 (test build)", "octopus-pro@v1.0", "24");
  b.components.push_back(component("psu", "24 V power supply", "psu",
                                   {{"L", "L"}, {"N", "N"}, {"PE", "PE (earth)"}, {"V+", "V+ (24 V)"}, {"V-", "V\u2212 (0 V)"}}));
  b.components.back().voltage = "24";
  b.components.push_back(component("ssr", "Bed SSR", "ssr", {{"DC+", "3 (DC+)"}, {"DC-", "4 (DC\u2212)"}, {"AC1", "1 (load)"}, {"AC2", "2 (line)"}}));
  b.components.push_back(component("pi", "Raspberry Pi", "pi",
                                   {{"5V", "pin 4 \u00b7 5V"}, {"GND", "pin 6 \u00b7 GND"}, {"TX", "pin 8 \u00b7 GPIO14 (TXD)"},
                                    {"RX", "pin 10 \u00b7 GPIO15 (RXD)"}}));
  b.components.push_back(component("inlet", "Mains inlet", "other", {{"L", "L"}, {"N", "N"}, {"PE", "PE"}}));
  b.components.push_back(component("bed", "Bed heater (mains)", "heater", {{"1", "wire 1"}, {"2", "wire 2"}}));

  diagram::Harness power;
  power.id = "psu-power";
  power.title = "PSU to the board's power inputs";
  power.wires = {
      wire("psu.V+", "board:POWER.1", "red", "18 AWG", "+24 V"),
      wire("psu.V-", "board:POWER.2", "black", "18 AWG", "0 V"),
      wire("psu.V+", "board:MOTOR_POWER.1", "red", "18 AWG", "+24 V"),
      wire("psu.V-", "board:MOTOR_POWER.2", "black", "18 AWG", "0 V"),
      wire("psu.V+", "board:BED_POWER.1", "red", "16 AWG", "+24 V"),
      wire("psu.V-", "board:BED_POWER.2", "black", "16 AWG", "0 V"),
      wire("board:BED_OUT.2", "ssr.DC+", "red", "22 AWG", "SSR +"),
      wire("board:BED_OUT.1", "ssr.DC-", "blue", "22 AWG", "SSR \u2212"),
  };
  diagram::Harness uart;
  uart.id = "pi-uart";
  uart.title = "Raspberry Pi to the board's UART header";
  uart.wires = {
      wire("pi.TX", "board:PI.7", "yellow", "24 AWG", "Pi TX \u2192 USART2_RX"),
      wire("pi.RX", "board:PI.9", "green", "24 AWG", "Pi RX \u2190 USART2_TX"),
      wire("pi.GND", "board:PI.5", "black", "24 AWG", "GND"),
      wire("board:PI.1", "pi.5V", "#c62828", "22 AWG", "5 V"),
  };
  diagram::Harness mains;
  mains.id = "mains";
  mains.title = "Mains to the PSU and the bed SSR";
  mains.wires = {
      wire("inlet.L", "psu.L", "brown", "1.0 mm\u00b2", "L"),
      wire("inlet.N", "psu.N", "blue", "1.0 mm\u00b2", "N"),
      wire("inlet.PE", "psu.PE", "green/yellow", "1.0 mm\u00b2", "PE"),
      wire("inlet.L", "ssr.AC2", "brown", "1.0 mm\u00b2", "L"),
      wire("ssr.AC1", "bed.1", "brown", "1.0 mm\u00b2", "switched L"),
      wire("inlet.N", "bed.2", "blue", "1.0 mm\u00b2", "N"),
  };
  b.harnesses = {power, uart, mains};
  return b;
}

std::vector<Point> wire_points(const scene::Scene& s, const std::string& tag) {
  for (const auto& [t, pts] : wbtest::paths(s, Role::Wire))
    if (t == tag) return pts;
  FAIL("no wire " << tag);
  return {};
}

bool on_rect(Point p, const Rect& r) {
  return p.x >= r.x - 0.01 && p.x <= r.right() + 0.01 && p.y >= r.y - 0.01 && p.y <= r.bottom() + 0.01;
}

void check_harness(const scene::Scene& s, const diagram::Harness& h) {
  auto nodes = wbtest::tagged(s, "node:");
  std::vector<Rect> boxes;
  for (const auto* n : nodes)
    if (n->role == Role::Part) boxes.push_back(wbtest::extent(*n));
  REQUIRE_FALSE(boxes.empty());
  auto labels = s.boxes(Role::Label);
  for (size_t k = 0; k < h.wires.size(); ++k) {
    const auto& w = h.wires[k];
    INFO("wire " << k << ": " << harness::end_key(w.from) << " -> " << harness::end_key(w.to));
    auto pts = wire_points(s, "wire:" + std::to_string(k));
    REQUIRE(pts.size() >= 2);
    // Both ends on the terminal marks they name.
    auto from = wbtest::tagged(s, "terminal:" + harness::end_key(w.from));
    auto to = wbtest::tagged(s, "terminal:" + harness::end_key(w.to));
    REQUIRE_FALSE(from.empty());
    REQUIRE_FALSE(to.empty());
    auto touches = [&](Point p, const std::vector<const scene::Item*>& marks) {
      return std::any_of(marks.begin(), marks.end(), [&](const auto* m) { return on_rect(p, wbtest::extent(*m)); });
    };
    bool forward = touches(pts.front(), from) && touches(pts.back(), to);
    bool backward = touches(pts.front(), to) && touches(pts.back(), from);
    CHECK((forward || backward));
    // Orthogonal, and through no box (ends sit on box edges).
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
      CHECK((std::abs(pts[i].x - pts[i + 1].x) < 1e-6 || std::abs(pts[i].y - pts[i + 1].y) < 1e-6));
      for (const auto& b : boxes) CHECK_FALSE(segment_hits_rect(pts[i], pts[i + 1], wbtest::shrink(b, 0.5)));
    }
    // In its colour.
    for (const auto& item : s.items)
      if (item.tag == "wire:" + std::to_string(k))
        CHECK(std::get<scene::PathShape>(item.shape).stroke.color == *harness::wire_color(w.color));
    // Labelled with colour, gauge and what it carries.
    auto label = wbtest::tagged(s, "wire-label:" + std::to_string(k) );
    bool found = false;
    for (const auto* l : label)
      if (l->tag == "wire-label:" + std::to_string(k)) {
        found = true;
        const auto& t = std::get<scene::TextShape>(l->shape);
        CHECK(t.text.find(w.gauge) != std::string::npos);
        CHECK(t.text.find(w.label) != std::string::npos);
        CHECK(t.text.find(w.color) != std::string::npos);
      }
    CHECK(found);
  }
  // No wire crosses a label; labels clear of boxes and of each other.
  for (const auto& [tag, r] : labels) {
    INFO(tag);
    for (const auto& [wtag, pts] : wbtest::paths(s, Role::Wire))
      for (size_t i = 0; i + 1 < pts.size(); ++i) CHECK_FALSE(segment_hits_rect(pts[i], pts[i + 1], r));
    for (const auto& b : boxes) CHECK_FALSE(rects_overlap(r, b));
  }
  for (size_t i = 0; i < labels.size(); ++i)
    for (size_t j = i + 1; j < labels.size(); ++j) CHECK_FALSE(rects_overlap(labels[i].second, labels[j].second));
  // Boxes apart.
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(rects_overlap(boxes[i], boxes[j]));
  wbtest::check_contrast(s);
  wbtest::check_texts_apart(s);
  wbtest::check_on_canvas(s, {Role::Label, Role::Title, Role::Legend, Role::Part});
}

}  // namespace

TEST_CASE("harness diagrams: wires end on their terminals, labels stay clear", "[harness]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  for (const auto& h : build.harnesses) {
    INFO(h.id);
    auto s = harness::harness_layout(build, l.board, h);
    wbtest::dump(s, "harness-" + h.id);
    check_harness(s, h);
  }
}

TEST_CASE("board connectors show every pin with its signal and MCU pin", "[harness]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  auto s = harness::harness_layout(build, l.board, build.harnesses[1]);
  std::string text = wbtest::all_text(s);
  for (const char* want : {"PI\n", "J26 \u00b7 UART2 / Raspberry Pi", "USART2_RX\n", "PD6\n", "USART2_TX\n", "PD5\n",
                           "Raspberry Pi\n", "pin 8 \u00b7 GPIO14 (TXD)\n"})
    CHECK(text.find(want) != std::string::npos);
  // All ten pins of the header are listed, wired or not.
  for (int pin = 1; pin <= 10; ++pin) {
    std::string tag = "row:board:PI." + std::to_string(pin);
    CHECK(std::count_if(s.items.begin(), s.items.end(), [&](const auto& item) { return item.tag == tag; }) == 1);
  }
  // Only the board connectors involved are drawn, not the whole board.
  CHECK(wbtest::tagged(s, "node:board:").size() >= 1);
  for (const auto& item : s.items) CHECK(item.role != Role::Board);
}

TEST_CASE("one terminal feeding several wires gets one tab and separate wires", "[harness]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  auto s = harness::harness_layout(build, l.board, build.harnesses[0]);
  // psu.V+ feeds three wires: they leave its tab at three different heights.
  std::set<double> ys;
  for (int k : {0, 2, 4}) {
    auto pts = wire_points(s, "wire:" + std::to_string(k));
    ys.insert(std::round(pts.front().y));
  }
  CHECK(ys.size() == 3);
  CHECK(wbtest::tagged(s, "terminal:psu.V+").size() == 1);
}

TEST_CASE("unknown colours and ends are reported, not dropped", "[harness]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  diagram::Harness h;
  h.id = "odd";
  h.title = "Odd wires";
  h.wires = {wire("pi.SDA", "board:I2C.3", "teal", "26 AWG", "SDA"), wire("ghost.X", "board:PI.10", "white", "", "")};
  auto s = harness::harness_layout(build, l.board, h);
  std::string text = wbtest::all_text(s);
  CHECK(text.find("pi.SDA") != std::string::npos);
  CHECK(text.find("ghost.X") != std::string::npos);
  CHECK(wbtest::tagged(s, "wire:").size() == 2);
  CHECK_FALSE(harness::wire_color("teal"));
  CHECK(harness::wire_color("#123456")->hex() == "#123456");
  CHECK(harness::wire_color("Red"));
  wbtest::check_contrast(s);
}

TEST_CASE("a harness on the small test board", "[harness]") {
  auto l = load(wbtest::fixture(""), "tiny-l@r1");
  diagram::Build b;
  b.id = "tiny";
  b.title = "Tiny L test build";
  b.components.push_back(component("psu", "12 V supply", "psu", {{"V+", "V+"}, {"V-", "V\u2212"}}));
  b.components.push_back(component("fan", "Part fan", "fan", {{"+", "red lead"}, {"-", "black lead"}}));
  diagram::Harness h;
  h.id = "tiny-power";
  h.title = "Supply and fan";
  h.wires = {wire("psu.V+", "board:HEAT.1", "red", "20 AWG", "+12 V"), wire("psu.V-", "board:USB.4", "black", "20 AWG", "0 V"),
             wire("board:FAN.1", "fan.-", "black", "26 AWG", "FAN\u2212"), wire("psu.V+", "fan.+", "red", "26 AWG", "+12 V")};
  auto s = harness::harness_layout(b, l.board, h);
  wbtest::dump(s, "harness-tiny");
  check_harness(s, h);
}

TEST_CASE("harness diagrams render to the same bytes every time", "[harness]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  for (const auto& h : build.harnesses)
    for (auto format : {draw::Format::Png, draw::Format::Svg, draw::Format::Pdf}) {
      INFO(h.id << " " << draw::extension(format));
      std::string a = harness::render(build, l.board, h, format, 1.0);
      std::string b = harness::render(build, l.board, h, format, 1.0);
      CHECK(!a.empty());
      CHECK(a == b);
    }
}

TEST_CASE("harnesses of the Voron 2.4 build spec", "[harness]") {
  auto project = wbtest::load_project_build("voron24-octopus-pro-spi");
  const auto* build = &project.build;
  const auto* board = &project.board;
  REQUIRE_FALSE(build->harnesses.empty());
  for (const auto& h : build->harnesses) {
    INFO(h.id);
    auto s = harness::harness_layout(*build, *board, h);
    wbtest::dump(s, "voron-harness-" + h.id);
    check_harness(s, h);
  }
}

TEST_CASE("an empty harness draws a page that says so", "[harness]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  diagram::Harness h;
  h.id = "empty";
  auto s = harness::harness_layout(build, l.board, h);
  CHECK(s.width > 0);
  CHECK(wbtest::all_text(s).find("This harness has no wires.") != std::string::npos);
  CHECK_FALSE(harness::render(build, l.board, h, draw::Format::Png, 1.0).empty());
}
