// DipSwitch: each DIP switch close up with the build's lever positions, the
// table of all its settings, and where it sits on the board.
#include <algorithm>
#include <cmath>

#include "jumpers/common.h"
#include "jumpers/views.h"
#include "pinout/palette.h"
#include "scene/compose.h"

namespace wb::jumpers {
namespace {

using scene::Role;
namespace ui = pinout::ui;

constexpr double kLeverPitch = 46, kSlotW = 26, kSlotH = 88, kKnobH = 38;
constexpr double kBodyLeft = 46, kBodyRight = 14, kBodyTop = 30, kBodyBottom = 34;
constexpr double kColumnGap = 36;

const Color kSlot = Color::hex("#3b0a0a");
const Color kKnob = Color::hex("#fafafa");
const Color kKnobUnset = Color::hex("#bdbdbd");
const Color kOffChip = Color::hex("#eceff1");
const Color kChosenInk = Color::hex("#1b5e20");

std::string levers_text(const std::vector<int>& on) {
  std::string s;
  for (int l : on) s += (s.empty() ? "" : ", ") + std::to_string(l);
  return s.empty() ? "none" : s;
}

// The switch itself, levers left to right, ON at the top. Returns its extent.
Rect draw_closeup(const Part& sw, const Setting* chosen, Point at, scene::Scene& s) {
  int n = std::max(1, sw.positions);
  double w = kBodyLeft + n * kLeverPitch + kBodyRight, h = kBodyTop + kSlotH + kBodyBottom;
  Rect body{at.x, at.y, w, h};
  s.rect(Role::Part, sw.id, body, colors::kSwitchBody, {ui::kInk, 1.2}, 6);
  // "ON" and an arrow pointing to the ON side, as printed on the part.
  draw::TextStyle on_style{13, true, false};
  Rect on = scene::measure_text({0, 0}, "ON", on_style);
  double ax = at.x + kBodyLeft / 2;
  s.path(Role::Mark, "on-arrow", {{ax, at.y + kBodyTop + kSlotH - 4}, {ax, at.y + kBodyTop + 10}}, false, std::nullopt,
         {ui::kPaper, 2.4});
  s.path(Role::Mark, "on-arrow", {{ax - 6, at.y + kBodyTop + 12}, {ax, at.y + kBodyTop + 2}, {ax + 6, at.y + kBodyTop + 12}},
         true, ui::kPaper, {ui::kPaper, 1.0});
  s.text(Role::Text, "on-side", {ax - on.w / 2, at.y + (kBodyTop - on.h) / 2}, "ON", on_style, ui::kPaper,
         colors::kSwitchBody);
  draw::TextStyle num{13, true, false}, state{11, true, false};
  for (int i = 1; i <= n; ++i) {
    double cx = at.x + kBodyLeft + (i - 0.5) * kLeverPitch;
    Rect slot{cx - kSlotW / 2, at.y + kBodyTop, kSlotW, kSlotH};
    s.rect(Role::Part, sw.id + ":slot", slot, kSlot, {}, 3);
    bool is_on = chosen && std::find(chosen->on.begin(), chosen->on.end(), i) != chosen->on.end();
    std::string tag = std::string(tags::kLever) + sw.id + ":" + std::to_string(i) + ":" +
                      (!chosen ? "unset" : is_on ? "on" : "off");
    double ky = !chosen ? slot.y + (kSlotH - kKnobH) / 2 : is_on ? slot.y + 3 : slot.bottom() - 3 - kKnobH;
    Rect knob{slot.x + 3, ky, kSlotW - 6, kKnobH};
    if (chosen)
      s.rect(Role::Pin, tag, knob, kKnob, {ui::kInk, 1.0}, 2);
    else
      s.rect(Role::Pin, tag, knob, kKnobUnset, {ui::kInk, 1.0, {3, 2}}, 2);
    // Grip lines on the knob.
    for (int g = -1; g <= 1; ++g)
      s.rect(Role::Mark, "grip", {knob.x + 4, knob.y + knob.h / 2 + g * 6 - 0.6, knob.w - 8, 1.2}, Color::hex("#9e9e9e"));
    std::string label = std::to_string(i);
    Rect t = scene::measure_text({0, 0}, label, num);
    s.text(Role::Text, "lever-number", {cx - t.w / 2, slot.bottom() + (kBodyBottom - t.h) / 2}, label, num, ui::kPaper,
           colors::kSwitchBody);
    if (!chosen) continue;
    // The state in words under the switch, so colour is never the only cue.
    std::string word = is_on ? "ON" : "OFF";
    Rect ws = scene::measure_text({0, 0}, word, state);
    Rect chip{cx - std::max(ws.w + 10, kSlotW + 8) / 2, body.bottom() + 8, std::max(ws.w + 10, kSlotW + 8), ws.h + 6};
    Color fill = is_on ? colors::kLeverOn : kOffChip;
    s.rect(Role::Mark, "state:" + tag, chip, fill, {ui::kInk, 0.6}, 3);
    s.text(Role::Text, "state:" + tag, {cx - ws.w / 2, chip.y + 3}, word, state, pinout::text_on(fill), fill);
  }
  return {body.x, body.y, body.w, body.h + (chosen ? 8 + 20 : 0)};
}

// All settings, one row each, the chosen one highlighted and marked in words.
Rect draw_settings(const Part& sw, const Setting* chosen, Point at, scene::Scene& s) {
  int n = std::max(1, sw.positions);
  draw::TextStyle head{10.5, true, false}, cell{10.5, false, false}, bold{10.5, true, false};
  const double row = 24, pad = 8;
  const double lever_w = scene::measure_text({0, 0}, "lever " + std::to_string(n), {9.5, true, false}).w + 14;
  double name_w = scene::measure_text({0, 0}, "Setting", head).w;
  for (const auto& st : sw.settings)
    name_w = std::max(name_w, scene::measure_text({0, 0}, st.label.empty() ? st.id : st.label, bold).w);
  const std::string mark = "\u2714 this build";
  double mark_w = scene::measure_text({0, 0}, mark, bold).w;
  double width = pad + name_w + pad + n * lever_w + pad + mark_w + pad;
  double height = row * (1 + static_cast<double>(sw.settings.size()));
  s.rect(Role::Label, "settings:" + sw.id, {at.x, at.y, width, height}, ui::kPaper, {ui::kTitleBar, 1.0}, 3);
  s.rect(Role::Mark, "settings-head", {at.x, at.y, width, row}, ui::kTitleBar, {}, 3);
  auto text_mid = [&](const std::string& t, const draw::TextStyle& st, double x, double y, Color ink, Color bg,
                      bool centre, const std::string& tag) {
    Rect m = scene::measure_text({0, 0}, t, st);
    s.text(Role::Text, tag, {centre ? x - m.w / 2 : x, y + (row - m.h) / 2}, t, st, ink, bg);
  };
  double lx = at.x + pad + name_w + pad;
  text_mid("Setting", head, at.x + pad, at.y, ui::kPaper, ui::kTitleBar, false, "settings-head");
  for (int i = 1; i <= n; ++i)
    text_mid("lever " + std::to_string(i), {9.5, true, false}, lx + (i - 0.5) * lever_w, at.y, ui::kPaper, ui::kTitleBar,
             true, "settings-head");
  for (size_t r = 0; r < sw.settings.size(); ++r) {
    const Setting& st = sw.settings[r];
    bool is_chosen = chosen == &st;
    double y = at.y + row * static_cast<double>(r + 1);
    Color bg = is_chosen ? colors::kChosenRow : r % 2 ? ui::kRowAlt : ui::kPaper;
    if (is_chosen)
      s.rect(Role::Mark, "chosen:" + sw.id + ":" + st.id, {at.x + 1, y, width - 2, row}, bg, {colors::kCap, 2.0}, 2);
    else if (r % 2)
      s.rect(Role::Mark, "row", {at.x + 1, y, width - 2, row}, bg);
    text_mid(st.label.empty() ? st.id : st.label, is_chosen ? bold : cell, at.x + pad, y, ui::kInk, bg, false,
             "setting:" + sw.id + ":" + st.id);
    for (int i = 1; i <= n; ++i) {
      bool on = std::find(st.on.begin(), st.on.end(), i) != st.on.end();
      double cx = lx + (i - 0.5) * lever_w;
      if (on) {
        Rect chip{cx - 15, y + 3, 30, row - 6};
        s.rect(Role::Mark, "on-chip", chip, colors::kLeverOn, {}, 3);
        text_mid("ON", {9.5, true, false}, cx, y, ui::kPaper, colors::kLeverOn, true, "on-chip");
      } else {
        text_mid("off", cell, cx, y, ui::kMuted, bg, true, "off");
      }
    }
    if (is_chosen) text_mid(mark, bold, lx + n * lever_w + pad, y, kChosenInk, bg, false, "chosen-mark");
  }
  return {at.x, at.y, width, height};
}

Rect draw_locator(const ResolvedBoard& rb, const Part& sw, Point at, scene::Scene& s) {
  draw::TextStyle cap{10.5, true, false};
  Rect t = s.text(Role::Text, "locator", at, "Where " + sw.id + " is on the board", cap, ui::kInk, ui::kPaper);
  pinout::BoardView v = board_view(rb, 400, 1.0);
  Rect mm = rb.board->outline.bounds();
  v.origin = {at.x - mm.x * v.scale, t.bottom() + 6 - mm.y * v.scale};
  scene::Scene board;
  pinout::draw_board(rb, v, board, {.plain_pins = true});
  s.items.insert(s.items.end(), board.items.begin(), board.items.end());
  Rect box = mark_box(sw, v);
  Rect ring{box.x - 4, box.y - 4, box.w + 8, box.h + 8};
  draw_mark(s, "locator:" + sw.id, ring, colors::kRemove, 3.0);
  Rect b = v.to_canvas(mm);
  return {at.x, at.y, std::max(t.w, b.w), b.bottom() - at.y};
}

}  // namespace

scene::Scene dip_switch_view(const diagram::Build& build, const ResolvedBoard& rb) {
  scene::Scene body;
  double y = 0;
  std::vector<std::string> status;
  std::vector<const Part*> switches;
  for (const auto& p : rb.parts)
    if (p.type == PartType::Switch) switches.push_back(&p);
  draw::TextStyle heading{15, true, false}, line{11, false, false};
  for (const Part* sw : switches) {
    Choice c = choice_for(build, *sw);
    const Setting* chosen = c.setting;
    std::string name = sw->id + (sw->label.empty() ? "" : " \u00b7 " + sw->label);
    Rect hb = body.text(Role::Title, "switch:" + sw->id, {0, y}, name, heading, pinout::ui::kInk, pinout::ui::kPaper);
    std::string say;
    if (chosen) {
      std::vector<int> off;
      for (int i = 1; i <= sw->positions; ++i)
        if (std::find(chosen->on.begin(), chosen->on.end(), i) == chosen->on.end()) off.push_back(i);
      say = "This build: " + (chosen->label.empty() ? chosen->id : chosen->label) + ". Lever" +
            (chosen->on.size() == 1 ? " " : "s ") + levers_text(chosen->on) + " ON" +
            (off.empty() ? "" : ", lever" + std::string(off.size() == 1 ? " " : "s ") + levers_text(off) + " OFF") + ".";
    } else if (c.choice) {
      say = "This build names setting \u201c" + c.choice->setting + "\u201d, which " + sw->id +
            " does not have: no setting is chosen. Pick one from the table.";
    } else {
      say = "No setting is chosen: this build does not set " + sw->id +
            ". Pick the setting for your sensor from the table.";
    }
    Rect sb = body.text(Role::Title, "switch:" + sw->id, {0, hb.bottom() + 4}, say, line, pinout::ui::kInk,
                        pinout::ui::kPaper);
    double top = sb.bottom() + 16;
    Rect closeup = draw_closeup(*sw, chosen, {0, top}, body);
    Rect table = draw_settings(*sw, chosen, {closeup.right() + kColumnGap, top}, body);
    Rect locator = draw_locator(rb, *sw, {table.right() + kColumnGap, top}, body);
    y = std::max({closeup.bottom(), table.bottom(), locator.bottom()}) + 40;
  }
  page::Header h;
  h.title = "DIP switch" + std::string(switches.size() > 1 ? "es" : "") + " \u2014 " + build_title(build, rb);
  h.lines.push_back(rb.title() + ". Levers are numbered as printed on the switch; push a lever toward \u201cON\u201d "
                    "to switch it on.");
  if (switches.empty()) {
    h.callout = "This board has no DIP switches";
    body.text(Role::Text, "none", {0, 0}, "Nothing to set.", line, pinout::ui::kInk, pinout::ui::kPaper);
  }
  h.legend.push_back(page::LegendEntry::colour(colors::kLeverOn, "lever ON (knob pushed to the ON side)"));
  h.legend.push_back(page::LegendEntry::colour(kOffChip, "lever OFF"));
  return page::compose(h, std::move(body));
}

}  // namespace wb::jumpers
