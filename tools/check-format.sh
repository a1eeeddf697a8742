#!/usr/bin/env bash
# Checks that C++ sources follow .clang-format (clang-format --dry-run -Werror); changes nothing.
#
#   tools/check-format.sh              every tracked .cpp/.h/.c/.hpp of the checkout
#   tools/check-format.sh FILE...      just these files
#   tools/check-format.sh --self-test  proves the check fails on a planted mis-formatted file and
#                                      passes on a well-formatted one (run by CTest)
#
# Exit status: 0 all formatted, 1 some file is not (each listed), 77 clang-format is not installed
# (CTest reports that as skipped). To fix a file: clang-format -i FILE.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"
if ! command -v "$CLANG_FORMAT" >/dev/null 2>&1; then
  echo "check-format: $CLANG_FORMAT is not installed (apt-get install clang-format)" >&2
  exit 77
fi

check() {
  local bad=0 f
  for f in "$@"; do
    if ! "$CLANG_FORMAT" --dry-run -Werror "$f" >/dev/null 2>&1; then
      echo "check-format: $f is not formatted (clang-format -i $f)" >&2
      bad=1
    fi
  done
  return $bad
}

if [[ "${1:-}" == "--self-test" ]]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  cp "$root/.clang-format" "$tmp/"
  printf 'int  main( ) {return 0 ;}\n' >"$tmp/planted.cpp"
  printf 'int main() {\n  return 0;\n}\n' >"$tmp/good.cpp"
  if check "$tmp/planted.cpp" 2>/dev/null; then
    echo "check-format self-test: FAILED, a mis-formatted file passed" >&2
    exit 1
  fi
  if ! check "$tmp/good.cpp"; then
    echo "check-format self-test: FAILED, a well-formatted file was refused" >&2
    exit 1
  fi
  echo "check-format self-test: the planted mis-formatted file is caught, the formatted one passes"
  exit 0
fi

if [[ $# -gt 0 ]]; then
  check "$@"
  exit $?
fi
cd "$root" || exit 1
mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.c' '*.hpp')
if check "${files[@]}"; then
  echo "check-format: ${#files[@]} files formatted"
else
  exit 1
fi
