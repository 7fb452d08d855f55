// The jumper diagrams, checked on the scenes they draw: which jumpers get a
// yellow box, where the green caps sit, which headers the voltage view boxes,
// which DIP levers are ON; labels clear of each other and the board; every
// text legible; the same bytes on every render.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "board/catalog.h"
#include "board/geometry.h"
#include "jumpers/common.h"
#include "jumpers/jumpers.h"
#include "scene/render.h"
#include "scene_checks.h"
#include "support.h"

using namespace wb;
using jumpers::JumperView;
using scene::Role;

namespace {

using wbtest::load;

diagram::JumperChoice choose(const std::string& part, const std::string& setting) {
  diagram::JumperChoice c;
  c.part = part;
  c.setting = setting;
  return c;
}

// Voron 2.4 on an Octopus Pro V1.0: drivers 0-6 in SPI mode, fan 0 and the
// probe on VIN, drivers 0-6 on main power, PT1000 2-wire on the RTD input.
diagram::Build voron_build() {
  auto b = wbtest::test_build("voron24-test", "Voron 2.4 on Octopus Pro V1.0 (test build)", "octopus-pro@v1.0", "24");
  for (const char* j : {"J1", "J2", "J8", "J9", "J14", "J15", "J25"}) b.jumpers.push_back(choose(j, "spi"));
  b.jumpers.push_back(choose("J58", "VIN"));
  b.jumpers.push_back(choose("J38", "VIN"));
  for (const char* j : {"J76", "J77", "J78", "J79", "J80", "J81", "J82"}) b.jumpers.push_back(choose(j, "main-power"));
  b.jumpers.push_back(choose("S1", "pt1000-2wire"));
  return b;
}

diagram::Build tiny_build(bool with_switch) {
  auto b = wbtest::test_build("tiny-test", "Tiny L test build", "tiny-l@r1", "12");
  b.jumpers.push_back(choose("J6", "12V"));
  if (with_switch) b.jumpers.push_back(choose("S1", "pullup-1k"));
  return b;
}

// Ids of parts carrying marks with this tag prefix (the prefix is "remove:" or "voltage:fan-voltage:" ...).
std::multiset<std::string> marked(const scene::Scene& s, const std::string& prefix) {
  std::multiset<std::string> ids;
  for (const auto* item : wbtest::tagged(s, prefix)) ids.insert(item->tag.substr(item->tag.rfind(':') + 1));
  return ids;
}

std::set<std::string> jumper_ids(const ResolvedBoard& b, const std::string& purpose = "*") {
  std::set<std::string> ids;
  for (const auto& p : b.parts)
    if (p.type == PartType::Jumper && (purpose == "*" || p.purpose == purpose)) ids.insert(p.id);
  return ids;
}

Rect mark_rect(const scene::Scene& s, const std::string& tag) {
  for (const auto& item : s.items)
    if (item.tag == tag) return wbtest::extent(item);
  FAIL("no item tagged " << tag);
  return {};
}

// Board millimetres to canvas units, from where the board outline landed.
struct ToCanvas {
  Rect board_mm, board_canvas;
  Point operator()(Point mm) const {
    double k = board_canvas.w / board_mm.w;
    return {board_canvas.x + (mm.x - board_mm.x) * k, board_canvas.y + (mm.y - board_mm.y) * k};
  }
  double scale() const { return board_canvas.w / board_mm.w; }
};

ToCanvas mapping(const scene::Scene& s, const ResolvedBoard& b) {
  return {b.board->outline.bounds(), wbtest::board_box(s)};
}

void check_common(const scene::Scene& s, bool board = true) {
  wbtest::check_contrast(s);
  wbtest::check_on_canvas(s, {Role::Label, Role::Title, Role::Legend});
  wbtest::check_labels_clear(s, board);
}

}  // namespace

TEST_CASE("remove-all marks exactly every jumper position of the board", "[jumpers]") {
  for (const char* spec : {"octopus-pro@v1.0", "octopus-pro@v1.1"}) {
    INFO(spec);
    auto l = load(wbtest::source(""), spec);
    auto build = voron_build();
    auto s = jumpers::jumper_layout(build, l.board, JumperView::RemoveAll);
    wbtest::dump(s, std::string("remove-all-") + spec);
    auto ids = marked(s, jumpers::tags::kRemove);
    auto all = jumper_ids(l.board);
    CHECK(ids.size() == all.size());  // one mark each, no doubles
    CHECK(std::set<std::string>(ids.begin(), ids.end()) == all);
    // Each yellow box surrounds its jumper and is yellow.
    auto m = mapping(s, l.board);
    for (const auto& id : all) {
      INFO(id);
      const Part* p = l.board.part(id);
      Rect box = mark_rect(s, jumpers::tags::kRemove + id);
      Rect body = p->body();
      Point a = m({body.x, body.y}), b = m({body.right(), body.bottom()});
      CHECK(box.x <= a.x + 1e-6);
      CHECK(box.y <= a.y + 1e-6);
      CHECK(box.right() >= b.x - 1e-6);
      CHECK(box.bottom() >= b.y - 1e-6);
    }
    for (const auto* item : wbtest::tagged(s, jumpers::tags::kRemove))
      CHECK(std::get<scene::RectShape>(item->shape).stroke.color == jumpers::colors::kRemove);
    std::string text = wbtest::all_text(s);
    CHECK(text.find("Remove all jumpers marked in yellow") != std::string::npos);
    CHECK(text.find("J58\u2013J63, J65, J66") != std::string::npos);
    check_common(s);
  }
}

TEST_CASE("set-these draws one green cap per pair, between the pair's pins", "[jumpers]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  auto s = jumpers::jumper_layout(build, l.board, JumperView::SetThese);
  wbtest::dump(s, "set-these-octopus-pro");
  auto m = mapping(s, l.board);
  size_t expected = 0;
  for (const auto& choice : build.jumpers) {
    const Part* p = l.board.part(choice.part);
    REQUIRE(p);
    if (p->type != PartType::Jumper) continue;
    const Setting* setting = p->setting(choice.setting);
    REQUIRE(setting);
    for (const auto& [a, b] : setting->pairs) {
      ++expected;
      std::string tag = jumpers::tags::kCap + p->id + ":" + a + "-" + b;
      INFO(tag);
      auto caps = wbtest::tagged(s, tag);
      REQUIRE(caps.size() == 1);
      CHECK(caps[0]->role == Role::Mark);
      Rect r = wbtest::extent(*caps[0]);
      Point pa = m(*p->pin_position(p->pin_by_ref(a)->n)), pb = m(*p->pin_position(p->pin_by_ref(b)->n));
      Point mid{(pa.x + pb.x) / 2, (pa.y + pb.y) / 2};
      CHECK(std::abs(r.center().x - mid.x) < 0.01);
      CHECK(std::abs(r.center().y - mid.y) < 0.01);
      // It covers both pins and no third one of the header.
      for (int n = 1; n <= p->pin_count(); ++n) {
        Point q = m(*p->pin_position(n));
        bool inside = q.x > r.x && q.x < r.right() && q.y > r.y && q.y < r.bottom();
        bool in_pair = n == p->pin_by_ref(a)->n || n == p->pin_by_ref(b)->n;
        INFO("pin " << n);
        CHECK(inside == in_pair);
      }
      if (auto* rect = std::get_if<scene::RectShape>(&caps[0]->shape)) CHECK(rect->fill == jumpers::colors::kCap);
    }
  }
  CHECK(expected == 7 * 4 + 1 + 1 + 7);
  CHECK(wbtest::tagged(s, jumpers::tags::kCap).size() == expected);
  // Every set jumper and the switch are joined to a label by a leader.
  std::set<std::string> joined;
  for (const auto& [id, pts] : wbtest::paths(s, Role::Leader)) joined.insert(id);
  for (const auto& choice : build.jumpers) CHECK(joined.count(choice.part));
  std::string text = wbtest::all_text(s);
  CHECK(text.find("J58 \u00b7 VIN (24 V)") != std::string::npos);
  CHECK(text.find("J1 \u00b7 SPI") != std::string::npos);
  CHECK(text.find("J76 \u00b7 main power") != std::string::npos);
  CHECK(text.find("S1 \u00b7 2-wire PT1000") != std::string::npos);
  check_common(s);
  wbtest::check_texts_apart(s);
}

TEST_CASE("voltage selection boxes exactly the fan, probe and motor-power headers", "[jumpers]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  auto s = jumpers::jumper_layout(build, l.board, JumperView::VoltageSelection);
  wbtest::dump(s, "voltage-octopus-pro");
  std::string base = jumpers::tags::kVoltage;
  auto fan = marked(s, base + "fan-voltage:"), probe = marked(s, base + "probe-voltage:"),
       motor = marked(s, base + "motor-power:");
  CHECK(std::set<std::string>(fan.begin(), fan.end()) == jumper_ids(l.board, "fan-voltage"));
  CHECK(std::set<std::string>(probe.begin(), probe.end()) == std::set<std::string>{"J38"});
  CHECK(std::set<std::string>(motor.begin(), motor.end()) == jumper_ids(l.board, "motor-power"));
  CHECK(fan.size() + probe.size() + motor.size() == wbtest::tagged(s, base).size());
  // Each box holds its own header and no other part's body whole.
  auto m = mapping(s, l.board);
  auto colour_of = [&](const scene::Item* item) { return std::get<scene::RectShape>(item->shape).stroke.color; };
  for (const auto* item : wbtest::tagged(s, base)) {
    Rect box = wbtest::extent(*item);
    std::string id = item->tag.substr(item->tag.rfind(':') + 1);
    INFO(item->tag);
    for (const auto& p : l.board.parts) {
      Rect b = p.body();
      Point a = m({b.x, b.y}), c = m({b.right(), b.bottom()});
      bool inside = a.x >= box.x - 1e-6 && a.y >= box.y - 1e-6 && c.x <= box.right() + 1e-6 && c.y <= box.bottom() + 1e-6;
      INFO(p.id);
      CHECK(inside == (p.id == id));
    }
  }
  // One colour per kind, all different.
  std::set<std::string> colours;
  for (const char* kind : {"fan-voltage:", "probe-voltage:", "motor-power:"}) {
    std::set<std::string> in_kind;
    for (const auto* item : wbtest::tagged(s, base + kind)) in_kind.insert(colour_of(item).hex());
    CHECK(in_kind.size() == 1);
    colours.insert(in_kind.begin(), in_kind.end());
  }
  CHECK(colours.size() == 3);
  // The chosen caps are green, and the legend resolves VIN.
  CHECK(wbtest::tagged(s, jumpers::tags::kCap + std::string("J58:6-3")).size() == 1);
  CHECK(wbtest::tagged(s, jumpers::tags::kCap + std::string("J38:4-1")).size() == 1);
  CHECK(wbtest::tagged(s, jumpers::tags::kCap + std::string("J1:")).empty());  // mode blocks are not voltages
  std::string text = wbtest::all_text(s);
  CHECK(text.find("J58 (FAN0): VIN = 24 V") != std::string::npos);
  CHECK(text.find("J38 (PROBE): VIN = 24 V") != std::string::npos);
  check_common(s);
  wbtest::check_texts_apart(s);
}

TEST_CASE("the DIP switch view shows the chosen levers ON and every setting", "[jumpers]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  auto s = jumpers::jumper_layout(build, l.board, JumperView::DipSwitch);
  wbtest::dump(s, "dip-switch-octopus-pro");
  std::string lever = jumpers::tags::kLever;
  for (int i : {1, 2, 4}) CHECK(wbtest::tagged(s, lever + "S1:" + std::to_string(i) + ":on").size() == 1);
  CHECK(wbtest::tagged(s, lever + "S1:3:off").size() == 1);
  CHECK(wbtest::tagged(s, lever + "S1:").size() == 4);
  // An ON knob sits in the upper half of its slot, an OFF one in the lower half.
  for (const auto* knob : wbtest::tagged(s, lever + "S1:")) {
    Rect k = wbtest::extent(*knob);
    const scene::Item* slot = nullptr;
    for (const auto& item : s.items)
      if (item.tag == "S1:slot" && std::abs(wbtest::extent(item).center().x - k.center().x) < 0.01) slot = &item;
    REQUIRE(slot);
    bool on = knob->tag.find(":on") != std::string::npos;
    CHECK((k.center().y < wbtest::extent(*slot).center().y) == on);
  }
  // Every setting is listed, the chosen one highlighted.
  const Part* sw = l.board.part("S1");
  for (const auto& st : sw->settings) CHECK(wbtest::tagged(s, "setting:S1:" + st.id).size() == 1);
  CHECK(wbtest::tagged(s, "chosen:S1:pt1000-2wire").size() == 1);
  CHECK(wbtest::tagged(s, "chosen:").size() == 1);
  std::string text = wbtest::all_text(s);
  CHECK(text.find("Levers 1, 2, 4 ON, lever 3 OFF") != std::string::npos);
  check_common(s);
  wbtest::check_texts_apart(s);
}

TEST_CASE("a switch the build does not set is drawn with no lever chosen", "[jumpers]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  std::erase_if(build.jumpers, [](const auto& j) { return j.part == "S1"; });
  auto s = jumpers::jumper_layout(build, l.board, JumperView::DipSwitch);
  CHECK(wbtest::tagged(s, jumpers::tags::kLever + std::string("S1:")).size() == 4);
  CHECK(wbtest::tagged(s, "lever:S1:1:unset").size() == 1);
  CHECK(wbtest::tagged(s, "chosen:").empty());
  CHECK(wbtest::all_text(s).find("No setting is chosen") != std::string::npos);
  for (const auto& st : l.board.part("S1")->settings) CHECK(wbtest::tagged(s, "setting:S1:" + st.id).size() == 1);
  check_common(s);
}

TEST_CASE("jumper views of the small L-shaped test board", "[jumpers]") {
  auto l = load(wbtest::fixture(""), "tiny-l@r1");
  for (bool with_switch : {true, false}) {
    auto build = tiny_build(with_switch);
    for (auto view : {JumperView::RemoveAll, JumperView::SetThese, JumperView::VoltageSelection, JumperView::DipSwitch}) {
      INFO(jumpers::view_name(view) << (with_switch ? " with switch" : ""));
      auto s = jumpers::jumper_layout(build, l.board, view);
      wbtest::dump(s, std::string("tiny-") + jumpers::view_name(view) + (with_switch ? "" : "-unset"));
      check_common(s, view != JumperView::DipSwitch);
      wbtest::check_texts_apart(s);
    }
  }
  auto build = tiny_build(true);
  auto remove = jumpers::jumper_layout(build, l.board, JumperView::RemoveAll);
  CHECK(marked(remove, jumpers::tags::kRemove) == std::multiset<std::string>{"J6"});
  auto set = jumpers::jumper_layout(build, l.board, JumperView::SetThese);
  CHECK(wbtest::tagged(set, jumpers::tags::kCap).size() == 1);
  CHECK(wbtest::tagged(set, "cap:J6:2-3").size() == 1);
  auto volt = jumpers::jumper_layout(build, l.board, JumperView::VoltageSelection);
  CHECK(marked(volt, jumpers::tags::kVoltage) == std::multiset<std::string>{"J6"});
  auto dip = jumpers::jumper_layout(build, l.board, JumperView::DipSwitch);
  CHECK(wbtest::tagged(dip, "lever:S1:1:on").size() == 1);
  CHECK(wbtest::tagged(dip, "lever:S1:2:on").size() == 1);
}

TEST_CASE("jumper diagrams render to the same bytes every time", "[jumpers]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  auto build = voron_build();
  for (auto view : {JumperView::RemoveAll, JumperView::SetThese, JumperView::VoltageSelection, JumperView::DipSwitch})
    for (auto format : {draw::Format::Png, draw::Format::Svg, draw::Format::Pdf}) {
      INFO(jumpers::view_name(view) << " " << draw::extension(format));
      std::string a = jumpers::render(build, l.board, view, format, 1.0);
      std::string b = jumpers::render(build, l.board, view, format, 1.0);
      CHECK(!a.empty());
      CHECK(a == b);
    }
}

TEST_CASE("jumper views of the Voron 2.4 build spec", "[jumpers]") {
  auto project = wbtest::load_project_build("voron24-octopus-pro-spi");
  const auto* build = &project.build;
  const auto* board = &project.board;
  for (auto view : {JumperView::RemoveAll, JumperView::SetThese, JumperView::VoltageSelection, JumperView::DipSwitch}) {
    INFO(jumpers::view_name(view));
    auto s = jumpers::jumper_layout(*build, *board, view);
    wbtest::dump(s, std::string("voron-") + jumpers::view_name(view));
    check_common(s, view != JumperView::DipSwitch);
    wbtest::check_texts_apart(s);
    if (view != JumperView::SetThese) continue;
    // One cap per pair of every chosen setting; a setting with no pairs draws none.
    size_t pairs = 0;
    for (const auto& choice : build->jumpers) {
      const Part* p = board->part(choice.part);
      if (p && p->type == PartType::Jumper)
        if (const Setting* st = p->setting(choice.setting)) pairs += st->pairs.size();
    }
    CHECK(pairs > 0);
    CHECK(wbtest::tagged(s, jumpers::tags::kCap).size() == pairs);
  }
}

TEST_CASE("a build that sets no jumper still gets all four views", "[jumpers]") {
  auto l = load(wbtest::source(""), "octopus-pro@v1.0");
  diagram::Build build;
  build.id = "bare";
  build.board = *parse_board_spec("octopus-pro@v1.0");
  build.jumpers.push_back(choose("NOPE", "spi"));  // not on the board: ignored
  build.jumpers.push_back(choose("J1", "nope"));   // no such setting: labelled, no cap
  for (auto view : {JumperView::RemoveAll, JumperView::SetThese, JumperView::VoltageSelection, JumperView::DipSwitch}) {
    INFO(jumpers::view_name(view));
    auto s = jumpers::jumper_layout(build, l.board, view);
    CHECK(s.width > 0);
    CHECK(wbtest::tagged(s, jumpers::tags::kCap).empty());
    check_common(s, view != JumperView::DipSwitch);
  }
  auto set = jumpers::jumper_layout(build, l.board, JumperView::SetThese);
  CHECK(wbtest::all_text(set).find("J1 \u00b7 nope?") != std::string::npos);
  // VIN unknown: said as VIN.
  auto volt = jumpers::jumper_layout(voron_build(), l.board, JumperView::VoltageSelection);
  CHECK(wbtest::all_text(volt).find("VIN = 24 V") != std::string::npos);
}
