#!/usr/bin/env bash
# Rebuilds the Ballast sample image from the Dockerfile beside this script and saves it as
#   sample.oci-gzip.tar   OCI image layout archive, gzip layers, tag ballast-sample:1
#   expected.json         its figures, from the independent oracle tests/data/real/expected_from_tar.py
# usage: sudo resources/sample/build.sh          (NO_CACHE=1 to ignore buildah's layer cache)
# needs: root, apt-get install -y buildah skopeo zstd python3; the busybox-static .deb is fetched with
#        `apt-get download` (or set BUSYBOX=/path/to/a/static/busybox).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
S="--storage-driver vfs"
STORE="containers-storage:[vfs@/var/lib/containers/storage+/run/containers/storage]"
IMAGE=localhost/ballast-sample:1
OUT="$here/sample.oci-gzip.tar"
MAX_BYTES=$((3 * 1024 * 1024))

for tool in buildah skopeo zstd python3; do
  command -v $tool >/dev/null || { echo "missing $tool: apt-get install -y buildah skopeo zstd python3" >&2; exit 2; }
done
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp -a "$here/Dockerfile" "$here/app" "$ctx/"
if [ -n "${BUSYBOX:-}" ]; then
  cp "$BUSYBOX" "$ctx/busybox"
else
  (cd "$ctx" && apt-get download -o APT::Sandbox::User=root busybox-static >/dev/null \
     && dpkg-deb -x busybox-static_*.deb deb && mv deb/bin/busybox busybox && rm -rf deb busybox-static_*.deb)
fi
file "$ctx/busybox" 2>/dev/null | grep -q 'statically linked' || echo "warning: $ctx/busybox may not be static" >&2
echo "busybox: $("$ctx/busybox" 2>&1 | head -1)"

buildah $S bud --layers ${NO_CACHE:+--no-cache} --isolation chroot -t "$IMAGE" "$ctx"
rm -f "$OUT"
skopeo copy "${STORE}$IMAGE" "oci-archive:$OUT:ballast-sample:1"
size=$(stat -c %s "$OUT")
echo "$OUT: $size bytes"
[ "$size" -lt "$MAX_BYTES" ] || { echo "sample is $size bytes, over the 3 MiB budget" >&2; exit 1; }
python3 "$repo/tests/data/real/expected_from_tar.py" --name ballast-sample "$OUT" > "$here/expected.json"
echo "wrote $here/expected.json"
