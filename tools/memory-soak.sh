#!/usr/bin/env bash
# Resident memory over a long scripted therapy session in the real window (issues 15 and 16): ten
# cycles of restrict the calf, release, assisted stretch, breathing, orbit and views, trace the neck,
# remove all, undo, remove all (about 14 minutes on a 2-core machine with lavapipe). Prints the
# resident set every minute and the peak. Needs xvfb-run and a built `fascia` (BUILD_DIR, default build).
# Usage: tools/memory-soak.sh [CYCLES]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${BUILD_DIR:-build}/bin/fascia
cycles=${1:-10}
if ! [[ $cycles =~ ^[1-9][0-9]{0,2}$ ]]; then
  echo "memory-soak.sh: CYCLES must be a whole number from 1 to 999, not '$cycles'" >&2
  exit 2
fi
[ -x "$exe" ] || { echo "memory-soak.sh: $exe: no built fascia (make build first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "key 2"
  echo "slider muscle 0.15"
  for ((c = 0; c < cycles; ++c)); do
    cat <<SCRIPT
click gastrocnemius.l
press restrict
slider stiffness 4
slider shorten 5
wait settled
press release
wait 20 s
press stop-treatment
press stretch
wait 20 s
press stop-treatment
press breathing
wait 5 s
press breathing
drag 640 360 740 380
key 1
wait 2 s
key 2
wait 2 s
click sbl.l/occipital_ridge
press trace
wait settled
press remove-all
key ctrl+z
press remove-all
wait settled
state $work/cycle$c.json
SCRIPT
  done
  echo "quit"
} >"$work/soak.txt"
XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state \
  xvfb-run -a -s "-screen 0 1280x720x24" "$exe" view --script "$work/soak.txt" >"$work/out.txt" 2>&1 &
runner=$!
start=$(date +%s)
peak=0
sleep 2
while kill -0 "$runner" 2>/dev/null; do
  pid=$(pgrep -f "^$exe view --script $work/soak.txt" || true)
  if [ -n "$pid" ]; then
    kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${kib:-0}" -gt "$peak" ] && peak=$kib
    echo "minute $(( ($(date +%s) - start) / 60 )): resident $(( ${kib:-0} / 1024 )) MiB"
  fi
  sleep 60
done
wait "$runner" || { cat "$work/out.txt"; exit 1; }
echo "memory soak: $cycles cycles in $(( $(date +%s) - start )) s, peak resident $(( peak / 1024 )) MiB (target <= 300)"
