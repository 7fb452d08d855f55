#pragma once
// What diagrams/*.xml describe: a printer build wired onto one board
// revision. Components (motors, heaters, fans, sensors, PSU, SSR, Pi...) are
// attached to board connectors with wire colours; the build sets the board's
// jumpers and DIP switches; harnesses join component pins to board pins or to
// other components. Wiring, jumper and harness diagrams, the wiring
// checklist and the jumper table are all drawn from one Build.
#include <map>
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

// Where each attribute of an element was written, for messages; an attribute
// not in the map was not written (use the element's `where`).
using AttributeLocations = std::map<std::string, Location>;

// A terminal of a component ("V+", "TX", or a wire number "1").
struct Terminal {
  std::string name;
  std::string label;  // printed text, defaults to name
  Location where;
};

// Where a component plugs in: a board connector, some or all of its pins.
struct Attachment {
  std::string connector;               // e.g. "MOTOR0", "HE0", "STOP_7"
  std::vector<int> pins;               // empty: all pins of the connector, in order
  std::vector<std::string> colors;     // wire colour per attached pin ("red", "#aa3300"); after
                                       // read_build either empty or one per attached pin
  Location where;
  std::string label;                   // optional name of this attachment in text: "signal", "power"
  AttributeLocations attribute_where;
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
  std::string note;   // one extra sentence for the checklist ("Fit a BAT85 diode in the signal wire.")
  AttributeLocations attribute_where;

  const Terminal* terminal(const std::string& name) const;
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
  AttributeLocations attribute_where;
};

struct Harness {
  std::string id;     // "psu-power"
  std::string title;  // "PSU to the board's power inputs"
  std::vector<Wire> wires;
  Location where;
  AttributeLocations attribute_where;
};

// A jumper or DIP-switch setting chosen by the build.
struct JumperChoice {
  std::string part;     // jumper or switch id on the board ("J58", "S1")
  std::string setting;  // setting id on that part ("VIN", "pt100-2wire"); "" = no jumper fitted
  Location where;
  std::string shorthand;  // the purpose of the <set purpose=...> that chose it; "" when set by id
  AttributeLocations attribute_where;
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
  AttributeLocations attribute_where;  // "board" locates the board spec

  const Component* component(const std::string& id) const;
  // The choice for a jumper or switch id, nullptr when the build leaves it alone.
  const JumperChoice* jumper(const std::string& part) const;
};

// Reads and validates one build file against the board catalog. Reports
// every problem with file:line:column; nullopt when the file is unusable
// (malformed XML, wrong top element, a board that does not resolve). A
// returned Build may still come with errors, but every connector, pin, driver,
// jumper and setting it names exists on its board: references that failed
// validation are left out.
std::optional<Build> read_build(const std::string& file, const Catalog& catalog, Diagnostics& diags);
// The same from text already in memory (`file` is used in messages).
std::optional<Build> parse_build(const std::string& file, const std::string& text, const Catalog& catalog,
                                 Diagnostics& diags);
// All builds under ROOT/diagrams/*.xml, in name order. No diagrams/ folder is
// not an error (no builds).
std::vector<Build> load_builds(const std::string& root, const Catalog& catalog, Diagnostics& diags);

// The board revision (and MCU variant) a build is wired onto. An unknown
// board, revision or variant is reported at the build's board= attribute.
std::optional<ResolvedBoard> resolve_board(const Build& build, const Catalog& catalog, Diagnostics& diags);

// The board pins an attachment uses: its pins, or every declared pin of the
// connector when it names none. Empty when the connector is not on the board.
std::vector<int> attached_pins(const Attachment& attachment, const ResolvedBoard& board);

// How a component is named inside a sentence: its role, else its label with
// the first letter lower-cased when it reads as a common noun ("Hotend heater"
// -> "hotend heater"; "Raspberry Pi", "PSU" and "X endstop" stay as written).
std::string sentence_name(const Component& component);

// The supply a jumper or switch setting selects: the setting's voltage, else
// (for purposes ending in -power or -voltage) the voltage of the pins its
// caps join. "5", "12", "VIN", "VM" or "" when it selects no supply.
std::string setting_voltage(const Part& jumper, const Setting& setting);
// A board voltage in this build: "VIN" -> build.vin, "VM" -> build.motor_power,
// numbers as written; "" when unknown.
std::string build_voltage(const Build& build, const std::string& board_voltage);

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
  std::string pairs;     // "6-3" or "none"; switches: the levers that are ON, "ON 1 2 4"
};
std::vector<JumperRow> jumper_table(const Build& build, const ResolvedBoard& board);

}  // namespace wb::diagram
