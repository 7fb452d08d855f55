// diagrams/*.xml to a Build, without the board: elements, attributes, ids,
// numbers, pin lists and wire ends. Checks against the board follow in
// validate.cc, jumpers.cc and voltage.cc.
#include <algorithm>
#include <cctype>
#include <set>

#include <pugixml.hpp>

#include "board/attributes.h"
#include "diagram/internal.h"
#include "util/xml_source.h"

namespace wb::diagram::detail {
namespace {

const std::vector<std::string>& component_kinds() {
  static const std::vector<std::string> kinds = {"stepper", "heater", "ssr", "fan",    "thermistor", "endstop",
                                                 "probe",   "display", "psu", "pi",     "led",        "other"};
  return kinds;
}

bool valid_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

class Reader {
 public:
  Reader(const std::string& file, const std::string& text, Diagnostics& diags)
      : text_(text), src_(file, text, kDoc), diags_(diags) {}

  std::optional<ParsedBuild> read();

 private:
  void error(const Location& l, const std::string& msg, const std::string& hint) { diags_.error(l, msg, hint); }
  AttributeLocations locations(const pugi::xml_node& n) const {
    AttributeLocations m;
    for (auto a : n.attributes()) m[a.name()] = src_.at(n, a.name());
    return m;
  }
  std::string value(const pugi::xml_node& n, const char* a) const { return n.attribute(a).value(); }
  std::string voltage(const pugi::xml_node& n, const char* a);
  std::vector<int> pin_numbers(const pugi::xml_node& n, const char* a);
  void read_component(const pugi::xml_node& n, Build& b);
  std::optional<Attachment> read_attachment(const pugi::xml_node& n, bool inline_on_component);
  void read_harness(const pugi::xml_node& n, Build& b);
  std::optional<WireEnd> wire_end(const pugi::xml_node& n, const char* a);
  void read_set(const pugi::xml_node& n, ParsedBuild& p);

  const std::string& text_;
  XmlSource src_;
  Diagnostics& diags_;
};

std::string Reader::voltage(const pugi::xml_node& n, const char* a) {
  auto attr = n.attribute(a);
  if (!attr) return "";
  double v;
  if (!parse_number(attr.value(), v) || v <= 0) {
    error(src_.at(n, a), std::string(a) + "=\"" + attr.value() + "\" is not a voltage",
          std::string("write the volts as a number, such as ") + a + "=\"24\"");
    return "";
  }
  return attr.value();
}

std::vector<int> Reader::pin_numbers(const pugi::xml_node& n, const char* a) {
  std::string text = value(n, a);
  std::replace(text.begin(), text.end(), ',', ' ');
  std::vector<int> pins;
  auto bad = [&] {
    error(src_.at(n, a), std::string(a) + "=\"" + value(n, a) + "\" is not a list of pin numbers",
          "write pin numbers and ranges: pins=\"3\", pins=\"1-2\" or pins=\"1 3 5\"");
    return std::vector<int>{};
  };
  for (const auto& word : split_words(text)) {
    auto dash = word.find('-');
    int lo, hi;
    if (dash == std::string::npos) {
      if (!parse_int(word, lo) || lo < 1) return bad();
      hi = lo;
    } else if (!parse_int(word.substr(0, dash), lo) || !parse_int(word.substr(dash + 1), hi) || lo < 1 || hi < lo) {
      return bad();
    }
    for (int p = lo; p <= hi; ++p) {
      if (std::find(pins.begin(), pins.end(), p) != pins.end()) {
        error(src_.at(n, a), std::string(a) + "=\"" + value(n, a) + "\" names pin " + std::to_string(p) + " twice",
              "list each pin once");
        return {};
      }
      pins.push_back(p);
    }
  }
  if (pins.empty()) return bad();
  return pins;
}

std::optional<Attachment> Reader::read_attachment(const pugi::xml_node& n, bool inline_on_component) {
  if (!inline_on_component) src_.check_attributes(n, {"connector", "pins", "colors", "label"}, diags_);
  Attachment at;
  at.where = src_.at(n);
  at.attribute_where = locations(n);
  at.connector = src_.required(n, "connector", diags_);
  if (n.attribute("pins")) {
    at.pins = pin_numbers(n, "pins");
    if (at.pins.empty()) return std::nullopt;  // reported; "all pins" would be a wrong guess
  }
  at.colors = split_words(value(n, "colors"));
  at.label = value(n, "label");
  if (at.connector.empty()) return std::nullopt;
  return at;
}

void Reader::read_component(const pugi::xml_node& n, Build& b) {
  src_.check_attributes(n, {"id", "kind", "label", "role", "driver", "voltage", "note", "connector", "pins", "colors"},
                        diags_);
  Component c;
  c.where = src_.at(n);
  c.attribute_where = locations(n);
  c.id = src_.required(n, "id", diags_);
  c.kind = src_.required(n, "kind", diags_);
  c.label = src_.required(n, "label", diags_);
  c.role = value(n, "role");
  c.driver = value(n, "driver");
  c.voltage = voltage(n, "voltage");
  c.note = value(n, "note");
  if (!c.id.empty() && !valid_id(c.id)) {
    error(src_.at(n, "id"), "component id '" + c.id + "' may only use letters, digits, '-' and '_'",
          "harness wires name terminals as ID.TERMINAL, so an id has no '.' or spaces");
    c.id.clear();
  }
  if (!c.kind.empty() && std::find(component_kinds().begin(), component_kinds().end(), c.kind) ==
                             component_kinds().end()) {
    std::string kinds;
    for (const auto& k : component_kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
    error(src_.at(n, "kind"), "unknown component kind '" + c.kind + "'", "kinds: " + kinds);
  }
  if (!c.driver.empty() && c.kind != "stepper")
    error(src_.at(n, "driver"), "driver=\"" + c.driver + "\" on a component of kind '" + c.kind + "'",
          "only steppers have a driver socket; remove driver= or write kind=\"stepper\"");
  bool inline_attach = n.attribute("connector");
  if (!inline_attach) {
    for (const char* a : {"pins", "colors"})
      if (n.attribute(a))
        error(src_.at(n, a), std::string(a) + "= without connector= on <component>",
              "add connector=\"...\", or move it to the <attach> element it belongs to");
  }
  bool connected = inline_attach;  // written, even when what was written is wrong
  if (inline_attach)
    if (auto a = read_attachment(n, true)) c.attachments.push_back(std::move(*a));
  std::set<std::string> terminal_names;
  for (auto child : n.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string e = child.name();
    if (e == "attach") {
      if (inline_attach) {
        error(src_.at(child), "<attach> inside a component that already has connector=",
              "write every connection as an <attach> child, or the one connection as connector=; not both");
        continue;
      }
      connected = true;
      if (auto a = read_attachment(child, false)) c.attachments.push_back(std::move(*a));
    } else if (e == "terminal") {
      src_.check_attributes(child, {"name", "label"}, diags_);
      Terminal t{src_.required(child, "name", diags_), value(child, "label"), src_.at(child)};
      if (t.name.empty()) continue;
      if (t.label.empty()) t.label = t.name;
      if (!terminal_names.insert(t.name).second) {
        error(t.where, "terminal '" + t.name + "' is declared twice in '" + c.id + "'", "give each terminal its own name");
        continue;
      }
      c.terminals.push_back(t);
    } else {
      src_.unknown_element(child, "component", "attach, terminal", diags_);
    }
  }
  if (c.id.empty()) return;
  if (!connected && c.terminals.empty())
    error(c.where, "component '" + c.id + "' is connected to nothing",
          "give it connector=\"...\" or <attach> children, or <terminal>s for a <harness> to wire");
  if (const Component* other = b.component(c.id)) {
    error(src_.at(n, "id"), "a second component with id '" + c.id + "' (also on line " +
                                std::to_string(other->where.line) + ")",
          "component ids must be unique in a build");
    return;
  }
  b.components.push_back(std::move(c));
}

std::optional<WireEnd> Reader::wire_end(const pugi::xml_node& n, const char* a) {
  std::string text = src_.required(n, a, diags_);
  if (text.empty()) return std::nullopt;
  auto bad = [&] {
    error(src_.at(n, a), std::string(a) + "=\"" + text + "\" is not a wire end",
          "write COMPONENT.TERMINAL (psu.V+) or board:CONNECTOR.PIN (board:POWER.1)");
    return std::nullopt;
  };
  WireEnd end;
  const std::string prefix = "board:";
  if (text.rfind(prefix, 0) == 0) {
    std::string rest = text.substr(prefix.size());
    auto dot = rest.find('.');
    if (dot == std::string::npos || dot == 0) return bad();
    end.board.connector = rest.substr(0, dot);
    if (!parse_int(rest.substr(dot + 1), end.board.pin) || end.board.pin < 1) return bad();
    return end;
  }
  auto dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == text.size()) return bad();
  end.component = text.substr(0, dot);
  end.terminal = text.substr(dot + 1);
  return end;
}

void Reader::read_harness(const pugi::xml_node& n, Build& b) {
  src_.check_attributes(n, {"id", "title"}, diags_);
  Harness h;
  h.where = src_.at(n);
  h.attribute_where = locations(n);
  h.id = src_.required(n, "id", diags_);
  h.title = src_.required(n, "title", diags_);
  for (auto child : n.children()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string(child.name()) != "wire") {
      src_.unknown_element(child, "harness", "wire", diags_);
      continue;
    }
    src_.check_attributes(child, {"from", "to", "color", "gauge", "label"}, diags_);
    Wire w;
    w.where = src_.at(child);
    w.attribute_where = locations(child);
    auto from = wire_end(child, "from");
    auto to = wire_end(child, "to");
    if (!from || !to) continue;
    w.from = *from;
    w.to = *to;
    w.color = value(child, "color");
    w.gauge = value(child, "gauge");
    w.label = value(child, "label");
    h.wires.push_back(std::move(w));
  }
  if (h.id.empty()) return;
  for (const auto& other : b.harnesses)
    if (other.id == h.id) {
      error(src_.at(n, "id"), "a second harness with id '" + h.id + "' (also on line " +
                                  std::to_string(other.where.line) + ")",
            "harness ids must be unique in a build");
      return;
    }
  if (h.wires.empty()) error(h.where, "harness '" + h.id + "' has no <wire>", "add <wire from=\"...\" to=\"...\"/>");
  b.harnesses.push_back(std::move(h));
}

void Reader::read_set(const pugi::xml_node& n, ParsedBuild& p) {
  src_.check_attributes(n, {"jumper", "switch", "purpose", "setting"}, diags_);
  SetLine s;
  s.where = src_.at(n);
  s.attribute_where = locations(n);
  s.jumper = value(n, "jumper");
  s.sw = value(n, "switch");
  s.purpose = value(n, "purpose");
  int given = !s.jumper.empty() + !s.sw.empty() + !s.purpose.empty();
  if (given != 1) {
    error(s.where, given == 0 ? "<set> names no jumper, switch or purpose" : "<set> names more than one of jumper, switch and purpose",
          "write one of <set jumper=\"J58\" setting=\"VIN\"/>, <set switch=\"S1\" setting=\"...\"/> or "
          "<set purpose=\"driver-mode\" setting=\"spi\"/>");
    return;
  }
  s.setting = src_.required(n, "setting", diags_);
  if (s.setting.empty()) return;
  p.sets.push_back(std::move(s));
}

std::optional<ParsedBuild> Reader::read() {
  pugi::xml_document doc;
  auto root = src_.load(doc, "build",
                        "a diagram spec starts with <build id=\"...\" title=\"...\" board=\"BOARD@REVISION\" vin=\"24\">",
                        diags_);
  if (!root) return std::nullopt;
  ParsedBuild p;
  Build& b = p.build;
  b.file = src_.file();
  b.where = src_.at(root);
  b.attribute_where = locations(root);
  src_.check_attributes(root, {"id", "title", "board", "vin", "motor-power"}, diags_);
  b.id = src_.required(root, "id", diags_);
  b.title = src_.required(root, "title", diags_);
  std::string board = src_.required(root, "board", diags_);
  if (!board.empty()) {
    if (auto spec = parse_board_spec(board)) {
      b.board = *spec;
    } else {
      error(src_.at(root, "board"), "board=\"" + board + "\" is not BOARD@REVISION",
            "write board=\"octopus-pro@v1.0\", optionally with an MCU variant: board=\"octopus-pro@v1.0+f446\"");
    }
  }
  if (root.attribute("vin")) b.vin = voltage(root, "vin");
  else src_.required(root, "vin", diags_);
  b.motor_power = voltage(root, "motor-power");
  for (auto c : root.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string e = c.name();
    if (e == "component") read_component(c, b);
    else if (e == "harness") read_harness(c, b);
    else if (e == "set") read_set(c, p);
    else src_.unknown_element(c, "build", "component, harness, set", diags_);
  }
  // A component with terminals only must be reached by a harness wire.
  for (const auto& c : b.components) {
    if (!c.attachments.empty() || c.terminals.empty()) continue;
    bool wired = false;
    for (const auto& h : b.harnesses)
      for (const auto& w : h.wires) wired = wired || w.from.component == c.id || w.to.component == c.id;
    if (!wired)
      error(c.where, "no harness wire reaches component '" + c.id + "'",
            "add a <harness> with <wire from=\"" + c.id + "." + c.terminals[0].name + "\" to=\"board:...\"/>");
  }
  return p;
}

}  // namespace

std::optional<ParsedBuild> parse_xml(const std::string& file, const std::string& text, Diagnostics& diags) {
  Reader r(file, text, diags);
  return r.read();
}

}  // namespace wb::diagram::detail
