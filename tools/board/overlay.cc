#include "board/overlay.h"

#include <algorithm>

#include "board/attributes.h"

namespace wb {
namespace {

std::string known_ids(const std::vector<Part>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p.id;
  return s.size() > 300 ? s.substr(0, 300) + ", ..." : s;
}

void patch(std::vector<Part>& parts, const OverlayOp& op, const std::string& owner, Diagnostics& diags) {
  auto it = std::find_if(parts.begin(), parts.end(), [&](const Part& p) { return p.id == op.id; });
  if (it == parts.end()) {
    diags.error(op.where, owner + " patches '" + op.id + "', which is not a part of the board",
                "check the id; parts are: " + known_ids(parts));
    return;
  }
  Part& part = *it;
  if (op.pin) {
    Pin* pin = nullptr;
    for (auto& p : part.pins)
      if (p.n == *op.pin) pin = &p;
    if (!pin) {
      std::string grid = std::to_string(part.rows) + "x" + std::to_string(part.cols);
      diags.error(op.where,
                  owner + " patches pin " + std::to_string(*op.pin) + " of '" + part.id + "', which has no such pin",
                  "'" + part.id + "' is a " + grid + " " + part_type_name(part.type) + " with pins 1 to " +
                      std::to_string(part.pin_count()) + "; patch a pin it declares");
      return;
    }
    for (const auto& [name, value] : op.attributes) {
      std::string msg = set_pin_attribute(*pin, name, value);
      if (!msg.empty()) diags.error(op.attribute_where.at(name), msg + " in <patch>", "a pin takes n, name, signal, mcu, function, voltage, note");
    }
    return;
  }
  if (!op.signal.empty()) {
    DriverSignal* signal = nullptr;
    for (auto& s : part.signals)
      if (s.name == op.signal) signal = &s;
    if (!signal) {
      std::string names;
      for (const auto& s : part.signals) names += (names.empty() ? "" : ", ") + s.name;
      diags.error(op.where, owner + " patches signal '" + op.signal + "' of '" + part.id + "', which has no such signal",
                  names.empty() ? "only driver sockets have signals" : "its signals are: " + names);
      return;
    }
    for (const auto& [name, value] : op.attributes) {
      std::string msg = set_signal_attribute(*signal, name, value);
      if (!msg.empty()) diags.error(op.attribute_where.at(name), msg + " in <patch>", "a signal takes name, mcu, pin, active-low, via");
    }
    return;
  }
  for (const auto& [name, value] : op.attributes) {
    if (name == "id" || name == "template" || !part_accepts(part.type, name)) {
      diags.error(op.attribute_where.at(name),
                  "<patch> cannot set '" + name + "' on " + part_type_name(part.type) + " '" + part.id + "'",
                  "patchable attributes: " + part_attribute_list(part.type) +
                      " (to change a pin, add pin=\"N\"; to rename, remove and add)");
      continue;
    }
    std::string msg = set_part_attribute(part, name, value);
    if (!msg.empty()) diags.error(op.attribute_where.at(name), msg + " in <patch>", "fix the value");
  }
}

void apply(std::vector<Part>& parts, std::vector<Shared>& shared, const std::vector<OverlayOp>& ops,
           const std::string& owner, Diagnostics& diags) {
  for (const auto& op : ops) {
    switch (op.kind) {
      case OverlayOp::Patch: patch(parts, op, owner, diags); break;
      case OverlayOp::Remove: {
        auto it = std::find_if(parts.begin(), parts.end(), [&](const Part& p) { return p.id == op.id; });
        if (it == parts.end())
          diags.error(op.where, owner + " removes '" + op.id + "', which is not a part of the board",
                      "check the id; parts are: " + known_ids(parts));
        else
          parts.erase(it);
        break;
      }
      case OverlayOp::Add:
        parts.insert(parts.end(), op.parts.begin(), op.parts.end());
        shared.insert(shared.end(), op.shared.begin(), op.shared.end());
        break;
    }
  }
}

}  // namespace

std::optional<ResolvedBoard> resolve(const Board& board, const std::string& revision_id, const std::string& mcu_id,
                                     Diagnostics& diags) {
  ResolvedBoard r;
  r.board = &board;
  r.revision = board.revision(revision_id);
  if (!r.revision) {
    std::string ids;
    for (const auto& rev : board.revisions) ids += (ids.empty() ? "" : ", ") + rev.id;
    diags.error(board.where, "board '" + board.id + "' has no revision '" + revision_id + "'",
                "its revisions are: " + ids);
    return std::nullopt;
  }
  if (!mcu_id.empty()) {
    r.mcu = board.mcu(mcu_id);
    if (!r.mcu) {
      std::string ids;
      for (const auto& m : board.mcus) ids += (ids.empty() ? "" : ", ") + m.id;
      diags.error(board.where, "board '" + board.id + "' has no MCU variant '" + mcu_id + "'",
                  ids.empty() ? "this board declares no <mcu> variants" : "its MCU variants are: " + ids);
      return std::nullopt;
    }
    const auto& revs = r.mcu->revisions;
    if (!revs.empty() && std::find(revs.begin(), revs.end(), revision_id) == revs.end()) {
      std::string ids;
      for (const auto& rev : revs) ids += (ids.empty() ? "" : ", ") + rev;
      diags.error(r.mcu->where, "MCU variant '" + mcu_id + "' does not exist on revision '" + revision_id + "'",
                  "it exists on: " + ids);
      return std::nullopt;
    }
  }
  r.parts = board.parts;
  r.shared = board.shared;
  apply(r.parts, r.shared, r.revision->ops, "revision '" + r.revision->id + "'", diags);
  if (r.mcu) apply(r.parts, r.shared, r.mcu->ops, "MCU variant '" + r.mcu->id + "'", diags);
  return r;
}

}  // namespace wb
