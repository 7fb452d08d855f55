#pragma once
// What diagrams/*.xml describe: a printer build wired onto one board
// revision. Components (motors, heaters, fans, sensors, PSU, SSR, Pi...) are
// attached to board connectors with wire colours; the build sets the board's
// jumpers and DIP switches; harnesses join component pins to board pins or to
// other components. Wiring, jumper and harness diagrams, the wiring
// checklist and the jumper table are all drawn from one Build.
#include <optional>
#include <string>
#include <vector>

#include "board/catalog.h"
#include "util/diagnostic.h"

namespace wb::diagram {

// One wire end on the board: connector (or driver socket) id and pin number.
struct BoardPin {
  std::string connector;
  int pin = 0;
};

// A terminal of a component ("V+", "TX", or a wire number "1").
struct Terminal {
  std::string name;
  std::string label;  // printed text, defaults to name
};

// Where a component plugs in: a board connector, some or all of its pins.
struct Attachment {
  std::string connector;               // e.g. "MOTOR0", "HE0", "STOP_7"
  std::vector<int> pins;               // empty: all pins of the connector, in order
  std::vector<std::string> colors;     // wire colour per attached pin ("red", "#aa3300")
  Location where;
};

struct Component {
  std::string id;       // unique in the build: "hotend-heater"
  std::string label;    // "Hotend heater"
  std::string kind;     // stepper, heater, ssr, fan, thermistor, endstop, probe, display, psu, pi, led, other
  std::string role;     // free text shown in the checklist: "B motor (gantry left)"
  std::string driver;   // steppers: the driver socket that runs them ("DRIVER0")
  std::string voltage;  // what the component needs: "5", "12", "24"
  std::vector<Terminal> terminals;   // for harness components (PSU, SSR, Pi)
  std::vector<Attachment> attachments;
  Location where;
};

// One wire of a harness: each end is "component.terminal" or "board:CONNECTOR.PIN".
struct WireEnd {
  std::string component;  // empty for a board pin
  std::string terminal;
  BoardPin board;
  std::string str() const;
};

struct Wire {
  WireEnd from, to;
  std::string color;
  std::string gauge;  // "18 AWG"
  std::string label;
  Location where;
};

struct Harness {
  std::string id;     // "psu-power"
  std::string title;  // "PSU to the board's power inputs"
  std::vector<Wire> wires;
  Location where;
};

// A jumper or DIP-switch setting chosen by the build.
struct JumperChoice {
  std::string part;     // jumper or switch id on the board ("J58", "S1")
  std::string setting;  // setting id on that part ("VIN", "pt100-2wire"); "" = no jumper fitted
  Location where;
};

struct Build {
  std::string id;     // file stem: "voron24-octopus-pro-spi"
  std::string title;  // "Voron 2.4 on Octopus Pro V1.0, drivers in SPI mode"
  std::string file;   // "diagrams/voron24-octopus-pro-spi.xml"
  BoardSpec board;    // octopus-pro@v1.0+f446
  std::string vin;    // the main supply voltage, e.g. "24": resolves "VIN" in board data
  std::string motor_power;  // voltage on the motor-power input, if used
  std::vector<Component> components;
  std::vector<Harness> harnesses;
  std::vector<JumperChoice> jumpers;  // every jumper/switch the build sets (after expanding purpose= shorthands)
  Location where;

  const Component* component(const std::string& id) const;
};

// Reads and validates one build file against the board catalog. Reports
// every problem with file:line:column; nullopt when the file is unusable.
std::optional<Build> read_build(const std::string& file, const Catalog& catalog, Diagnostics& diags);
// All builds under ROOT/diagrams/*.xml, in name order.
std::vector<Build> load_builds(const std::string& root, const Catalog& catalog, Diagnostics& diags);

// Text from the same model as the drawings.
struct ChecklistLine {
  std::string component;   // label
  std::string target;      // "HE0 (PA2)", "MOTOR0 and DRIVER0", "STOP_7 pin 3 (PG15)"
  std::string sentence;    // "Connect the hotend heater to HE0 (PA2)."
};
std::vector<ChecklistLine> wiring_checklist(const Build& build, const ResolvedBoard& board);

struct JumperRow {
  std::string part;      // "J58"
  std::string purpose;   // "fan-voltage"
  std::string for_part;  // "FAN0"
  std::string setting;   // "VIN"
  std::string label;     // human text of the setting
  std::string pairs;     // "6-3" or "none"
};
std::vector<JumperRow> jumper_table(const Build& build, const ResolvedBoard& board);

}  // namespace wb::diagram
