#include "pinout/palette.h"

#include <map>

namespace wb::pinout {

Color class_color(const std::string& function) {
  // Hue families group related classes (reds for power, blues for buses);
  // lightness alternates within a family so neighbours differ even for
  // readers who see hue poorly.
  static const std::map<std::string, Color> colors = {
      {"power", Color::hex("#c62828")},      {"ground", Color::hex("#212121")},
      {"motor", Color::hex("#ef6c00")},      {"driver", Color::hex("#ffca28")},
      {"heater", Color::hex("#ad1457")},     {"fan", Color::hex("#4fc3f7")},
      {"thermistor", Color::hex("#fff176")}, {"rtd", Color::hex("#c0ca33")},
      {"endstop", Color::hex("#2e7d32")},    {"probe", Color::hex("#81c784")},
      {"spi", Color::hex("#1565c0")},        {"uart", Color::hex("#00695c")},
      {"i2c", Color::hex("#80cbc4")},        {"can", Color::hex("#5e35b1")},
      {"usb", Color::hex("#9fa8da")},        {"display", Color::hex("#f48fb1")},
      {"sd", Color::hex("#bcaaa4")},         {"led", Color::hex("#ce93d8")},
      {"debug", Color::hex("#6d4c41")},      {"reset", Color::hex("#ef9a9a")},
      {"gpio", Color::hex("#b0bec5")},       {"nc", Color::hex("#f5f5f5")},
  };
  auto it = colors.find(function);
  return it == colors.end() ? Color::hex("#b0bec5") : it->second;
}

Color text_on(Color background) {
  static const Color black = Color::hex("#000000"), white = Color::hex("#ffffff");
  if (draw::contrast_ratio(background, black) < draw::contrast_ratio(background, white)) return white;
  // Dark text in the one ink of the diagram where it keeps 4.5:1 for every
  // common colour vision: the same colour as the text beside it, which a PDF
  // then holds in one text object.
  for (auto v : {draw::Vision::Normal, draw::Vision::Protanopia, draw::Vision::Deuteranopia, draw::Vision::Tritanopia})
    if (draw::contrast_ratio(draw::simulate(background, v), draw::simulate(ui::kInk, v)) < 4.5) return black;
  return ui::kInk;
}

}  // namespace wb::pinout
