#include "board/fingerprint.h"

#include "util/hash.h"

namespace wb {
namespace {

void add_number(Hasher& h, double v) { h.add(std::to_string(v)); }

}  // namespace

std::string fingerprint(const ResolvedBoard& rb) {
  Hasher h;
  const Board& b = *rb.board;
  h.add(b.id).add(b.name).add(b.vendor);
  h.add(rb.revision ? rb.revision->id + "|" + rb.revision->name : "");
  if (rb.mcu) h.add(rb.mcu->id).add(rb.mcu->part).add(rb.mcu->crystal).add(rb.mcu->bootloader);
  for (const auto* m : b.mcus_for(rb.revision ? rb.revision->id : "")) h.add(m->part);
  for (const auto& p : b.outline.points) add_number(h, p.x), add_number(h, p.y);
  add_number(h, b.outline.corner_radius);
  for (const auto& hole : b.holes) add_number(h, hole.center.x), add_number(h, hole.center.y), add_number(h, hole.diameter);
  for (const auto& p : rb.parts) {
    h.add(std::to_string(static_cast<int>(p.type))).add(p.id).add(p.ref).add(p.label).add(p.kind);
    for (double v : {p.x, p.y, p.width, p.height, p.pitch, p.row_pitch, p.overhang}) add_number(h, v);
    h.add(std::to_string(p.rotation) + "|" + std::to_string(p.rows) + "x" + std::to_string(p.cols) + "|" + p.pin1 + "|" +
          std::to_string(static_cast<int>(p.numbering)));
    h.add(p.under).add(p.purpose).add(p.for_part).add(p.mcu).add(std::to_string(p.positions));
    h.add(p.power_jumper).add(p.mode_jumper).add(p.diag_jumper);
    for (const auto& m : p.motors) h.add(m);
    for (const auto& pin : p.pins)
      h.add(std::to_string(pin.n)).add(pin.name).add(pin.signal).add(pin.mcu).add(pin.function).add(pin.voltage).add(pin.note);
    for (const auto& s : p.signals) h.add(s.name).add(s.mcu).add(std::to_string(s.pin)).add(s.active_low ? "L" : "H").add(s.via);
    for (const auto& s : p.settings) {
      h.add(s.id).add(s.label).add(s.voltage);
      for (const auto& [a, c] : s.pairs) h.add(a).add(c);
      for (int lever : s.on) h.add(std::to_string(lever));
    }
  }
  return h.hex();
}

}  // namespace wb
