#include "site/board_html.h"

#include <optional>
#include <sstream>

#include "board/pin_table.h"
#include "site/html.h"

namespace wb::site {

std::string pin_table_html(const ResolvedBoard& board) {
  std::string h = "<table class=\"pins\">\n<thead><tr><th>Connector</th><th>Pin</th><th>Signal</th><th>MCU</th>"
                  "<th>Function</th><th>Voltage</th></tr></thead>\n<tbody>\n";
  for (const auto& r : pin_rows(board))
    h += "<tr class=\"fn-" + escape(r.function) + "\"><td>" + escape(r.connector) + "</td><td>" + escape(r.pin) +
         "</td><td>" + escape(r.signal) + "</td><td><code>" + escape(r.mcu) + "</code></td><td>" +
         escape(r.function) + "</td><td>" + escape(r.voltage) + "</td></tr>\n";
  return h + "</tbody>\n</table>\n";
}

std::optional<std::string> pin_reference(const ResolvedBoard& board, const std::string& ref, std::string& why) {
  std::istringstream in(ref);
  std::string id, signal;
  in >> id >> signal;
  const Part* part = board.part(id);
  if (!part) {
    why = "'" + id + "' is not a connector of " + board.spec();
    return std::nullopt;
  }
  if (part->type == PartType::Driver) {
    if (signal.empty()) signal = "STEP";
    const DriverSignal* s = part->signal(signal);
    if (!s) {
      why = "driver " + id + " has no signal '" + signal + "'";
      return std::nullopt;
    }
    return id + " " + signal + " (" + s->mcu + ")";
  }
  std::vector<const Pin*> wired;
  for (const auto& p : part->pins)
    if (!p.mcu.empty()) wired.push_back(&p);
  if (!signal.empty()) {
    for (const auto& p : part->pins)
      if (p.signal == signal || std::to_string(p.n) == signal)
        return id + " " + p.signal + (p.mcu.empty() ? "" : " (" + p.mcu + ")");
    why = id + " has no pin or signal '" + signal + "'";
    return std::nullopt;
  }
  if (wired.size() == 1) return id + " (" + wired[0]->mcu + ")";
  return id;
}

std::string checklist_html(const diagram::Build& build, const ResolvedBoard& board) {
  std::string h = "<ul class=\"checklist\">\n";
  for (const auto& line : diagram::wiring_checklist(build, board))
    h += "<li><input type=\"checkbox\" aria-label=\"done\"> " + escape(line.sentence) + "</li>\n";
  return h + "</ul>\n";
}

std::string jumper_table_html(const diagram::Build& build, const ResolvedBoard& board) {
  std::string h = "<table class=\"jumpers\">\n<thead><tr><th>Jumper</th><th>For</th><th>Purpose</th><th>Setting</th>"
                  "<th>Cap on pins</th></tr></thead>\n<tbody>\n";
  for (const auto& r : diagram::jumper_table(build, board))
    h += "<tr><td>" + escape(r.part) + "</td><td>" + escape(r.for_part) + "</td><td>" + escape(r.purpose) +
         "</td><td>" + escape(r.label.empty() ? r.setting : r.label) + "</td><td>" + escape(r.pairs) + "</td></tr>\n";
  return h + "</tbody>\n</table>\n";
}

}  // namespace wb::site
