#include "board/reader.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "board/attributes.h"
#include "util/xml_source.h"

namespace wb {
namespace {

class Reader {
 public:
  Reader(const std::string& file, const std::string& text, Diagnostics& diags)
      : text_(text), src_(file, text, "content/authoring/board-format.md"), diags_(diags) {}

  std::optional<Board> read();

 private:
  Location at(const pugi::xml_node& n) const { return src_.at(n); }
  Location at(const pugi::xml_node& n, const char* attribute) const { return src_.at(n, attribute); }
  void error(const Location& l, const std::string& msg, const std::string& hint) { diags_.error(l, msg, hint); }

  bool check_attributes(const pugi::xml_node& n, const std::set<std::string>& allowed) {
    return src_.check_attributes(n, allowed, diags_);
  }
  void unknown_element(const pugi::xml_node& n, const std::string& parent, const std::string& allowed) {
    src_.unknown_element(n, parent, allowed, diags_);
  }
  std::string required(const pugi::xml_node& n, const char* attribute) { return src_.required(n, attribute, diags_); }
  double number(const pugi::xml_node& n, const char* attribute, double fallback);

  void read_outline(const pugi::xml_node& n, Board& b);
  std::optional<PartType> part_type(const std::string& element) const;
  std::optional<Part> read_part(const pugi::xml_node& n, PartType type);
  void apply_node(Part& p, const pugi::xml_node& n, bool from_template);
  void read_pin(Part& p, const pugi::xml_node& n);
  void read_signal(Part& p, const pugi::xml_node& n);
  void read_setting(Part& p, const pugi::xml_node& n);
  Shared read_shared(const pugi::xml_node& n);
  std::vector<OverlayOp> read_ops(const pugi::xml_node& n);

  const std::string& text_;
  XmlSource src_;
  Diagnostics& diags_;
  std::map<std::string, pugi::xml_node> templates_;
};

double Reader::number(const pugi::xml_node& n, const char* attribute, double fallback) {
  auto a = n.attribute(attribute);
  if (!a) return fallback;
  double v;
  if (!parse_number(a.value(), v)) {
    error(at(n, attribute), std::string(attribute) + "=\"" + a.value() + "\" is not a number",
          "write a decimal number of millimetres, such as 12.5");
    return fallback;
  }
  return v;
}

void Reader::read_outline(const pugi::xml_node& n, Board& b) {
  check_attributes(n, {"width", "height", "corner-radius"});
  b.outline.where = at(n);
  b.outline.corner_radius = number(n, "corner-radius", 0);
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::string(c.name()) != "point") {
      unknown_element(c, "outline", "point");
      continue;
    }
    check_attributes(c, {"x", "y"});
    b.outline.points.push_back({number(c, "x", 0), number(c, "y", 0)});
  }
  bool has_size = n.attribute("width") || n.attribute("height");
  if (has_size && !b.outline.points.empty()) {
    error(at(n), "<outline> has both width/height and <point> corners", "use either a rectangle or a polygon");
  } else if (has_size) {
    double w = number(n, "width", 0), h = number(n, "height", 0);
    if (w <= 0 || h <= 0) error(at(n), "<outline> width and height must be greater than 0", "give the board size in mm");
    b.outline.points = {{0, 0}, {w, 0}, {w, h}, {0, h}};
  } else if (b.outline.points.size() < 3) {
    error(at(n), "<outline> needs width and height, or at least three <point> corners",
          "write <outline width=\"160\" height=\"100\" corner-radius=\"5\"/>");
  }
}

std::optional<PartType> Reader::part_type(const std::string& e) const {
  if (e == "connector") return PartType::Connector;
  if (e == "driver") return PartType::Driver;
  if (e == "jumper") return PartType::Jumper;
  if (e == "switch") return PartType::Switch;
  if (e == "button") return PartType::Button;
  return std::nullopt;
}

void Reader::read_pin(Part& p, const pugi::xml_node& n) {
  static const std::set<std::string> allowed = {"n", "name", "signal", "mcu", "function", "voltage", "note"};
  check_attributes(n, allowed);
  int number = 0;
  auto na = n.attribute("n");
  if (!na) {
    error(at(n), "<pin> needs an 'n' attribute (its pin number)", "add n=\"1\" and so on");
    return;
  }
  if (!parse_int(na.value(), number) || number < 1) {
    error(at(n, "n"), std::string("pin number n=\"") + na.value() + "\" is not a whole number from 1",
          "pins are numbered 1, 2, 3 ...");
    return;
  }
  Pin* pin = nullptr;
  for (auto& existing : p.pins)
    if (existing.n == number) pin = &existing;
  if (!pin) {
    p.pins.push_back(Pin{});
    pin = &p.pins.back();
  }
  pin->where = at(n);
  for (auto a : n.attributes()) {
    std::string msg = set_pin_attribute(*pin, a.name(), a.value());
    if (!msg.empty()) error(at(n, a.name()), msg, "see the pin attributes in content/authoring/board-format.md");
  }
}

void Reader::read_signal(Part& p, const pugi::xml_node& n) {
  static const std::set<std::string> allowed = {"name", "mcu", "pin", "active-low", "via"};
  check_attributes(n, allowed);
  std::string name = required(n, "name");
  if (name.empty()) return;
  DriverSignal* s = nullptr;
  for (auto& existing : p.signals)
    if (existing.name == name) s = &existing;
  if (!s) {
    p.signals.push_back(DriverSignal{});
    s = &p.signals.back();
  }
  s->where = at(n);
  for (auto a : n.attributes()) {
    std::string msg = set_signal_attribute(*s, a.name(), a.value());
    if (!msg.empty()) error(at(n, a.name()), msg, "see the driver attributes in content/authoring/board-format.md");
  }
}

void Reader::read_setting(Part& p, const pugi::xml_node& n) {
  static const std::set<std::string> allowed = {"id", "label", "voltage", "pairs", "on"};
  check_attributes(n, allowed);
  std::string id = required(n, "id");
  if (id.empty()) return;
  Setting* s = nullptr;
  for (auto& existing : p.settings)
    if (existing.id == id) s = &existing;
  if (!s) {
    p.settings.push_back(Setting{});
    s = &p.settings.back();
  }
  s->where = at(n);
  for (auto a : n.attributes()) {
    std::string msg = set_setting_attribute(*s, a.name(), a.value());
    if (!msg.empty()) error(at(n, a.name()), msg, "see the jumper attributes in content/authoring/board-format.md");
  }
}

void Reader::apply_node(Part& p, const pugi::xml_node& n, bool from_template) {
  for (auto a : n.attributes()) {
    std::string name = a.name();
    if (from_template && name == "id") continue;
    if (!from_template && !part_accepts(p.type, name)) {
      error(at(n, a.name()), "unknown attribute '" + name + "' on <" + n.name() + ">",
            "<" + std::string(n.name()) + "> takes: " + part_attribute_list(p.type));
      continue;
    }
    std::string msg = set_part_attribute(p, name, a.value());
    if (!msg.empty() && (name == "x" || name == "y" || name == "width" || name == "height" || name == "rotation"))
      p.geometry_ok = false;
    if (!msg.empty()) {
      std::string hint = msg.rfind("unknown attribute", 0) == 0 ? "see content/authoring/board-format.md"
                         : msg.find("is not a number") != std::string::npos
                             ? "write a decimal number of millimetres, such as 12.5"
                             : "see the allowed values in content/authoring/board-format.md";
      error(at(n, a.name()), msg + " on <" + n.name() + ">", hint);
    }
  }
  std::set<std::string> seen;  // pins, signals and settings written twice in this element
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string e = c.name();
    const char* key_attr = e == "pin" ? "n" : e == "signal" ? "name" : "id";
    std::string key = e + ":" + c.attribute(key_attr).value();
    if (c.attribute(key_attr) && !seen.insert(key).second) {
      error(at(c), "duplicate <" + e + " " + key_attr + "=\"" + c.attribute(key_attr).value() + "\"> in " +
                       (from_template ? "template" : "'" + p.id + "'"),
            "each " + e + " appears once per part; remove or renumber one of them");
      continue;
    }
    if (e == "pin") read_pin(p, c);
    else if (e == "signal" && (p.type == PartType::Driver || from_template)) read_signal(p, c);
    else if (e == "setting" && (p.type == PartType::Jumper || p.type == PartType::Switch || from_template))
      read_setting(p, c);
    else unknown_element(c, n.name(), p.type == PartType::Driver   ? "pin, signal"
                                      : p.type == PartType::Jumper || p.type == PartType::Switch ? "pin, setting"
                                                                                                 : "pin");
  }
}

std::optional<Part> Reader::read_part(const pugi::xml_node& n, PartType type) {
  Part p;
  p.type = type;
  p.where = at(n);
  if (type == PartType::Button) p.pin1 = "left";
  if (auto t = n.attribute("template")) {
    auto it = templates_.find(t.value());
    if (it == templates_.end()) {
      std::string known;
      for (const auto& [id, _] : templates_) known += (known.empty() ? "" : ", ") + id;
      error(at(n, "template"), std::string("template '") + t.value() + "' is not defined",
            known.empty() ? "define <template id=\"" + std::string(t.value()) + "\"> above this part"
                          : "defined templates (above this line): " + known);
    } else {
      apply_node(p, it->second, true);
    }
  }
  apply_node(p, n, false);
  p.where = at(n);
  bool template_missing = n.attribute("template") && !templates_.count(n.attribute("template").value());
  if (template_missing) p.geometry_ok = false;
  if (p.id.empty()) {
    error(at(n), std::string("<") + n.name() + "> needs an 'id' attribute",
          "use the name printed on the silkscreen, such as id=\"HE0\"");
    return std::nullopt;
  }
  for (const char* a : {"x", "y", "width", "height"}) {
    bool given = n.attribute(a) || (n.attribute("template") && templates_.count(n.attribute("template").value()) &&
                                    templates_[n.attribute("template").value()].attribute(a));
    if (!given && !template_missing)
      error(at(n), std::string("<") + n.name() + " id=\"" + p.id + "\"> needs '" + a + "'",
            "give the body centre (x, y) and size (width, height) in mm, here or in its template");
  }
  return p;
}

Shared Reader::read_shared(const pugi::xml_node& n) {
  check_attributes(n, {"mcu", "reason"});
  Shared s{required(n, "mcu"), required(n, "reason"), at(n)};
  return s;
}

std::vector<OverlayOp> Reader::read_ops(const pugi::xml_node& n) {
  std::vector<OverlayOp> ops;
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string e = c.name();
    OverlayOp op;
    op.where = at(c);
    if (e == "patch") {
      op.kind = OverlayOp::Patch;
      op.id = required(c, "id");
      for (auto a : c.attributes()) {
        std::string name = a.name();
        if (name == "id") continue;
        if (name == "pin") {
          int pin;
          if (!parse_int(a.value(), pin) || pin < 1) {
            error(at(c, "pin"), std::string("pin=\"") + a.value() + "\" is not a pin number", "write pin=\"2\"");
            continue;
          }
          op.pin = pin;
        } else if (name == "signal" && !op.pin) {
          op.signal = a.value();
        } else {
          op.attributes[name] = a.value();
          op.attribute_where[name] = at(c, a.name());
        }
      }
      if (op.attributes.empty())
        error(at(c), "<patch> changes nothing", "add the attributes to change, such as mcu=\"PA0\"");
    } else if (e == "remove") {
      check_attributes(c, {"id"});
      op.kind = OverlayOp::Remove;
      op.id = required(c, "id");
    } else if (e == "add") {
      check_attributes(c, {});
      op.kind = OverlayOp::Add;
      for (auto child : c.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto type = part_type(child.name())) {
          if (auto part = read_part(child, *type)) op.parts.push_back(std::move(*part));
        } else if (std::string(child.name()) == "shared") {
          op.shared.push_back(read_shared(child));
        } else {
          unknown_element(child, "add", "connector, driver, jumper, switch, button, shared");
        }
      }
    } else {
      unknown_element(c, n.name(), "patch, remove, add");
      continue;
    }
    ops.push_back(std::move(op));
  }
  return ops;
}

std::optional<Board> Reader::read() {
  pugi::xml_document doc;
  auto root = src_.load(doc, "board", "a board file starts with <board id=\"...\" name=\"...\" vendor=\"...\">", diags_);
  if (!root) return std::nullopt;
  Board b;
  b.file = src_.file();
  b.where = at(root);
  check_attributes(root, {"id", "name", "vendor"});
  b.id = required(root, "id");
  b.name = root.attribute("name").value();
  b.vendor = root.attribute("vendor").value();
  bool has_outline = false;
  for (auto c : root.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string e = c.name();
    if (e == "source") {
      check_attributes(c, {"id"});
      b.sources.push_back({required(c, "id"), c.text().get()});
    } else if (e == "outline") {
      if (has_outline) error(at(c), "a second <outline>", "a board has one outline");
      has_outline = true;
      read_outline(c, b);
    } else if (e == "hole") {
      check_attributes(c, {"x", "y", "diameter"});
      b.holes.push_back({{number(c, "x", 0), number(c, "y", 0)}, number(c, "diameter", 3)});
    } else if (e == "template") {
      std::string id = required(c, "id");
      if (c.attribute("template"))
        error(at(c, "template"), "a template may not use another template", "copy the attributes you need");
      for (auto a : c.attributes()) {
        std::string name = a.name();
        if (name == "id") continue;
        bool known = false;
        for (auto t : {PartType::Connector, PartType::Driver, PartType::Jumper, PartType::Switch, PartType::Button})
          known = known || part_accepts(t, name);
        if (!known)
          error(at(c, a.name()), "unknown attribute '" + name + "' on <template>",
                "a template takes the attributes of the parts that use it");
      }
      if (templates_.count(id)) error(at(c), "template '" + id + "' is defined twice", "rename one of them");
      templates_[id] = c;
    } else if (auto type = part_type(e)) {
      if (auto p = read_part(c, *type)) b.parts.push_back(std::move(*p));
    } else if (e == "shared") {
      b.shared.push_back(read_shared(c));
    } else if (e == "revision") {
      check_attributes(c, {"id", "name", "source"});
      Revision r{required(c, "id"), c.attribute("name").value(), c.attribute("source").value(), read_ops(c), at(c)};
      if (r.name.empty()) r.name = r.id;
      b.revisions.push_back(std::move(r));
    } else if (e == "mcu") {
      check_attributes(c, {"id", "part", "clock", "flash", "crystal", "bootloader", "flash-start", "revisions",
                           "source"});
      Mcu m;
      m.where = at(c);
      m.id = required(c, "id");
      m.part = required(c, "part");
      m.clock = c.attribute("clock").value();
      m.flash = c.attribute("flash").value();
      m.crystal = c.attribute("crystal").value();
      m.bootloader = c.attribute("bootloader").value();
      m.flash_start = c.attribute("flash-start").value();
      m.source = c.attribute("source").value();
      m.revisions = split_words(c.attribute("revisions").value());
      m.ops = read_ops(c);
      b.mcus.push_back(std::move(m));
    } else {
      unknown_element(c, "board",
                      "source, outline, hole, template, connector, driver, jumper, switch, button, shared, "
                      "revision, mcu");
    }
  }
  if (!has_outline)
    error(at(root), "the board has no <outline>", "add <outline width=\"...\" height=\"...\" corner-radius=\"...\"/>");
  if (b.revisions.empty())
    error(at(root), "the board has no <revision>", "add <revision id=\"v1.0\" name=\"V1.0\"/> for the base");
  return b;
}

}  // namespace

std::optional<Board> parse_board(const std::string& file, const std::string& text, Diagnostics& diags) {
  Reader r(file, text, diags);
  return r.read();
}

std::optional<Board> read_board(const std::string& file, Diagnostics& diags) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diags.error({file}, "cannot read the board file", "check that it exists and is readable");
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  return parse_board(file, text, diags);
}

}  // namespace wb
