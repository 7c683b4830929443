#!/usr/bin/env bash
# Installs the Debian packages regind builds with, when any is missing.
# As root it uses apt-get; otherwise it says what to install and fails.
set -euo pipefail
packages=(g++ make libeigen3-dev libfmt-dev doctest-dev libnlopt-cxx-dev libboost-math-dev nlohmann-json3-dev)
# Charts and the HTML dashboard: a CJK font for Chinese labels, headless Chromium for its test.
packages+=(fonts-noto-cjk chromium chromium-driver)
# make fuzz: Clang and its libFuzzer runtime (make sanitize uses the ASan/UBSan of g++).
packages+=(clang-14 libclang-rt-14-dev)
# ccache, when present, lets the second and third builds (sanitizer, fuzz) reuse objects.
packages+=(ccache)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then missing+=(python3-venv); fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "regind needs these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
