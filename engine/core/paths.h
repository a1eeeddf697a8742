#pragma once
// Where the app finds its assets: $FASCIA_ASSETS, then assets/ beside the binary's build tree
// (build/bin/../../assets), then the source tree it was built from.
#include <filesystem>

namespace fascia {
std::filesystem::path assets_dir();
}
