#!/usr/bin/env bash
# Builds the real images the benchmarks and manual checks use, with a real builder: buildah, one layer
# per Dockerfile instruction, no Docker engine. Each folder beside this script holds one Dockerfile;
# each image is saved three ways, the formats Ballast must read:
#   NAME.docker.tar      docker-archive (`docker save` layout; buildah writes symlinked layer.tar entries)
#   NAME.oci-gzip.tar    OCI image layout archive, gzip layers
#   NAME.oci-zstd.tar    OCI image layout archive, zstd layers
# The base, localhost/debian:bookworm, is made once with debootstrap (minbase) from the machine's own
# Debian mirror, so no registry is needed.
#
# usage: sudo benchmarks/images/build.sh [OUTDIR] [NAME…]
#   OUTDIR defaults to ~/.cache/ballast-images (what docs/make-screenshots.sh looks in);
#   NAMEs default to every folder here. An image already saved in OUTDIR is not rebuilt.
# needs root and: apt-get install -y buildah skopeo debootstrap
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$HOME/.cache/ballast-images}
shift || true
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for dir in "$here"/*/; do names+=("$(basename "$dir")"); done
fi

for tool in buildah skopeo debootstrap; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing: apt-get install -y buildah skopeo debootstrap" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "build.sh: run as root (debootstrap and buildah's vfs storage need it)" >&2; exit 2; }
mkdir -p "$out"
storage=(--storage-driver vfs)
store="containers-storage:[vfs@/var/lib/containers/storage+/run/containers/storage]"

debian_mirror() {
  local mirror
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
  echo "${mirror:-http://deb.debian.org/debian}"
}

if ! buildah "${storage[@]}" images --format '{{.Name}}:{{.Tag}}' | grep -qx 'localhost/debian:bookworm'; then
  echo "making localhost/debian:bookworm with debootstrap (a few minutes)"
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$(debian_mirror)" >"$out/debootstrap.log" 2>&1
  container=$(buildah "${storage[@]}" from scratch)
  buildah "${storage[@]}" copy "$container" "$rootfs" / >/dev/null
  buildah "${storage[@]}" config --cmd /bin/bash --created-by "ADD rootfs / # debootstrap --variant=minbase bookworm" "$container"
  buildah "${storage[@]}" commit --rm "$container" localhost/debian:bookworm >/dev/null
fi

for name in "${names[@]}"; do
  context="$here/$name"
  [ -f "$context/Dockerfile" ] || { echo "build.sh: no $context/Dockerfile" >&2; exit 2; }
  if [ -f "$out/$name.docker.tar" ] && [ -f "$out/$name.oci-gzip.tar" ] && [ -f "$out/$name.oci-zstd.tar" ]; then
    echo "have $out/$name.{docker,oci-gzip,oci-zstd}.tar"
    continue
  fi
  echo "building $name (log: $out/$name.build.log)"
  log="$out/$name.build.log"
  trap 'echo "build.sh: building $name failed; see $log" >&2' ERR
  buildah "${storage[@]}" bud --layers --isolation chroot -t "localhost/$name:1" "$context" >"$log" 2>&1
  rm -f "$out/$name.docker.tar" "$out/$name.oci-gzip.tar" "$out/$name.oci-zstd.tar"
  buildah "${storage[@]}" push "localhost/$name:1" "docker-archive:$out/$name.docker.tar:$name:1" >>"$log" 2>&1
  skopeo copy "${store}localhost/$name:1" "oci-archive:$out/$name.oci-gzip.tar" >>"$log" 2>&1
  skopeo copy --dest-compress --dest-compress-format zstd "${store}localhost/$name:1" "oci-archive:$out/$name.oci-zstd.tar" >>"$log" 2>&1
  trap - ERR
  echo "built $out/$name.{docker,oci-gzip,oci-zstd}.tar"
done
