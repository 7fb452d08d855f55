// RemoveAll: every jumper position of the board boxed in yellow.
#include <map>

#include "jumpers/common.h"
#include "jumpers/views.h"

namespace wb::jumpers {

scene::Scene remove_all_view(const diagram::Build& build, const ResolvedBoard& rb) {
  pinout::BoardView v = board_view(rb, 1100);
  scene::Scene body;
  pinout::draw_board(rb, v, body, {.plain_pins = true});
  // Ids per purpose, purposes in board order.
  std::vector<std::string> purposes;
  std::map<std::string, std::vector<std::string>> ids;
  std::vector<std::string> switches;
  size_t count = 0;
  std::vector<const Part*> all;
  for (const auto& p : rb.parts)
    if (p.type == PartType::Jumper) all.push_back(&p);
  for (const auto& p : rb.parts) {
    if (p.type == PartType::Switch) switches.push_back(p.id);
    if (p.type != PartType::Jumper) continue;
    draw_mark(body, tags::kRemove + p.id, mark_box(p, v, all), colors::kRemove);
    if (!ids.count(p.purpose)) purposes.push_back(p.purpose);
    ids[p.purpose].push_back(p.id);
    ++count;
  }

  page::Header h;
  h.title = "Remove all jumpers \u2014 " + rb.title();
  h.callout = "Remove all jumpers marked in yellow";
  h.callout_fill = colors::kRemove;
  h.lines.push_back(build_title(build, rb) + ". Start from a bare board: take the cap off every jumper position "
                    "below, then fit only the caps shown on the \u201cSet these jumpers\u201d diagram.");
  h.legend.push_back(box_entry(colors::kRemove, "a jumper position: make sure no cap is on it (" +
                                                     std::to_string(count) +
                                                     (count == 1 ? " position" : " positions") + " on this board)"));
  std::string list;
  for (const auto& purpose : purposes)
    list += (list.empty() ? "" : "   ·   ") + purpose_name(purpose) + ": " + id_list(ids[purpose]);
  if (!list.empty()) h.legend.push_back(page::LegendEntry::plain(list));
  if (!switches.empty())
    h.notes.push_back("DIP switch" + std::string(switches.size() > 1 ? "es " : " ") + id_list(switches) +
                      (switches.size() > 1 ? " are" : " is") +
                      " not a jumper: leave it as it is; its setting is on the DIP switch diagram.");
  return page::compose(h, std::move(body));
}

}  // namespace wb::jumpers
