#!/usr/bin/env bash
# Installs the Debian packages Ballast needs to build, test, package and run, on Debian 12 (bookworm)
# and Debian 13 (trixie) alike. Skips apt entirely when everything is already there. Uses sudo when
# not run as root. Every program that scripts/, .ci/run, docs/make-screenshots.sh and the tests run
# comes from a package below; the check at the end names any that is still missing, so that a
# renamed package fails here and not half an hour later.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config # gcc, g++, make, dpkg-dev (dpkg-shlibdeps, for cpack)
  qt6-base-dev qt6-base-dev-tools libgl-dev
  libarchive-dev nlohmann-json3-dev libssl-dev zlib1g-dev libzstd-dev libxxhash-dev libsqlite3-dev
  xvfb xauth                   # xvfb-run: the installed GUI in package-check.sh, docs/make-screenshots.sh
  python3 python3-jsonschema   # tests/docs, the sample's oracle, package-check.sh
  zstd                         # tests/data/real/expected_from_tar.py
  file                         # CPack's DEB generator runs `file` to find the ELF files for dpkg-shlibdeps
  # The fuzz preset: clang++ and its sanitizer and libFuzzer runtimes. libclang-rt-dev is the runtime
  # of the distribution's default clang (14 on Debian 12, 19 on Debian 13), so the two always match.
  clang libclang-rt-dev
  clang-format clang-tidy      # scripts/check-format.sh (in .ci/run) and scripts/tidy.sh
  desktop-file-utils appstream # validate the installed .desktop and metainfo files
  podman buildah skopeo docker-registry # the `tools` tests (tests/tools/): images where they live
)
# The programs the scripts and tests run, each from a package above (or from Debian's essential set).
programs=(
  cmake ctest cpack ninja pkg-config c++ clang++ clang-format clang-tidy dpkg-shlibdeps dpkg-deb file
  xvfb-run xauth python3 zstd tar gzip mktemp realpath
  desktop-file-validate appstreamcli podman buildah skopeo docker-registry
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps.sh: run it as root, or install sudo; missing: ${missing[*]}" >&2; exit 1; }
    as_root=(sudo)
  fi
  echo "installing: ${missing[*]}"
  "${as_root[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

absent=()
for program in "${programs[@]}"; do
  command -v "$program" >/dev/null || absent+=("$program")
done
python3 -c 'import jsonschema' 2>/dev/null || absent+=("python3's jsonschema module")
if [ ${#absent[@]} -gt 0 ]; then
  echo "install-deps.sh: still missing after installing the packages: ${absent[*]}" >&2
  exit 1
fi
