# The README's commands. Each one installs what is missing, configures and builds first.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)

CHECK_DIR ?= build-check
# Each fuzz target runs FUZZ_RUNS executions, or FUZZ_SECONDS if that comes first (README:
# "Sanitizers, fuzzing and soaks" gives the rates measured; FUZZ_RUNS=1000000 for a deep run).
FUZZ_RUNS ?= 100000
FUZZ_SECONDS ?= 30

.PHONY: all deps configure build run test check clean

all: build

deps:
	@bash tools/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Without a display there is no window: render the default tour headlessly instead and say where.
run: build
	@if [ -z "$$DISPLAY" ]; then \
	  echo "fascia: no display (DISPLAY is not set), so no window; rendering the default tour headlessly"; \
	  $(BUILD_DIR)/bin/fascia render assets/scenarios/tour_lines.json -o $(BUILD_DIR)/fascia-tour.mp4; \
	else $(BUILD_DIR)/bin/fascia; fi

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# ASan+UBSan (+ LeakSanitizer) build with clang: the whole suite, then a short run of every fuzz
# target. -O1 with assertions left on; tests/reliability/check.sh says which sanitizer options apply.
check: deps
	@CC=clang CXX=clang++ cmake -S . -B $(CHECK_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" \
	  -DFASCIA_SANITIZE=ON -DFASCIA_FUZZ=ON >/dev/null
	@cmake --build $(CHECK_DIR) -j $(JOBS)
	@CHECK_DIR=$(CHECK_DIR) FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) bash tests/reliability/check.sh

clean:
	@rm -rf $(BUILD_DIR)
