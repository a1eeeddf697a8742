#!/usr/bin/env bash
# Installs the Debian packages Fascia Atlas builds and runs with, when any is missing.
# Uses sudo when not root; on a system without apt-get, lists what to install and stops.
set -euo pipefail

packages=(
  build-essential cmake pkg-config clang libclang-rt-14-dev clang-format
  libvulkan-dev vulkan-validationlayers glslc mesa-vulkan-drivers vulkan-tools
  libglfw3-dev libglm-dev libimgui-dev libassimp-dev doctest-dev libeigen3-dev
  nlohmann-json3-dev libcli11-dev libstb-dev libbenchmark-dev libmeshoptimizer-dev
  ffmpeg xvfb xauth imagemagick xdotool fonts-dejavu-core libcairo2-dev poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "fascia: this system has no apt-get. Install these packages (Debian names) and run again:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "fascia: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "fascia: installing missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
