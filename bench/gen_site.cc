// Writes a synthetic wirebook project for benchmarks: N pages of 6 to 8 KB
// of Markdown each (headings, lists, tables, inline HTML, five images per
// page), optionally with D pages that embed a generated pin diagram (one
// board with D revisions, each moving one pin, so every diagram differs).
//   gen_site OUT_DIR [--pages N] [--diagrams D]
// The same arguments always give the same files.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Rng {  // xorshift64*: small, seeded, the same everywhere
  uint64_t s;
  uint64_t next() {
    s ^= s >> 12, s ^= s << 25, s ^= s >> 27;
    return s * 2685821657736338717ull;
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

const char* kWords[] = {"stepper", "driver", "heater", "thermistor", "fan", "endstop", "probe", "jumper", "voltage",
                        "connector", "harness", "crimp", "ferrule", "terminal", "gantry", "extruder", "hotend", "bed",
                        "relay", "fuse", "supply", "ground", "signal", "cable", "socket", "header", "firmware", "board"};

std::string words(Rng& r, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " " : "") + std::string(kWords[r.below(sizeof kWords / sizeof *kWords)]);
  return s;
}

std::string sentence(Rng& r) {
  std::string s = words(r, 8 + r.below(10));
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s + ".";
}

// A valid 1x1 grey PNG.
const unsigned char kPng[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
                              0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00,
                              0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78,
                              0x9c, 0x63, 0x68, 0x00, 0x00, 0x00, 0x82, 0x00, 0x81, 0x77, 0xcd, 0x72, 0xb6, 0x00,
                              0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string page(Rng& r, int index, int pages, bool diagram, int diagram_index) {
  std::string s = "---\ntitle: Guide " + std::to_string(index) + "\nparent: Section " + std::to_string(index / 50) +
                  "\nnav_order: " + std::to_string(index % 50) + "\ndescription: " + sentence(r) + "\n";
  if (diagram) s += "board: bench-board@r" + std::to_string(diagram_index) + "\n";
  s += "---\n\n# Guide " + std::to_string(index) + "\n\n" + sentence(r) + " " + sentence(r) + "\n\n";
  int image = 0;
  size_t target = 6000 + static_cast<size_t>(r.below(2000));
  int section = 0;
  while (s.size() < target) {
    ++section;
    s += "## " + words(r, 3) + " " + std::to_string(section) + "\n\n";
    s += sentence(r) + " <span style=\"color: #2e7d32\">" + words(r, 2) + "</span> " + sentence(r) + "\n\n";
    s += "- " + sentence(r) + "\n- " + sentence(r) + "\n- **" + words(r, 2) + "** " + sentence(r) + "\n\n";
    if (section % 2 == 1) {
      s += "| Part | Pin | Note |\n| --- | --- | --- |\n";
      for (int i = 0; i < 4; ++i) s += "| " + words(r, 1) + " | P" + std::string(1, 'A' + r.below(7)) + std::to_string(r.below(16)) + " | " + words(r, 4) + " |\n";
      s += "\n";
    }
    if (image < 5) {
      s += "![" + words(r, 3) + "](img/page" + std::to_string(index) + "-" + std::to_string(image) + ".png)\n\n";
      ++image;
    }
    if (section == 2 && index + 1 < pages) s += "See [the next guide](page" + std::to_string(index + 1) + ".md#guide-" + std::to_string(index + 1) + ").\n\n";
  }
  while (image < 5) {
    s += "![" + words(r, 3) + "](img/page" + std::to_string(index) + "-" + std::to_string(image) + ".png)\n\n";
    ++image;
  }
  if (diagram) s += "![Pin diagram](diagram:bench-board@r" + std::to_string(diagram_index) + "/pinout)\n\nHeater: {{ pin HEAT }}\n";
  return s;
}

std::string board(int revisions) {
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Synthetic board for benchmarks. -->\n"
      "<board id=\"bench-board\" name=\"Bench board\" vendor=\"wirebook\">\n"
      "  <outline width=\"60\" height=\"40\" corner-radius=\"2\"/>\n"
      "  <connector id=\"HEAT\" ref=\"J1\" kind=\"screw-terminal\" x=\"10\" y=\"34\" width=\"10.16\" height=\"7\" pins=\"1x2\" pitch=\"5.08\">\n"
      "    <pin n=\"1\" signal=\"VIN\" function=\"power\" voltage=\"VIN\"/>\n"
      "    <pin n=\"2\" signal=\"HEAT-\" mcu=\"PA0\" function=\"heater\"/>\n  </connector>\n"
      "  <connector id=\"FAN\" ref=\"J2\" kind=\"jst-xh\" x=\"30\" y=\"34\" width=\"7\" height=\"6\" pins=\"1x2\">\n"
      "    <pin n=\"1\" signal=\"FAN-\" mcu=\"PA1\" function=\"fan\"/>\n"
      "    <pin n=\"2\" signal=\"V_FAN\" function=\"power\"/>\n  </connector>\n"
      "  <connector id=\"TH\" ref=\"J3\" kind=\"jst-xh\" x=\"50\" y=\"34\" width=\"7\" height=\"6\" pins=\"1x2\">\n"
      "    <pin n=\"1\" signal=\"TH\" mcu=\"PB0\" function=\"thermistor\"/>\n"
      "    <pin n=\"2\" signal=\"GND\" function=\"ground\"/>\n  </connector>\n"
      "  <connector id=\"EXP\" ref=\"J4\" kind=\"box-header\" x=\"30\" y=\"12\" width=\"18\" height=\"8\" pins=\"2x5\" pin1=\"top-left\">\n";
  for (int n = 1; n <= 10; ++n)
    s += "    <pin n=\"" + std::to_string(n) + "\" signal=\"D" + std::to_string(n) + "\" mcu=\"PC" + std::to_string(n) +
         "\" function=\"display\"/>\n";
  s += "  </connector>\n";
  for (int i = 0; i < revisions; ++i) {
    // Each revision moves the heater to another MCU pin: a different diagram.
    s += "  <revision id=\"r" + std::to_string(i) + "\" name=\"Rev " + std::to_string(i) + "\">\n";
    s += "    <patch id=\"HEAT\" pin=\"2\" mcu=\"PD" + std::to_string(i) + "\"/>\n  </revision>\n";
  }
  return s + "</board>\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_site OUT_DIR [--pages N] [--diagrams D]\n");
    return 2;
  }
  fs::path out = argv[1];
  int pages = 1000, diagrams = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--pages") pages = std::atoi(argv[i + 1]);
    else if (a == "--diagrams") diagrams = std::atoi(argv[i + 1]);
  }
  fs::remove_all(out);
  Rng r{0x9e3779b97f4a7c15ull};
  for (int i = 0; i < pages; ++i) {
    bool diagram = i < diagrams;
    write(out / "content" / ("page" + std::to_string(i) + ".md"), page(r, i, pages, diagram, i));
    for (int k = 0; k < 5; ++k)
      write(out / "content" / "img" / ("page" + std::to_string(i) + "-" + std::to_string(k) + ".png"),
            std::string(reinterpret_cast<const char*>(kPng), sizeof kPng));
  }
  for (int s = 0; s * 50 < pages; ++s)
    write(out / "content" / ("section" + std::to_string(s) + ".md"),
          "---\ntitle: Section " + std::to_string(s) + "\nnav_order: " + std::to_string(s) + "\n---\n\n# Section " +
              std::to_string(s) + "\n\nGuides " + std::to_string(s * 50) + " to " + std::to_string(s * 50 + 49) + ".\n");
  write(out / "content" / "index.md", "---\ntitle: Bench\n---\n\n# Synthetic site\n\nGenerated for benchmarks.\n");
  fs::create_directories(out / "boards");
  if (diagrams > 0) write(out / "boards" / "bench-board.xml", board(diagrams));
  return 0;
}
