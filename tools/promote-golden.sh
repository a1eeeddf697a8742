#!/usr/bin/env bash
# Makes the actual image of a golden test the new expected image, after a person has looked at it.
#   tools/promote-golden.sh NAME [BUILD_DIR]   (NAME as in tests/golden/NAME.png)
set -euo pipefail
name=${1:?usage: tools/promote-golden.sh NAME [BUILD_DIR]}
build=${2:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
actual="$root/$build/test-output/golden/$name.actual.png"
[ -f "$actual" ] || { echo "no actual image $actual: run the test first" >&2; exit 2; }
cp "$actual" "$root/tests/golden/$name.png"
echo "promoted $actual -> tests/golden/$name.png"
