#include "board/pin_table.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace wb {

std::vector<PinRow> pin_rows(const ResolvedBoard& board) {
  std::vector<PinRow> rows;
  for (const auto& part : board.parts) {
    if (part.type != PartType::Connector && part.type != PartType::Driver) continue;
    if (part.type == PartType::Driver) {
      // The control signals are what a build guide and a firmware config need.
      for (const auto& s : part.signals)
        rows.push_back({part.id, s.pin ? std::to_string(s.pin) : "", s.name, s.mcu, "driver", "", part.ref,
                        s.active_low ? "active low" : ""});
      continue;
    }
    std::vector<Pin> pins = part.pins;
    std::sort(pins.begin(), pins.end(), [](const Pin& a, const Pin& b) { return a.n < b.n; });
    for (const auto& p : pins) {
      bool powerish = p.function == "power" || p.function == "ground";
      rows.push_back({part.id, std::to_string(p.n), p.signal, powerish ? "" : p.mcu, p.function, p.voltage, part.ref,
                      p.note});
    }
  }
  return rows;
}

namespace {
const char* kColumns[] = {"connector", "pin", "signal", "mcu", "function", "voltage", "ref", "note"};

std::vector<std::string> fields(const PinRow& r) {
  return {r.connector, r.pin, r.signal, r.mcu, r.function, r.voltage, r.ref, r.note};
}

std::string tsv_clean(std::string s) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}
}  // namespace

std::string pins_as_tsv(const std::vector<PinRow>& rows) {
  std::string out;
  for (size_t i = 0; i < std::size(kColumns); ++i) out += std::string(i ? "\t" : "") + kColumns[i];
  out += "\n";
  for (const auto& r : rows) {
    auto f = fields(r);
    for (size_t i = 0; i < f.size(); ++i) out += (i ? "\t" : "") + tsv_clean(f[i]);
    out += "\n";
  }
  return out;
}

std::string pins_as_json(const ResolvedBoard& board, const std::vector<PinRow>& rows) {
  nlohmann::ordered_json j;
  j["board"] = board.board->id;
  j["name"] = board.board->name;
  j["vendor"] = board.board->vendor;
  j["revision"] = board.revision ? board.revision->id : "";
  if (board.mcu) j["mcu"] = board.mcu->id;
  j["pins"] = nlohmann::ordered_json::array();
  for (const auto& r : rows) {
    nlohmann::ordered_json p;
    auto f = fields(r);
    for (size_t i = 0; i < f.size(); ++i) p[kColumns[i]] = f[i];
    j["pins"].push_back(p);
  }
  return j.dump(2) + "\n";
}

std::string pins_as_table(const std::vector<PinRow>& rows) {
  std::vector<size_t> width(std::size(kColumns));
  for (size_t i = 0; i < width.size(); ++i) width[i] = display_width(kColumns[i]);
  for (const auto& r : rows) {
    auto f = fields(r);
    for (size_t i = 0; i < f.size(); ++i) width[i] = std::max(width[i], display_width(f[i]));
  }
  auto line = [&](const std::vector<std::string>& f) {
    std::string s;
    for (size_t i = 0; i < f.size(); ++i) {
      s += f[i];
      if (i + 1 < f.size()) s += std::string(width[i] - display_width(f[i]) + 2, ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  std::string out = line({kColumns, kColumns + std::size(kColumns)});
  std::string rule;
  for (size_t i = 0; i < width.size(); ++i) rule += std::string(width[i], '-') + (i + 1 < width.size() ? "  " : "");
  out += rule + "\n";
  for (const auto& r : rows) out += line(fields(r));
  return out;
}

}  // namespace wb
