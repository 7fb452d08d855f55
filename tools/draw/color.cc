#include "draw/color.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace wb::draw {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int to_byte(double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); }

// sRGB transfer function. WCAG 2.x writes the threshold as 0.03928, sRGB as
// 0.04045; no 8-bit value lies between the two, so the results agree.
double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double from_linear(double c) {
  c = std::clamp(c, 0.0, 1.0);
  return c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}

using Matrix = double[3][3];
// Machado et al. 2009, severity 1.0. Each row sums to 1, so greys are fixed points.
constexpr Matrix kProtanopia = {{0.152286, 1.052583, -0.204868},
                                {0.114503, 0.786281, 0.099216},
                                {-0.003882, -0.048116, 1.051998}};
constexpr Matrix kDeuteranopia = {{0.367322, 0.860646, -0.227968},
                                  {0.280085, 0.672501, 0.047413},
                                  {-0.011820, 0.042940, 0.968881}};
constexpr Matrix kTritanopia = {{1.255528, -0.076749, -0.178779},
                                {-0.078411, 0.930809, 0.147602},
                                {0.004733, 0.691367, 0.303900}};

constexpr double kPi = 3.14159265358979323846;
double deg(double rad) { return rad * 180.0 / kPi; }
double rad(double deg) { return deg * kPi / 180.0; }

}  // namespace

std::optional<Color> Color::parse(std::string_view text) {
  if (text.empty() || text[0] != '#') return std::nullopt;
  text.remove_prefix(1);
  for (char c : text)
    if (hex_digit(c) < 0) return std::nullopt;
  auto pair = [&](size_t i) { return (hex_digit(text[i]) * 16 + hex_digit(text[i + 1])) / 255.0; };
  auto single = [&](size_t i) { return hex_digit(text[i]) * 17 / 255.0; };
  switch (text.size()) {
    case 3: return Color{single(0), single(1), single(2)};
    case 6: return Color{pair(0), pair(2), pair(4)};
    case 8: return Color{pair(0), pair(2), pair(4), pair(6)};
    default: return std::nullopt;
  }
}

Color Color::hex(std::string_view text) {
  if (auto c = parse(text)) return *c;
  throw std::invalid_argument("not a colour (expected #rrggbb): \"" + std::string(text) + "\"");
}

std::string Color::hex() const {
  char buf[10];
  if (to_byte(a) == 255)
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", to_byte(r), to_byte(g), to_byte(b));
  else
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", to_byte(r), to_byte(g), to_byte(b), to_byte(a));
  return buf;
}

double relative_luminance(Color c) {
  return 0.2126 * to_linear(c.r) + 0.7152 * to_linear(c.g) + 0.0722 * to_linear(c.b);
}

double contrast_ratio(Color x, Color y) {
  double lx = relative_luminance(x), ly = relative_luminance(y);
  return (std::max(lx, ly) + 0.05) / (std::min(lx, ly) + 0.05);
}

Color simulate(Color c, Vision vision) {
  const Matrix* m = nullptr;
  switch (vision) {
    case Vision::Normal: return c;
    case Vision::Protanopia: m = &kProtanopia; break;
    case Vision::Deuteranopia: m = &kDeuteranopia; break;
    case Vision::Tritanopia: m = &kTritanopia; break;
  }
  double in[3] = {to_linear(c.r), to_linear(c.g), to_linear(c.b)};
  double out[3];
  for (int i = 0; i < 3; ++i) out[i] = from_linear((*m)[i][0] * in[0] + (*m)[i][1] * in[1] + (*m)[i][2] * in[2]);
  return Color{out[0], out[1], out[2], c.a};
}

Lab to_lab(Color c) {
  double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
  // sRGB primaries to XYZ; the white point is the sum of each row, so white
  // lands exactly on a = b = 0.
  double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.9504700;
  double y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / 1.0000001;
  double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.0888300;
  auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
  double fx = f(x), fy = f(y), fz = f(z);
  return Lab{116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

// Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula:
// implementation notes", equations numbered as there.
double delta_e(Lab p, Lab q) {
  double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b);
  double cbar7 = std::pow((c1 + c2) / 2.0, 7.0);
  double g = 0.5 * (1.0 - std::sqrt(cbar7 / (cbar7 + std::pow(25.0, 7.0))));
  double a1 = (1.0 + g) * p.a, a2 = (1.0 + g) * q.a;
  double c1p = std::hypot(a1, p.b), c2p = std::hypot(a2, q.b);
  auto hue = [](double b, double a) {
    if (a == 0 && b == 0) return 0.0;
    double h = deg(std::atan2(b, a));
    return h < 0 ? h + 360.0 : h;
  };
  double h1 = hue(p.b, a1), h2 = hue(q.b, a2);

  double dl = q.l - p.l, dc = c2p - c1p, dh = 0;
  if (c1p * c2p != 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  double dhh = 2.0 * std::sqrt(c1p * c2p) * std::sin(rad(dh / 2.0));

  double lbar = (p.l + q.l) / 2.0, cbarp = (c1p + c2p) / 2.0, hbar = h1 + h2;
  if (c1p * c2p != 0) {
    if (std::abs(h1 - h2) <= 180) hbar /= 2.0;
    else hbar = (h1 + h2 < 360) ? (h1 + h2 + 360) / 2.0 : (h1 + h2 - 360) / 2.0;
  }
  double t = 1 - 0.17 * std::cos(rad(hbar - 30)) + 0.24 * std::cos(rad(2 * hbar)) +
             0.32 * std::cos(rad(3 * hbar + 6)) - 0.20 * std::cos(rad(4 * hbar - 63));
  double dtheta = 30.0 * std::exp(-std::pow((hbar - 275.0) / 25.0, 2.0));
  double cbarp7 = std::pow(cbarp, 7.0);
  double rc = 2.0 * std::sqrt(cbarp7 / (cbarp7 + std::pow(25.0, 7.0)));
  double l50 = (lbar - 50) * (lbar - 50);
  double sl = 1 + 0.015 * l50 / std::sqrt(20 + l50);
  double sc = 1 + 0.045 * cbarp, sh = 1 + 0.015 * cbarp * t;
  double rt = -std::sin(rad(2 * dtheta)) * rc;
  double tl = dl / sl, tc = dc / sc, th = dhh / sh;
  return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

double delta_e(Color x, Color y) { return delta_e(to_lab(x), to_lab(y)); }

}  // namespace wb::draw
