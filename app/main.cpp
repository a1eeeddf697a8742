#include "cli.h"

int main(int argc, char** argv) { return fascia::app::run_cli(argc, argv); }
