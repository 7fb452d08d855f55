// The wiring diagram, checked on the scene it draws: every wire runs from its
// component's box to exactly the pin it is attached to, in horizontal and
// vertical segments only, through no label and no other component's box;
// labels never overlap; the connector labels follow the board data (HE0 moved
// from PA2 to PA0 on V1.1); output is deterministic and every text legible.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "board/catalog.h"
#include "board/geometry.h"
#include "diagram/spec.h"
#include "scene/render.h"
#include "scene_checks.h"
#include "support.h"
#include "wiring/wiring.h"

using namespace wb;
using scene::Role;

namespace {

diagram::Component component(const std::string& id, const std::string& kind, const std::string& label,
                             const std::string& role = "") {
  diagram::Component c;
  c.id = id;
  c.kind = kind;
  c.label = label;
  c.role = role;
  return c;
}

diagram::Attachment attach(const std::string& connector, std::vector<int> pins, std::vector<std::string> colors) {
  diagram::Attachment a;
  a.connector = connector;
  a.pins = std::move(pins);
  a.colors = std::move(colors);
  return a;
}

diagram::Component single(const std::string& id, const std::string& kind, const std::string& label,
                          const std::string& connector, std::vector<int> pins, std::vector<std::string> colors,
                          const std::string& role = "") {
  auto c = component(id, kind, label, role);
  c.attachments.push_back(attach(connector, std::move(pins), std::move(colors)));
  return c;
}

// A Voron 2.4 on the Octopus Pro, as the Voron documentation wires it.
diagram::Build voron(const std::string& spec) {
  auto b = wbtest::test_build("voron-test", "Voron 2.4 test build", spec, "24");
  const char* motors[] = {"MOTOR0", "MOTOR1", "MOTOR2_1", "MOTOR3", "MOTOR4", "MOTOR5", "MOTOR6"};
  const char* axes[] = {"B", "A", "Z", "Z1", "Z2", "Z3", "E"};
  for (int i = 0; i < 7; ++i) {
    auto c = single(std::string("stepper-") + axes[i], "stepper", std::string(axes[i]) + " motor", motors[i], {},
                    {"black", "green", "red", "blue"}, i < 2 ? std::string(axes[i]) + " motor (gantry)" : "");
    c.driver = "DRIVER" + std::to_string(i);
    b.components.push_back(c);
  }
  b.components.push_back(single("hotend-heater", "heater", "Hotend heater", "HE0", {}, {"red", "red"}));
  b.components.push_back(single("bed-ssr", "ssr", "Bed SSR", "HE1", {}, {"red", "black"}, "DC control side"));
  b.components.push_back(single("part-fan", "fan", "Part cooling fan", "FAN0", {}, {"black", "red"}));
  b.components.push_back(single("hotend-fan", "fan", "Hotend fan", "FAN1", {}, {"black", "red"}));
  b.components.push_back(single("controller-fans", "fan", "Controller fans", "FAN2", {}, {"black", "red"}));
  b.components.push_back(single("exhaust-fan", "fan", "Exhaust fan", "FAN3", {}, {"black", "#7b1fa2"}));
  b.components.push_back(single("hotend-thermistor", "thermistor", "Hotend thermistor", "T0", {}, {"white", "white"}));
  b.components.push_back(single("bed-thermistor", "thermistor", "Bed thermistor", "TB", {}, {"white", "white"}));
  b.components.push_back(single("x-endstop", "endstop", "X endstop", "STOP_0", {2, 3}, {"black", "white"}));
  b.components.push_back(single("y-endstop", "endstop", "Y endstop", "STOP_1", {2, 3}, {"black", "white"}));
  b.components.push_back(single("z-endstop", "endstop", "Z endstop", "STOP_2", {2, 3}, {"black", "yellow"}));
  auto probe = component("probe", "probe", "Inductive probe");
  probe.attachments.push_back(attach("STOP_7", {3}, {"black"}));
  probe.attachments.push_back(attach("PROBE", {1, 2}, {"brown", "blue"}));
  b.components.push_back(probe);
  auto display = component("display", "display", "Mini12864 display");
  display.attachments.push_back(attach("EXP1", {}, {"grey"}));
  display.attachments.push_back(attach("EXP2", {}, {"grey"}));
  b.components.push_back(display);
  // The PSU and the Pi come in through harness wires, as in the real build files.
  b.components.push_back(component("psu", "psu", "PSU", "24 V supply"));
  b.components.push_back(component("pi", "pi", "Raspberry Pi"));
  diagram::Harness h;
  h.id = "power";
  auto wire = [&](const std::string& comp, const std::string& terminal, const std::string& connector, int pin,
                  const std::string& color) {
    diagram::Wire w;
    w.from.component = comp;
    w.from.terminal = terminal;
    w.to.board = {connector, pin};
    w.color = color;
    h.wires.push_back(w);
  };
  wire("psu", "V+", "POWER", 1, "red");
  wire("psu", "V-", "POWER", 2, "black");
  wire("pi", "5V", "PI", 1, "red");
  wire("pi", "GND", "PI", 5, "black");
  wire("pi", "TX", "PI", 7, "yellow");
  wire("pi", "RX", "PI", 9, "green");
  b.harnesses.push_back(h);
  return b;
}

// A small build on the L-shaped test board: other size, other shape, parts turned every way.
diagram::Build tiny(const std::string& spec) {
  auto b = wbtest::test_build("tiny-test", "Tiny test build", spec);
  auto motor = single("x-motor", "stepper", "X motor", "MOTOR", {}, {"black", "green", "red", "blue"});
  motor.driver = "DRIVER";
  b.components.push_back(motor);
  b.components.push_back(single("heater", "heater", "Heater", "HEAT", {}, {"red", "red"}));
  b.components.push_back(single("fan", "fan", "Fan", "FAN", {}, {"black", "red"}));
  b.components.push_back(single("thermistor", "thermistor", "Thermistor", "TH0", {}, {"white", "white"}));
  b.components.push_back(single("endstop", "endstop", "Endstop", "STOP", {2, 3}, {"black", "white"}));
  b.components.push_back(single("display", "display", "Display", "EXP", {}, {"grey"}));
  // Wired to another component only: a box, no wires.
  b.components.push_back(component("bed", "heater", "Bed heater", "mains, through an SSR"));
  return b;
}

using wbtest::shrink;

// mm on the board -> canvas, recovered from the drawn outline.
struct Transform {
  double scale = 1;
  Point offset;
  Point operator()(Point mm) const { return {offset.x + mm.x * scale, offset.y + mm.y * scale}; }
};

Transform board_transform(const scene::Scene& s, const ResolvedBoard& board) {
  for (const auto& item : s.items)
    if (item.role == Role::Board)
      if (auto* p = std::get_if<scene::PathShape>(&item.shape)) {
        Outline drawn;
        drawn.points = p->points;
        Rect c = drawn.bounds(), mm = board.board->outline.bounds();
        Transform t;
        t.scale = c.w / mm.w;
        t.offset = {c.x - mm.x * t.scale, c.y - mm.y * t.scale};
        return t;
      }
  FAIL("no board outline in the scene");
  return {};
}

std::map<std::string, std::vector<Point>> wires(const scene::Scene& s) {
  std::map<std::string, std::vector<Point>> out;
  for (const auto& item : s.items)
    if (item.role == Role::Wire)
      if (auto* p = std::get_if<scene::PathShape>(&item.shape)) {
        INFO(item.tag);
        CHECK(out.count(item.tag) == 0);
        out[item.tag] = p->points;
      }
  return out;
}

// The text of a label, its lines joined by spaces.
std::string label_text(const scene::Scene& s, const std::string& connector) {
  std::string out;
  for (const auto& item : s.items)
    if (item.tag == "connector:" + connector)
      if (auto* t = std::get_if<scene::TextShape>(&item.shape)) {
        out = t->text;
        for (char& c : out)
          if (c == '\n') c = ' ';
      }
  return out;
}

bool on_edge(Point p, const Rect& r, double tol) {
  bool inside = p.x >= r.x - tol && p.x <= r.right() + tol && p.y >= r.y - tol && p.y <= r.bottom() + tol;
  bool near_edge = std::abs(p.x - r.x) <= tol || std::abs(p.x - r.right()) <= tol || std::abs(p.y - r.y) <= tol ||
                   std::abs(p.y - r.bottom()) <= tol;
  return inside && near_edge;
}

// Every check the diagram must pass, for any build on any board.
scene::Scene check_diagram(const diagram::Build& build, const ResolvedBoard& board) {
  scene::Scene s = wiring::wiring_layout(build, board);
  Transform to_canvas = board_transform(s, board);
  auto drawn = wires(s);
  auto labels = s.boxes(Role::Label);
  std::map<std::string, Rect> box_of;
  for (const auto& [tag, r] : labels)
    if (tag.rfind("component:", 0) == 0) box_of[tag.substr(10)] = r;

  // The wires the build asks for: attachments and harness wires that end on the board.
  std::set<std::string> expected;
  std::set<std::string> used_connectors;
  for (const auto& c : build.components) {
    INFO(c.id);
    CHECK(box_of.count(c.id));
    for (const auto& a : c.attachments)
      for (int pin : diagram::attached_pins(a, board)) {
        expected.insert(wiring::wire_tag(c.id, a.connector, pin));
        used_connectors.insert(a.connector);
      }
  }
  for (const auto& h : build.harnesses)
    for (const auto& w : h.wires)
      if (!w.from.component.empty() && w.to.component.empty()) {
        expected.insert(wiring::wire_tag(w.from.component, w.to.board.connector, w.to.board.pin));
        used_connectors.insert(w.to.board.connector);
      }
  std::set<std::string> found;
  for (const auto& [tag, pts] : drawn) found.insert(tag);
  CHECK(found == expected);

  for (const auto& [tag, pts] : drawn) {
    INFO("wire " << tag);
    REQUIRE(pts.size() >= 2);
    // Ends exactly on the right pin of the right connector.
    std::string component = tag.substr(0, tag.find(':'));
    std::string rest = tag.substr(tag.find(':') + 1);
    std::string connector = rest.substr(0, rest.rfind('.'));
    int pin = std::stoi(rest.substr(rest.rfind('.') + 1));
    const Part* part = board.part(connector);
    REQUIRE(part);
    auto mm = part->pin_position(pin);
    REQUIRE(mm);
    Point want = to_canvas(*mm);
    CHECK(std::abs(pts.back().x - want.x) <= 0.5);
    CHECK(std::abs(pts.back().y - want.y) <= 0.5);
    // Starts on its component's box.
    REQUIRE(box_of.count(component));
    CHECK(on_edge(pts.front(), box_of[component], 0.5));
    for (size_t k = 0; k + 1 < pts.size(); ++k) {
      const Point &p = pts[k], &q = pts[k + 1];
      INFO("segment " << k << ": (" << p.x << ", " << p.y << ") - (" << q.x << ", " << q.y << ")");
      // Horizontal or vertical only.
      CHECK((std::abs(p.x - q.x) < 1e-6 || std::abs(p.y - q.y) < 1e-6));
      // Through no label and no other component's box.
      for (const auto& [ltag, r] : labels) {
        if (ltag == "component:" + component) continue;
        INFO("crosses " << ltag);
        CHECK_FALSE(segment_hits_rect(p, q, shrink(r, 0.5)));
      }
    }
  }

  // No two wires run along each other closer than a wire is wide (they may cross).
  std::vector<std::pair<std::string, const std::vector<Point>*>> all(drawn.size());
  {
    size_t k = 0;
    for (const auto& [tag, pts] : drawn) all[k++] = {tag, &pts};
  }
  for (size_t a = 0; a < all.size(); ++a)
    for (size_t b = a + 1; b < all.size(); ++b) {
      const auto &pa = *all[a].second, &pb = *all[b].second;
      for (size_t i = 0; i + 1 < pa.size(); ++i)
        for (size_t j = 0; j + 1 < pb.size(); ++j) {
          Point p = pa[i], q = pa[i + 1], r = pb[j], t = pb[j + 1];
          bool h1 = std::abs(p.y - q.y) < 1e-6, h2 = std::abs(r.y - t.y) < 1e-6;
          if (h1 != h2) continue;
          double gap = h1 ? std::abs(p.y - r.y) : std::abs(p.x - r.x);
          double lo1 = h1 ? std::min(p.x, q.x) : std::min(p.y, q.y), hi1 = h1 ? std::max(p.x, q.x) : std::max(p.y, q.y);
          double lo2 = h1 ? std::min(r.x, t.x) : std::min(r.y, t.y), hi2 = h1 ? std::max(r.x, t.x) : std::max(r.y, t.y);
          double shared = std::min(hi1, hi2) - std::max(lo1, lo2);
          INFO("wires " << all[a].first << " and " << all[b].first << " side by side " << gap << " apart for "
                        << shared);
          CHECK_FALSE((gap < 4.0 && shared > 1.0));
        }
    }

  // Labels (connector labels and component boxes) never overlap each other,
  // and component boxes stay off the board.
  Rect mm = board.board->outline.bounds();
  Point top_left = to_canvas({mm.x, mm.y}), bottom_right = to_canvas({mm.right(), mm.bottom()});
  Rect board_rect{top_left.x, top_left.y, bottom_right.x - top_left.x, bottom_right.y - top_left.y};
  for (size_t i = 0; i < labels.size(); ++i) {
    INFO("label " << labels[i].first);
    if (labels[i].first.rfind("component:", 0) == 0) CHECK_FALSE(rects_overlap(labels[i].second, board_rect));
    for (size_t j = i + 1; j < labels.size(); ++j) {
      INFO("and " << labels[j].first);
      CHECK_FALSE(rects_overlap(labels[i].second, labels[j].second));
    }
  }
  // A leader from a label to its connector runs through no other label and no wire.
  for (const auto& [tag, pts] : wbtest::paths(s, Role::Leader))
    for (size_t k = 0; k + 1 < pts.size(); ++k) {
      for (const auto& [ltag, r] : labels) {
        INFO("leader of " << tag << " and label " << ltag);
        CHECK_FALSE(segment_hits_rect(pts[k], pts[k + 1], shrink(r, 0.5)));
      }
      for (const auto& [wtag, w] : drawn)
        for (size_t m = 0; m + 1 < w.size(); ++m) {
          INFO("leader of " << tag << " and wire " << wtag);
          CHECK_FALSE(segments_cross(pts[k], pts[k + 1], w[m], w[m + 1]));
        }
    }
  // Every used connector is labelled, and its label covers no other connector.
  for (const auto& id : used_connectors) {
    INFO("connector " << id);
    CHECK_FALSE(label_text(s, id).empty());
    for (const auto& [ltag, r] : labels) {
      if (ltag != "connector:" + id) continue;
      for (const auto& p : board.parts) {
        if (p.type != PartType::Connector || p.id == id) continue;
        Rect body = p.body();
        Point a = to_canvas({body.x, body.y}), b = to_canvas({body.right(), body.bottom()});
        INFO("covers " << p.id);
        CHECK_FALSE(rects_overlap(r, {a.x, a.y, b.x - a.x, b.y - a.y}, 0.5));
      }
    }
  }
  wbtest::check_on_canvas(s, {Role::Label, Role::Title, Role::Legend});
  wbtest::check_texts_apart(s);
  wbtest::check_contrast(s);
  return s;
}

}  // namespace

TEST_CASE("a Voron build on the Octopus Pro: wires land on their pins, nothing overlaps", "[wiring]") {
  auto loaded = wbtest::load(wbtest::source(""), "octopus-pro@v1.0");
  const ResolvedBoard& board = loaded.board;
  auto build = voron("octopus-pro@v1.0");
  auto s = check_diagram(build, board);
  wbtest::dump(s, "wiring-voron-octopus-pro-v1.0");
  // The labels name the MCU pins and, for steppers, the driver socket.
  CHECK(label_text(s, "HE0") == "HE0 (PA2)");
  CHECK(label_text(s, "MOTOR0") == "MOTOR0 \u00b7 DRIVER0");
  CHECK(label_text(s, "MOTOR2_1") == "MOTOR2_1 \u00b7 DRIVER2");
  CHECK(label_text(s, "STOP_7") == "STOP_7 (PG15)");
  CHECK(label_text(s, "PROBE") == "PROBE");
  CHECK(label_text(s, "PI") == "PI (PD6, PD5)");
  // The title block names the build, the board revision and its MCU.
  std::string text;
  for (const auto* t : s.texts()) text += t->text + "\n";
  CHECK(text.find("Voron 2.4 test build") != std::string::npos);
  CHECK(text.find("BIGTREETECH Octopus Pro V1.0") != std::string::npos);
  CHECK(text.find("STM32F446ZET6") != std::string::npos);
  CHECK(text.find("real wire colours") != std::string::npos);
}

TEST_CASE("a pin that moves on a new revision moves the label with it", "[wiring]") {
  auto l10 = wbtest::load(wbtest::source(""), "octopus-pro@v1.0");
  auto l11 = wbtest::load(wbtest::source(""), "octopus-pro@v1.1");
  const ResolvedBoard &v10 = l10.board, &v11 = l11.board;
  auto a = check_diagram(voron("octopus-pro@v1.0"), v10);
  auto b = check_diagram(voron("octopus-pro@v1.1"), v11);
  CHECK(label_text(a, "HE0") == "HE0 (PA2)");
  CHECK(label_text(b, "HE0") == "HE0 (PA0)");
  std::string text;
  for (const auto* t : b.texts()) text += t->text + "\n";
  CHECK(text.find("STM32H723ZET6") != std::string::npos);
}

TEST_CASE("a board of another size and shape is wired by the same rules", "[wiring]") {
  for (const char* spec : {"tiny-l@r1", "tiny-l@r2"}) {
    INFO(spec);
    auto loaded = wbtest::load(wbtest::fixture(""), spec);
    const ResolvedBoard& board = loaded.board;
    auto s = check_diagram(tiny(spec), board);
    wbtest::dump(s, std::string("wiring-") + spec);
    CHECK(label_text(s, "HEAT") == "HEAT (PA2)");
    CHECK(label_text(s, "MOTOR") == "MOTOR \u00b7 DRIVER");
    CHECK(label_text(s, "FAN") == (std::string(spec) == "tiny-l@r1" ? "FAN (PA8)" : "FAN (PB9)"));
  }
}

TEST_CASE("the Voron build file in diagrams/ draws by the same rules", "[wiring]") {
  auto project = wbtest::load_project_build("voron24-octopus-pro-spi");
  const auto* build = &project.build;
  const auto* board = &project.board;
  auto s = check_diagram(*build, *board);
  wbtest::dump(s, "wiring-voron24-octopus-pro-spi");
  CHECK(label_text(s, "HE0") == "HE0 (PA2)");
  CHECK(label_text(s, "POWER") == "POWER");
}

TEST_CASE("the wiring diagram renders the same bytes every time, in every format", "[wiring]") {
  auto loaded = wbtest::load(wbtest::source(""), "octopus-pro@v1.0");
  const ResolvedBoard& board = loaded.board;
  auto build = voron("octopus-pro@v1.0");
  for (auto format : {draw::Format::Png, draw::Format::Svg, draw::Format::Pdf}) {
    auto start = std::chrono::steady_clock::now();
    std::string first = wiring::render(build, board, format, 1.0);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::string second = wiring::render(build, board, format, 1.0);
    INFO(draw::extension(format) << " took " << ms << " ms");
    CHECK(!first.empty());
    CHECK(first == second);
    // Layout and drawing together stay well within what a site build can afford.
    CHECK(ms < 1000);
  }
}

TEST_CASE("wire colours are named or written as #rrggbb", "[wiring]") {
  CHECK(wiring::wire_color("red"));
  CHECK(wiring::wire_color("Grey") == wiring::wire_color("gray"));
  CHECK(wiring::wire_color("#aa3300") == draw::Color::hex("#aa3300"));
  CHECK_FALSE(wiring::wire_color("sparkly"));
}
