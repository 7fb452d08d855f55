#include "board/attributes.h"

#include <cerrno>
#include <cstdlib>
#include <set>
#include <sstream>

namespace wb {

bool parse_number(const std::string& text, double& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &end);
  if (errno || *end != '\0' || text.find_first_of("xXnN") != std::string::npos) return false;
  out = v;
  return true;
}

bool parse_int(const std::string& text, int& out) {
  double v;
  if (!parse_number(text, v) || v != static_cast<int>(v)) return false;
  out = static_cast<int>(v);
  return true;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

namespace {

const std::set<std::string> kCommon = {"id",      "ref",    "label",    "kind",      "x",     "y",
                                       "width",   "height", "rotation", "pins",      "pin1",  "numbering",
                                       "pitch",   "row-pitch", "overhang", "under",  "template", "source"};
const std::set<std::string> kDriver = {"motor", "power-jumper", "mode-jumper", "diag-jumper"};
const std::set<std::string> kJumper = {"purpose", "for"};
const std::set<std::string> kSwitch = {"purpose", "for", "positions"};
const std::set<std::string> kButton = {"mcu"};

std::string number_error(const std::string& name, const std::string& value) {
  return name + "=\"" + value + "\" is not a number";
}

std::string set_length(double& field, const std::string& name, const std::string& value, bool positive) {
  double v;
  if (!parse_number(value, v)) return number_error(name, value);
  if (positive && v <= 0) return name + "=\"" + value + "\" must be greater than 0";
  if (v < 0) return name + "=\"" + value + "\" must not be negative";
  field = v;
  return "";
}

}  // namespace

bool part_accepts(PartType type, const std::string& name) {
  if (kCommon.count(name)) return true;
  switch (type) {
    case PartType::Driver: return kDriver.count(name) > 0;
    case PartType::Jumper: return kJumper.count(name) > 0;
    case PartType::Switch: return kSwitch.count(name) > 0;
    case PartType::Button: return kButton.count(name) > 0;
    default: return false;
  }
}

std::string part_attribute_list(PartType type) {
  std::set<std::string> all = kCommon;
  const std::set<std::string>* extra = nullptr;
  if (type == PartType::Driver) extra = &kDriver;
  if (type == PartType::Jumper) extra = &kJumper;
  if (type == PartType::Switch) extra = &kSwitch;
  if (type == PartType::Button) extra = &kButton;
  if (extra) all.insert(extra->begin(), extra->end());
  std::string s;
  for (const auto& a : all) s += (s.empty() ? "" : ", ") + a;
  return s;
}

std::string set_part_attribute(Part& p, const std::string& name, const std::string& value) {
  if (name == "id") p.id = value;
  else if (name == "ref") p.ref = value;
  else if (name == "label") p.label = value;
  else if (name == "kind") p.kind = value;
  else if (name == "source") p.source = value;
  else if (name == "under") p.under = value;
  else if (name == "template") {}  // handled by the reader
  else if (name == "x" || name == "y") {
    double v;
    if (!parse_number(value, v)) return number_error(name, value);
    (name == "x" ? p.x : p.y) = v;
  } else if (name == "width") return set_length(p.width, name, value, true);
  else if (name == "height") return set_length(p.height, name, value, true);
  else if (name == "pitch") return set_length(p.pitch, name, value, true);
  else if (name == "row-pitch") return set_length(p.row_pitch, name, value, true);
  else if (name == "overhang") return set_length(p.overhang, name, value, false);
  else if (name == "rotation") {
    int r;
    if (!parse_int(value, r) || (r != 0 && r != 90 && r != 180 && r != 270))
      return "rotation=\"" + value + "\" must be 0, 90, 180 or 270";
    p.rotation = r;
  } else if (name == "pins") {
    auto x = value.find('x');
    int rows, cols;
    if (x == std::string::npos || !parse_int(value.substr(0, x), rows) || !parse_int(value.substr(x + 1), cols) ||
        rows < 1 || cols < 1)
      return "pins=\"" + value + "\" must be ROWSxCOLUMNS, such as 1x4 or 2x5";
    p.rows = rows;
    p.cols = cols;
  } else if (name == "pin1") {
    static const std::set<std::string> ok = {"left",     "right",     "top",         "bottom",
                                             "top-left", "top-right", "bottom-left", "bottom-right"};
    if (!ok.count(value))
      return "pin1=\"" + value + "\" must be left, right, top, bottom, top-left, top-right, bottom-left or bottom-right";
    p.pin1 = value;
  } else if (name == "numbering") {
    if (value == "rows") p.numbering = Numbering::Rows;
    else if (value == "columns") p.numbering = Numbering::Columns;
    else if (value == "around") p.numbering = Numbering::Around;
    else return "numbering=\"" + value + "\" must be rows, columns or around";
  } else if (name == "motor") p.motors = split_words(value);
  else if (name == "power-jumper") p.power_jumper = value;
  else if (name == "mode-jumper") p.mode_jumper = value;
  else if (name == "diag-jumper") p.diag_jumper = value;
  else if (name == "purpose") p.purpose = value;
  else if (name == "for") p.for_part = value;
  else if (name == "mcu") p.mcu = value;
  else if (name == "positions") {
    int n;
    if (!parse_int(value, n) || n < 1) return "positions=\"" + value + "\" must be a whole number of levers";
    p.positions = n;
  } else return "unknown attribute '" + name + "'";
  return "";
}

std::string set_pin_attribute(Pin& pin, const std::string& name, const std::string& value) {
  if (name == "n") {
    int n;
    if (!parse_int(value, n) || n < 1) return "n=\"" + value + "\" must be a pin number from 1";
    pin.n = n;
  } else if (name == "name") pin.name = value;
  else if (name == "signal") pin.signal = value;
  else if (name == "mcu") pin.mcu = value;
  else if (name == "function") pin.function = value;
  else if (name == "voltage") pin.voltage = value;
  else if (name == "note") pin.note = value;
  else return "unknown attribute '" + name + "'";
  return "";
}

std::string set_signal_attribute(DriverSignal& s, const std::string& name, const std::string& value) {
  if (name == "name") s.name = value;
  else if (name == "mcu") s.mcu = value;
  else if (name == "via") s.via = value;
  else if (name == "pin") {
    int n;
    if (!parse_int(value, n) || n < 1) return "pin=\"" + value + "\" must be a socket pin number from 1";
    s.pin = n;
  } else if (name == "active-low") {
    if (value != "true" && value != "false") return "active-low=\"" + value + "\" must be true or false";
    s.active_low = value == "true";
  } else return "unknown attribute '" + name + "'";
  return "";
}

std::string set_setting_attribute(Setting& s, const std::string& name, const std::string& value) {
  if (name == "id") s.id = value;
  else if (name == "label") s.label = value;
  else if (name == "voltage") s.voltage = value;
  else if (name == "pairs") {
    s.pairs.clear();
    for (const auto& w : split_words(value)) {
      auto dash = w.find('-');
      if (dash == std::string::npos || dash == 0 || dash + 1 == w.size())
        return "pairs=\"" + value + "\": '" + w + "' must be two pins joined by '-', such as 1-2 or C1-C2";
      s.pairs.emplace_back(w.substr(0, dash), w.substr(dash + 1));
    }
  } else if (name == "on") {
    s.on.clear();
    for (const auto& w : split_words(value)) {
      int n;
      if (!parse_int(w, n) || n < 1) return "on=\"" + value + "\": '" + w + "' is not a lever number";
      s.on.push_back(n);
    }
  } else return "unknown attribute '" + name + "'";
  return "";
}

}  // namespace wb
