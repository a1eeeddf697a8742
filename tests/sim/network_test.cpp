// The network compiled from the atlas on the built-in body: shared tracks once with every line's
// label, branches and crossings as nodes with more than two elements, evidence on the stations;
// bad input named.
#include <doctest/doctest.h>

#include "sim/atlas_input.h"
#include "sim/commands.h"

using namespace fascia::sim;

TEST_CASE("sim network: shared tracks are single elements with several lines, branches meet at nodes") {
  const Model& m = default_model();
  CHECK(m.nline == 24);
  CHECK(m.nhinge >= 20);
  // biceps femoris: one chain labelled sbl and spl.
  auto bf = find_tracks_by_tissue(m, "biceps_femoris.l");
  REQUIRE(bf.size() == 1);
  int sbl = find_line(m, "sbl.l"), spl = find_line(m, "spl.l");
  for (int i = 0; i < m.track_element_num[bf[0]]; ++i) {
    uint32_t lines = m.element_lines[m.track_element[m.track_element_adr[bf[0]] + i]];
    CHECK((lines >> sbl & 1));
    CHECK((lines >> spl & 1));
  }
  // Enough nodes along a track to show a gradient.
  CHECK(m.track_element_num[bf[0]] >= 5);
  // Crossings and branches: the sacrum (sbl, bfl crossing) and the lumbar bodies (dfl branches).
  for (const char* s : {"sacrum", "lumbar_bodies"}) {
    int st = find_station(m, s);
    REQUIRE(st >= 0);
    int degree = 0;
    for (int e = 0; e < m.nelement; ++e)
      degree +=
          (m.element_node[2 * e] == m.station_node[st]) + (m.element_node[2 * e + 1] == m.station_node[st]);
    CHECK(degree > 2);
  }
  // Evidence on the stations: the sbl's are strong, the sfl's none.
  CHECK(m.station_grade[find_station(m, "calcaneus.l")] == Grade::Strong);
  CHECK(m.station_grade[find_station(m, "aiis.l")] == Grade::None);
  // A strong transition passes more: its anchor is softer relative to the same tissue.
  CHECK(m.node_anchor[m.station_node[find_station(m, "calcaneus.l")]] <
        m.node_anchor[m.station_node[find_station(m, "tibial_tuberosity.l")]]);
}

TEST_CASE("sim network: bad input names the place and the problem") {
  AtlasInput in = reference_body();
  in.tracks[0].to = "nowhere.l";
  auto s = build_network(in);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message == "sim network: at tracks." + in.tracks[0].id + ": unknown station 'nowhere.l'");
  NetworkSpec bad;
  bad.nodes.resize(2);
  bad.nodes[1].position = {0, 1, 0};
  bad.elements.push_back({0, 0, 100});
  auto m = compile(bad);
  REQUIRE_FALSE(m.ok());
  CHECK(m.error().message == "network: at elements[0]: nodes out of range or equal");
}
