#!/usr/bin/env bash
# The second half of `make check` (the Makefile builds first): the whole suite under ASan + UBSan with
# LeakSanitizer on, then a short run of every fuzz target. Any sanitizer report, leak, validation
# message or fuzz finding fails it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
dir=${CHECK_DIR:-build-check}
runs=${FUZZ_RUNS:-100000}   # executions per fuzz target...
secs=${FUZZ_SECONDS:-45}   # ...or this many seconds, whichever comes first
jobs=${JOBS:-2}

# Sanitizer options; README's "make check" section says why each is there.
#   detect_leaks=1          the LeakSanitizer pass, at the exit of every test process and of every
#                           `fascia` the tests start (a leak there turns its exit status into 23).
#   suppressions            lsan.supp: leaks inside system libraries (Vulkan loader, lavapipe,
#                           validation layer, X11, ...), each named and commented; never our code.
#   halt_on_error (UBSan)   undefined behaviour stops the process instead of printing and going on.
export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:${ASAN_OPTIONS_EXTRA:-}"
export LSAN_OPTIONS="suppressions=$root/tests/reliability/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Keeps the dlclose'd Vulkan driver, layers and X11 libraries mapped in our processes, so leaks
# inside them are named and lsan.supp can match them (see keep_loaded.c).
export LD_PRELOAD="$root/$dir/lib/libfascia_keep_loaded.so${LD_PRELOAD:+:$LD_PRELOAD}"

# The soaks (window, simulation) run their longer versions here; the ordinary suite keeps them short.
export FASCIA_SOAK=long

# Left out here (both run in `make test`): each repeats, at several minutes of sanitized time, code
# that other tests run under the sanitizers, and CI has 90 minutes for both suites and the fuzzing.
#   "scenario render: every example ..."  325 s sanitized: every example scenario through the frame
#       loop that "scenario render: two runs give the same frames" and the output tests run here.
#   "export: deterministic bytes ..."  144 s: two more whole bodies generated; the encoder and the
#       bad path run here in "export: Assimp re-imports" and the bad-input table.
#   "therapy undo: ..."  329 s: a 90 s release played out on the simulation's clock, which under the
#       sanitizers runs about a third as fast as the wall clock; the history rewrite it checks runs
#       here in tests/session/treatments_test.cpp, a release played to its end in the therapy walk.
left_out='^scenario render: every example|^export: deterministic bytes|^therapy undo:'
echo "make check: the suite under ASan + UBSan + LeakSanitizer ($dir), less: $left_out"
start=$(date +%s)
(cd "$dir" && ctest --output-on-failure -j "$jobs" -E "$left_out")
echo "make check: suite took $(( $(date +%s) - start )) s"

# Fuzzing: each target for $runs executions (at most $secs seconds) from its seeds (tests/fuzz/<target>/) and committed
# regressions. New inputs go to $dir/fuzz-corpus/<target>/ (kept between runs, so coverage grows);
# a crash is written to $dir/fuzz-crashes/ and fails the check.
fail=0
mkdir -p "$dir/fuzz-crashes"
for exe in "$dir"/bin/fuzz_*; do
  [ -x "$exe" ] || continue
  t=${exe##*/fuzz_}
  work="$dir/fuzz-corpus/$t"
  mkdir -p "$work"
  seeds=("$root/tests/fuzz/$t")
  [ -d "tests/fuzz/regressions/$t" ] && seeds+=("$root/tests/fuzz/regressions/$t")
  [ "$t" = movement_file ] && seeds+=("$root/assets/poses")
  max_len=4096
  [ "$t" = atlas_files ] && max_len=16384  # whole line files, to mutate from valid ones
  log="$dir/fuzz-$t.log"
  echo "make check: fuzzing $t for $runs runs (at most ${secs} s)"
  # close_fd_mask=1: the targets' own stdout (help texts, "wrote ...") is noise; reports go to stderr.
  rm -f "$dir/fuzz-crashes/$t-"*
  if ! "$exe" -runs="$runs" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -close_fd_mask=1 \
       -artifact_prefix="$dir/fuzz-crashes/$t-" -print_final_stats=1 "$work" "${seeds[@]}" >"$log" 2>&1; then
    echo "make check: fuzz target $t FAILED (full report in $log):"
    grep -E -A25 '^==[0-9]+==ERROR|runtime error|fuzz invariant broken|deadly signal' "$log" | head -60 || tail -20 "$log"
    for input in "$dir/fuzz-crashes/$t-"*; do
      [ -e "$input" ] || continue
      echo "  The input is $input: commit it under tests/fuzz/regressions/$t/ (the suite then runs it"
      echo "  through the same target), and fix the reader."
    done
    fail=1
  else
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tr -s ' \n' ' ' | sed 's/^/  /'
    echo
    executed=$(grep -E '^stat::number_of_executed_units' "$log" | grep -oE '[0-9]+$' || echo 0)
    [ "$executed" -ge "$runs" ] || echo "  note: $t stopped at the ${secs} s cap after $executed of $runs runs"
  fi
done
[ "$fail" -eq 0 ] || exit 1
echo "make check: passed in $(( $(date +%s) - start )) s after the build"
