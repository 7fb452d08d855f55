#!/bin/sh
# Installs the Debian packages wirebook needs to build, test and render.
# Run as root it installs what is missing with apt-get; otherwise it prints
# the exact command to run and fails, so a build never half-works.
#   tools/install-deps.sh          packages to build the site
#   tools/install-deps.sh --test   also the packages the test suite needs
set -eu

build_pkgs="g++ cmake make pkgconf libcairo2-dev libpango1.0-dev libpugixml-dev \
libboost-program-options-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
libyaml-cpp-dev nlohmann-json3-dev zlib1g-dev fonts-dejavu-core"
test_pkgs="catch2 libcpp-httplib-dev chromium chromium-driver poppler-utils"

pkgs=$build_pkgs
[ "${1:-}" = "--test" ] && pkgs="$build_pkgs $test_pkgs"

missing=""
for p in $pkgs; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "wirebook needs these Debian packages:$missing" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
