#!/usr/bin/env bash
# Installs the Debian 12 packages Ballast needs to build, test and run. Skips apt entirely when
# everything is already there. Uses sudo when not run as root. podman, buildah, skopeo and
# docker-registry are for the `tools` tests (tests/sources/) that open images where they live.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libgl-dev
  libarchive-dev nlohmann-json3-dev libssl-dev zlib1g-dev libzstd-dev libxxhash-dev
  xvfb xauth python3 python3-jsonschema zstd
  clang libclang-rt-14-dev
  desktop-file-utils appstream
  podman buildah skopeo docker-registry
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "installing: ${missing[*]}"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
