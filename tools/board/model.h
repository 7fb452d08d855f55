#pragma once
// The board data model: what boards/*.xml describes, after templates are
// applied. A Board holds the base part list plus its overlays; resolve()
// (overlay.h) turns one revision and MCU variant into a flat ResolvedBoard.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace wb {

struct Point {
  double x = 0, y = 0;
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;  // top-left corner and size
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  Point center() const { return {x + w / 2, y + h / 2}; }
};

struct Outline {
  std::vector<Point> points;  // polygon corners, in order
  double corner_radius = 0;
  Location where;
  Rect bounds() const;
};

struct Hole {
  Point center;
  double diameter = 0;
};

struct Pin {
  int n = 0;
  std::string name;  // short name used by jumper settings ("C1")
  std::string signal;
  std::string mcu;
  std::string function;
  std::string voltage;
  std::string note;
  Location where;
};

// A control signal of a driver socket (STEP, DIR, EN, CS, DIAG).
struct DriverSignal {
  std::string name;
  std::string mcu;
  int pin = 0;  // socket pin it reaches, 0 when none
  bool active_low = false;
  std::string via;  // jumper it passes through, if any
  Location where;
};

// A named jumper or DIP-switch setting.
struct Setting {
  std::string id;
  std::string label;
  std::string voltage;
  std::vector<std::pair<std::string, std::string>> pairs;  // pin refs (number or name) that get a cap
  std::vector<int> on;                                     // DIP levers that are ON
  Location where;
};

enum class PartType { Connector, Driver, Jumper, Switch, Button };
const char* part_type_name(PartType);

enum class Numbering { Rows, Columns, Around };

struct Part {
  PartType type = PartType::Connector;
  std::string id, ref, label, kind, source;
  double x = 0, y = 0;           // centre on the board
  double width = 0, height = 0;  // body size in the part's own frame
  int rotation = 0;              // 0, 90, 180, 270 clockwise
  int rows = 1, cols = 1;        // pin grid in the own frame
  std::string pin1 = "left";
  Numbering numbering = Numbering::Rows;
  double pitch = 2.54, row_pitch = 2.54;
  double overhang = 0;
  std::string under;
  std::vector<Pin> pins;
  // Drivers: signals and the parts that go with the socket.
  std::vector<DriverSignal> signals;
  std::vector<std::string> motors;
  std::string power_jumper, mode_jumper, diag_jumper;
  // Jumpers and switches.
  std::string purpose, for_part;
  int positions = 0;  // DIP levers
  std::vector<Setting> settings;
  // Buttons.
  std::string mcu;
  Location where;
  bool geometry_ok = true;  // false when a position or size failed to parse

  const Pin* pin(int n) const;
  const Pin* pin_by_ref(const std::string& number_or_name) const;
  const DriverSignal* signal(const std::string& name) const;
  const Setting* setting(const std::string& id) const;
  int pin_count() const { return rows * cols; }
  // Body on the board after rotation.
  Rect body() const;
  // Centre of pin n on the board (after rotation); nullopt when n is outside the grid.
  std::optional<Point> pin_position(int n) const;
  // Whether pin n is the pin-1 corner of the grid.
  bool is_pin1(int n) const { return n == 1; }
};

struct Shared {
  std::string mcu;
  std::string reason;
  Location where;
};

// One change an overlay makes.
struct OverlayOp {
  enum Kind { Patch, Remove, Add } kind = Patch;
  std::string id;      // target part (Patch, Remove)
  std::optional<int> pin;
  std::string signal;  // driver signal to patch
  std::map<std::string, std::string> attributes;  // Patch: attribute -> new value
  std::map<std::string, Location> attribute_where;
  std::vector<Part> parts;     // Add
  std::vector<Shared> shared;  // Add
  Location where;
};

struct Revision {
  std::string id, name, source;
  std::vector<OverlayOp> ops;
  Location where;
};

struct Mcu {
  std::string id, part, clock, flash, crystal, bootloader, flash_start, source;
  std::vector<std::string> revisions;  // empty: all revisions
  std::vector<OverlayOp> ops;
  Location where;
};

struct Source {
  std::string id, text;
};

struct Board {
  std::string id, name, vendor;
  std::string file;
  Outline outline;
  std::vector<Hole> holes;
  std::vector<Source> sources;
  std::vector<Part> parts;  // base, templates applied
  std::vector<Shared> shared;
  std::vector<Revision> revisions;
  std::vector<Mcu> mcus;
  Location where;

  const Revision* revision(const std::string& id) const;
  const Mcu* mcu(const std::string& id) const;
  // MCU variants that exist on a revision.
  std::vector<const Mcu*> mcus_for(const std::string& revision) const;
};

// One revision (and optionally one MCU variant) of a board with all overlays applied.
struct ResolvedBoard {
  const Board* board = nullptr;
  const Revision* revision = nullptr;
  const Mcu* mcu = nullptr;  // nullptr: no variant chosen
  std::vector<Part> parts;
  std::vector<Shared> shared;

  const Part* part(const std::string& id) const;
  std::string title() const;  // "BIGTREETECH Octopus Pro V1.1"
  std::string spec() const;   // "octopus-pro@v1.1" or "octopus-pro@v1.1+h723"
};

// The function classes a pin can have, in legend order.
const std::vector<std::string>& function_classes();
bool is_function_class(const std::string&);

}  // namespace wb
