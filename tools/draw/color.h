#pragma once
// Colours and the colour science used to check that a diagram stays legible:
// WCAG contrast, colour-vision-deficiency simulation and CIEDE2000 distance.
#include <optional>
#include <string>
#include <string_view>

namespace wb::draw {

// An sRGB colour with straight (not premultiplied) alpha, channels in [0, 1].
struct Color {
  double r, g, b, a = 1.0;

  // Parses "#rgb", "#rrggbb" or "#rrggbbaa" (either case); nullopt otherwise.
  static std::optional<Color> parse(std::string_view text);
  // Like parse() but throws std::invalid_argument naming the bad text.
  static Color hex(std::string_view text);
  // "#rrggbb" in lower case, or "#rrggbbaa" when not fully opaque.
  std::string hex() const;

  bool operator==(const Color&) const = default;
};

// WCAG 2.x relative luminance and contrast ratio (1 to 21). Alpha is ignored.
double relative_luminance(Color);
double contrast_ratio(Color, Color);

// How a colour looks to a dichromat: Machado, Oliveira & Fernandes (2009)
// matrices at severity 1.0, applied in linear RGB. Greys map to themselves.
enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };
Color simulate(Color, Vision);

// CIELAB under D65, from sRGB.
struct Lab {
  double l, a, b;
};
Lab to_lab(Color);
// CIEDE2000 colour difference (kL = kC = kH = 1). About 1 is "just noticeable".
double delta_e(Lab, Lab);
double delta_e(Color, Color);

}  // namespace wb::draw
