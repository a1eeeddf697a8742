// Equivalences on straight chains: series elements carry one tension; anchored nodes make the extra
// tension decay geometrically with r + 1/r = 2 + a.
#include <doctest/doctest.h>

#include <cmath>

#include "sim/forward.h"
#include "sim/solver.h"

using namespace fascia::sim;

namespace {

// A chain of `n` elements along +Y from y=0, ends pinned; interior nodes anchored with `anchor` N/m.
NetworkSpec chain(int n, double length, double k, double anchor, double prestrain) {
  NetworkSpec s;
  s.lines = {"test"};
  s.tracks.push_back({"chain", {"test_tissue"}});
  s.options.prestrain = prestrain;
  for (int i = 0; i <= n; ++i) {
    NodeSpec node;
    node.position = {0, length * i / n, 0};
    node.fixed = i == 0 || i == n;
    node.anchor = node.fixed ? 0 : anchor;
    s.nodes.push_back(node);
  }
  for (int i = 0; i < n; ++i) s.elements.push_back({i, i + 1, k, 0, 0, 1u});
  return s;
}

}  // namespace

TEST_CASE("sim: Blankevoort law is zero in compression, quadratic in the toe, linear above") {
  CHECK(blankevoort(-0.01, 1000, 0.06).force == 0);
  CHECK(blankevoort(0.03, 1000, 0.06).force == doctest::Approx(1000 * 0.03 * 0.03 / 0.12));
  CHECK(blankevoort(0.10, 1000, 0.06).force == doctest::Approx(1000 * (0.10 - 0.03)));
  // Continuous force and slope at the end of the toe region.
  auto a = blankevoort(0.06 - 1e-9, 1000, 0.06), b = blankevoort(0.06 + 1e-9, 1000, 0.06);
  CHECK(a.force == doctest::Approx(b.force).epsilon(1e-6));
  CHECK(a.dforce == doctest::Approx(b.dforce).epsilon(1e-6));
}

TEST_CASE("sim: a chain without anchors carries one uniform tension") {
  NetworkSpec s = chain(20, 0.4, 5000, 0, 0.0);
  // Uneven segments and a shortened one: tension stays uniform, strain does not.
  for (int i = 1; i < 20; ++i) s.nodes[i].position.y += 0.003 * std::sin(i * 1.7);
  s.elements[7].rest_length = 0.4 / 20 * 0.9;
  auto m = compile(s);
  REQUIRE(m.ok());
  Data d = make_data(*m);
  add_restriction(d, {3}, 3.0, 5.0);
  REQUIRE(equilibrium(*m, d));
  double t0 = d.element_tension[0];
  CHECK(t0 > 1.0);
  for (int e = 0; e < m->nelement; ++e) CHECK(d.element_tension[e] == doctest::Approx(t0).epsilon(1e-9));
  CHECK(d.element_strain[3] < d.element_strain[0]);
}

TEST_CASE("sim: an anchored chain decays with r + 1/r = 2 + a") {
  // Linear range (prestrain above the toe), so an element's stiffness is k over its slack length.
  const int n = 40;
  const double len = 0.8, k = 2000, a = 0.3, prestrain = 0.08;
  const double kseg = k / (len / n / (1 + prestrain));
  NetworkSpec s = chain(n, len, k, a * kseg, prestrain);
  auto m = compile(s);
  REQUIRE(m.ok());
  Data d = make_data(*m);
  REQUIRE(equilibrium(*m, d));
  std::vector<double> base = d.element_tension;
  // Pull the first element shorter: the extra tension it makes decays into the chain.
  add_restriction(d, {0}, 1.0, 1.0);
  REQUIRE(equilibrium(*m, d));
  const double r = ((2 + a) - std::sqrt((2 + a) * (2 + a) - 4)) / 2;
  for (int e = 2; e < 15; ++e) {
    double ratio = (d.element_tension[e + 1] - base[e + 1]) / (d.element_tension[e] - base[e]);
    CHECK(ratio == doctest::Approx(r).epsilon(2e-3));
  }
}

// A bony attachment's anchor stiffens as it is pulled off the bone: k u (1 + u²/reach²) balances the
// pull, and the Newton solve (which uses the anchor's Hessian) converges onto it.
TEST_CASE("sim: a stiffening anchor holds a pull at k u (1 + u²/reach²)") {
  NetworkSpec s = chain(2, 0.2, 1.0, 1000, 0.0);  // elements nearly without stiffness
  s.nodes[1].anchor_reach = 0.01;
  auto m = compile(s);
  REQUIRE(m.ok());
  Data d = make_data(*m);
  const double f[3] = {20, 0, 0};
  add_load(d, 1, f);
  REQUIRE(equilibrium(*m, d));
  const double u = d.node_x[3] - m->node_pos0[3];
  MESSAGE("pull 20 N: the anchor gives " << u * 1000 << " mm (linear: 20 mm)");
  CHECK(1000 * u * (1 + u * u / 1e-4) == doctest::Approx(20).epsilon(1e-3));
  CHECK(u < 0.6 * 0.02);  // held: the linear anchor gives 20 mm
  // A linear anchor (reach 0) gives F/k.
  s.nodes[1].anchor_reach = 0;
  auto lin = compile(s);
  REQUIRE(lin.ok());
  Data dl = make_data(*lin);
  add_load(dl, 1, f);
  REQUIRE(equilibrium(*lin, dl));
  CHECK(dl.node_x[3] - lin->node_pos0[3] == doctest::Approx(0.02).epsilon(1e-3));
}

// Passive muscle can stiffen over a longer toe than tendon: an element's own toe strain.
TEST_CASE("sim: an element's own toe strain takes the place of the model's") {
  NetworkSpec s = chain(1, 0.2, 1000, 0, 0.03);
  s.elements[0].toe_strain = 0.3;
  auto m = compile(s);
  REQUIRE(m.ok());
  CHECK(m->element_toe[0] == 0.3);
  Data d = make_data(*m);
  REQUIRE(equilibrium(*m, d));
  CHECK(d.element_tension[0] == doctest::Approx(1000 * 0.03 * 0.03 / 0.6).epsilon(1e-6));
  s.elements[0].toe_strain = -1;
  CHECK_FALSE(compile(s).ok());
}
