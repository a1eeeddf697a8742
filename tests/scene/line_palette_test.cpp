// The line palette reads against the body: each line's colour is at least 20 CIEDE2000 from muscle
// red and from skin (the back line was red and vanished against the muscles), and the twelve stay
// apart from each other. CIEDE2000 after Sharma, Wu and Dalal (2005), checked on their test pairs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "atlas/atlas.h"
#include "body/body.h"
#include "scene/body_scene.h"
#include "scene/colormap.h"

using namespace fascia;

namespace {

struct Lab {
  double L, a, b;
};

// Linear RGB (what the renderer's colours are) to CIE L*a*b* under D65.
Lab lab_of_linear(vec3 c) {
  const double X = 0.4124564 * c.r + 0.3575761 * c.g + 0.1804375 * c.b;
  const double Y = 0.2126729 * c.r + 0.7151522 * c.g + 0.0721750 * c.b;
  const double Z = 0.0193339 * c.r + 0.1191920 * c.g + 0.9503041 * c.b;
  auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
  const double fx = f(X / 0.95047), fy = f(Y / 1.0), fz = f(Z / 1.08883);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double deg(double r) {
  return r * 180 / M_PI;
}
double rad(double d) {
  return d * M_PI / 180;
}

double ciede2000(Lab p, Lab q) {
  const double C1 = std::hypot(p.a, p.b), C2 = std::hypot(q.a, q.b), Cb = (C1 + C2) / 2;
  const double G = 0.5 * (1 - std::sqrt(std::pow(Cb, 7) / (std::pow(Cb, 7) + std::pow(25.0, 7))));
  const double a1 = (1 + G) * p.a, a2 = (1 + G) * q.a;
  const double C1p = std::hypot(a1, p.b), C2p = std::hypot(a2, q.b);
  auto hue = [](double b, double a) {
    const double h = deg(std::atan2(b, a));
    return h < 0 ? h + 360 : h;
  };
  const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
  const double dL = q.L - p.L, dC = C2p - C1p;
  double dh = 0;
  if (C1p * C2p != 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    if (dh < -180) dh += 360;
  }
  const double dH = 2 * std::sqrt(C1p * C2p) * std::sin(rad(dh / 2));
  const double Lb = (p.L + q.L) / 2, Cbp = (C1p + C2p) / 2;
  double hb = h1 + h2;
  if (C1p * C2p != 0) {
    if (std::abs(h1 - h2) <= 180)
      hb = (h1 + h2) / 2;
    else
      hb = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  const double T = 1 - 0.17 * std::cos(rad(hb - 30)) + 0.24 * std::cos(rad(2 * hb)) +
                   0.32 * std::cos(rad(3 * hb + 6)) - 0.20 * std::cos(rad(4 * hb - 63));
  const double dtheta = 30 * std::exp(-std::pow((hb - 275) / 25, 2));
  const double Rc = 2 * std::sqrt(std::pow(Cbp, 7) / (std::pow(Cbp, 7) + std::pow(25.0, 7)));
  const double Sl = 1 + 0.015 * std::pow(Lb - 50, 2) / std::sqrt(20 + std::pow(Lb - 50, 2));
  const double Sc = 1 + 0.045 * Cbp, Sh = 1 + 0.015 * Cbp * T;
  const double Rt = -std::sin(rad(2 * dtheta)) * Rc;
  return std::sqrt(std::pow(dL / Sl, 2) + std::pow(dC / Sc, 2) + std::pow(dH / Sh, 2) +
                   Rt * (dC / Sc) * (dH / Sh));
}

}  // namespace

TEST_CASE("CIEDE2000 matches Sharma, Wu and Dalal's test pairs") {
  CHECK(ciede2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) == doctest::Approx(2.0425).epsilon(1e-4));
  CHECK(ciede2000({50, -1.3802, -84.2814}, {50, 0, -82.7485}) == doctest::Approx(1.0000).epsilon(1e-4));
  CHECK(ciede2000({50, 2.5, 0}, {73, 25, -18}) == doctest::Approx(27.1492).epsilon(1e-4));
  CHECK(ciede2000({60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}) ==
        doctest::Approx(1.2644).epsilon(1e-4));
  CHECK(ciede2000({22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}) ==
        doctest::Approx(2.0373).epsilon(1e-4));
}

TEST_CASE("line palette: every line reads against muscle and skin, and the lines stay apart") {
  const Lab muscle = lab_of_linear(scene::tissue_color("gastrocnemius", body::Layer::Muscle));
  const Lab skin = lab_of_linear(scene::tissue_color("skin", body::Layer::Skin));
  for (const char* id : atlas::kLineIds) {
    CAPTURE(id);
    const Lab line = lab_of_linear(scene::line_color(id));
    CHECK(ciede2000(line, muscle) >= 20);
    CHECK(ciede2000(line, skin) >= 20);
  }
  double closest = 1e9;
  std::string pair;
  for (const char* a : atlas::kLineIds)
    for (const char* b : atlas::kLineIds)
      if (std::string(a) < b) {
        const double d = ciede2000(lab_of_linear(scene::line_color(a)), lab_of_linear(scene::line_color(b)));
        if (d < closest) {
          closest = d;
          pair = std::string(a) + " " + b;
        }
      }
  CAPTURE(pair);
  CHECK(closest >= 12);  // the lateral and deep front lines, both yellows, are the nearest pair
}
