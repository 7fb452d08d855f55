// The wiring checklist: one line per component, in file order, built from the
// model and the resolved board, so the MCU pins in the text are the ones the
// board data gives for that revision.
#include <algorithm>

#include "diagram/internal.h"

namespace wb::diagram {

using detail::join_and;
using detail::pin_list;

namespace {

// "(PA2)" for the MCU pins of these connector pins, when there are one or two;
// a display header with eight MCU pins names none.
std::string mcu_note(const Part& part, const std::vector<int>& pins) {
  std::vector<std::string> mcus;
  for (int n : pins)
    if (const Pin* p = part.pin(n); p && !p->mcu.empty() && std::find(mcus.begin(), mcus.end(), p->mcu) == mcus.end())
      mcus.push_back(p->mcu);
  if (mcus.empty() || mcus.size() > 2) return "";
  std::string s;
  for (const auto& m : mcus) s += (s.empty() ? "" : ", ") + m;
  return " (" + s + ")";
}

// "HE0 (PA2)", "STOP_7 pin 3 (PG15)", "PROBE pins 1-2".
std::string attachment_target(const Attachment& a, const ResolvedBoard& board) {
  const Part* part = board.part(a.connector);
  if (!part) return a.connector;
  std::vector<int> pins = attached_pins(a, board);
  std::string t = a.connector;
  if (!a.pins.empty() && a.pins.size() != part->pins.size())
    t += (pins.size() == 1 ? " pin " : " pins ") + pin_list(pins);
  return t + mcu_note(*part, pins);
}

// "POWER pin 1", "PI pin 7 (PD6)", or "DC+ of the bed SSR".
std::string end_text(const WireEnd& end, const Build& build, const ResolvedBoard& board) {
  if (end.component.empty()) {
    std::string t = end.board.connector + " pin " + std::to_string(end.board.pin);
    if (const Part* part = board.part(end.board.connector)) t += mcu_note(*part, {end.board.pin});
    return t;
  }
  const Component* c = build.component(end.component);
  if (!c) return end.str();
  const Terminal* t = c->terminal(end.terminal);
  return (t ? t->label : end.terminal) + " of the " + sentence_name(*c);
}

// "Wire the PSU (harness "PSU to the board"): V+ to POWER pin 1 and MOTOR_POWER pin 1; V- to ..."
std::string harness_sentence(const Component& c, const Harness& h, const Build& build, const ResolvedBoard& board) {
  std::vector<std::string> order;  // terminals in the order their first wire appears
  std::vector<std::vector<std::string>> targets;
  for (const auto& w : h.wires) {
    for (int side = 0; side < 2; ++side) {
      const WireEnd& self = side == 0 ? w.from : w.to;
      const WireEnd& other = side == 0 ? w.to : w.from;
      if (self.component != c.id) continue;
      auto it = std::find(order.begin(), order.end(), self.terminal);
      if (it == order.end()) {
        order.push_back(self.terminal);
        targets.emplace_back();
        it = order.end() - 1;
      }
      targets[static_cast<size_t>(it - order.begin())].push_back(end_text(other, build, board));
    }
  }
  if (order.empty()) return "";
  std::string s = "Wire the " + sentence_name(c) + " (harness \"" + h.title + "\"): ";
  for (size_t i = 0; i < order.size(); ++i) {
    const Terminal* t = c.terminal(order[i]);
    s += (i ? "; " : "") + (t ? t->label : order[i]) + " to " + join_and(targets[i]);
  }
  return s + ".";
}

std::string with_stop(std::string s) {
  if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += ".";
  return s;
}

}  // namespace

std::vector<ChecklistLine> wiring_checklist(const Build& build, const ResolvedBoard& board) {
  std::vector<ChecklistLine> lines;
  for (const auto& c : build.components) {
    ChecklistLine line;
    line.component = c.label;
    std::string name = sentence_name(c);
    std::vector<std::string> sentences, targets;
    std::vector<std::string> attachment_texts;
    bool all_labelled = !c.attachments.empty();
    for (const auto& a : c.attachments) {
      attachment_texts.push_back(attachment_target(a, board));
      all_labelled = all_labelled && !a.label.empty();
    }
    const Part* driver = c.driver.empty() ? nullptr : board.part(c.driver);
    if (driver) {
      std::string socket = driver->id;
      if (const DriverSignal* step = driver->signal("STEP"); step && !step->mcu.empty())
        socket += " (STEP " + step->mcu + ")";
      std::vector<std::string> plugs;
      for (const auto& a : c.attachments) plugs.push_back(a.connector);
      sentences.push_back(plugs.empty() ? "Fit the driver of the " + name + " in " + socket + "."
                                        : "Plug the " + name + " into " + join_and(attachment_texts) +
                                              " and fit its driver in " + socket + ".");
      targets = plugs;
      targets.push_back(driver->id);
    } else if (all_labelled && c.attachments.size() > 1) {
      std::string s = "Connect the " + name + ": ";
      for (size_t i = 0; i < c.attachments.size(); ++i)
        s += (i ? "; " : "") + c.attachments[i].label + " to " + attachment_texts[i];
      sentences.push_back(s + ".");
      targets = attachment_texts;
    } else if (!c.attachments.empty()) {
      sentences.push_back("Connect the " + name + " to " + join_and(attachment_texts) + ".");
      targets = attachment_texts;
    }
    for (const auto& h : build.harnesses) {
      std::string s = harness_sentence(c, h, build, board);
      if (s.empty()) continue;
      sentences.push_back(s);
      targets.push_back("harness \"" + h.title + "\"");
    }
    if (!c.note.empty()) sentences.push_back(with_stop(c.note));
    if (sentences.empty()) continue;  // nothing valid left to connect (the reader reported why)
    line.target = join_and(targets);
    for (const auto& s : sentences) line.sentence += (line.sentence.empty() ? "" : " ") + s;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace wb::diagram
