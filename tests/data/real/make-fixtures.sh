#!/usr/bin/env bash
# Rebuilds the real-image fixtures in this folder with a real builder (buildah, one layer per
# instruction) and writes, for each NAME below, into NAME/:
#   NAME.docker.tar     buildah docker-archive (uncompressed layers; <id>/layer.tar symlinks to ../<sha>.tar)
#   NAME.oci-gzip.tar   OCI image layout archive, gzip layers   (skopeo copy)
#   NAME.oci-zstd.tar   OCI image layout archive, zstd layers   (skopeo copy --dest-compress-format zstd)
#   expected.json       figures from expected_from_tar.py, an independent oracle (no Ballast code)
# usage: sudo tests/data/real/make-fixtures.sh [NAME ...]     (NO_CACHE=1 to ignore buildah's layer cache)
#        tests/data/real/make-fixtures.sh --verify            (no root, no build: re-run the oracle on the
#                                                              committed archives and diff with expected.json)
# needs: root; apt-get install -y buildah skopeo zstd python3; the busybox-static .deb is fetched with
#        `apt-get download` (or set BUSYBOX=/path/to/a/static/busybox). Takes well under a minute.
# Layer contents include build-time timestamps, so every rebuild changes digests: commit the archives
# and expected.json together.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# NAME:STORAGE-DRIVER. vfs computes layer diffs by comparing trees (a recreated directory becomes
# per-file whiteouts); overlay takes the kernel's upper directory as the diff (a recreated directory
# becomes an opaque directory, .wh..wh..opq). The overlay store is private to these fixtures.
FIXTURES="whiteouts:vfs whiteouts-overlay:overlay entry-types:vfs"
OVERLAY_ROOT=${OVERLAY_ROOT:-/var/tmp/ballast-fixtures-overlay}

if [ "${1:-}" = --verify ]; then
  status=0
  for f in $FIXTURES; do
    name=${f%%:*} dir="$here/${f%%:*}"
    if python3 "$here/expected_from_tar.py" --name "$name" "$dir/$name.docker.tar" "$dir/$name.oci-gzip.tar" \
         "$dir/$name.oci-zstd.tar" | diff -q - "$dir/expected.json" >/dev/null; then
      echo "ok       $name"
    else
      echo "MISMATCH $name" >&2; status=1
    fi
  done
  exit $status
fi

for tool in buildah skopeo zstd python3; do
  command -v $tool >/dev/null || { echo "missing $tool: apt-get install -y buildah skopeo zstd python3" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "run as root (buildah --isolation chroot)" >&2; exit 2; }

tmp=$(mktemp -d)
# containers-storage bind-mounts the overlay store onto itself; undo that when done.
trap 'rm -rf "$tmp"; umount "$OVERLAY_ROOT/root/overlay" 2>/dev/null || true' EXIT
if [ -n "${BUSYBOX:-}" ]; then
  cp "$BUSYBOX" "$tmp/busybox"
else
  (cd "$tmp" && apt-get download -o APT::Sandbox::User=root busybox-static >/dev/null \
     && dpkg-deb -x busybox-static_*.deb deb && mv deb/bin/busybox busybox && rm -rf deb busybox-static_*.deb)
fi
echo "busybox: $("$tmp/busybox" 2>&1 | head -1)"

wanted=" $* "
for f in $FIXTURES; do
  name=${f%%:*} driver=${f#*:}
  [ $# -eq 0 ] || [[ "$wanted" == *" $name "* ]] || continue
  case $driver in
    vfs)     S=(--storage-driver vfs)
             STORE="containers-storage:[vfs@/var/lib/containers/storage+/run/containers/storage]" ;;
    overlay) S=(--storage-driver overlay --root "$OVERLAY_ROOT/root" --runroot "$OVERLAY_ROOT/run")
             STORE="containers-storage:[overlay@$OVERLAY_ROOT/root+$OVERLAY_ROOT/run]" ;;
  esac
  dir="$here/$name" ctx="$tmp/ctx-$name" image="localhost/$name:1"
  mkdir "$ctx"
  (cd "$dir" && tar --exclude='*.tar' --exclude=expected.json -cf - .) | tar -C "$ctx" -xf -
  cp "$tmp/busybox" "$ctx/busybox"
  buildah "${S[@]}" bud --layers ${NO_CACHE:+--no-cache} --isolation chroot -t "$image" "$ctx" >"$tmp/$name.log" 2>&1 \
    || { cat "$tmp/$name.log" >&2; exit 1; }
  rm -f "$dir/$name".docker.tar "$dir/$name".oci-gzip.tar "$dir/$name".oci-zstd.tar
  buildah "${S[@]}" push -q "$image" "docker-archive:$dir/$name.docker.tar:$name:1"
  skopeo copy -q "$STORE$image" "oci-archive:$dir/$name.oci-gzip.tar:$name:1"
  skopeo copy -q --dest-compress-format zstd --dest-compress "$STORE$image" "oci-archive:$dir/$name.oci-zstd.tar:$name:1"
  python3 "$here/expected_from_tar.py" --name "$name" \
    "$dir/$name.docker.tar" "$dir/$name.oci-gzip.tar" "$dir/$name.oci-zstd.tar" >"$dir/expected.json"
  echo "built $name ($driver): $(cd "$dir" && du -b "$name".*.tar | awk '{printf "%s %s  ", $2, $1}')"
done
