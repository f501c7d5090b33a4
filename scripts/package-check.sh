#!/usr/bin/env bash
# Packages a build with CPack (.deb and tarball), installs the .deb with apt-get like a user would, and
# checks the installed files: both executables run from /usr/bin, the GUI draws the sample under Xvfb,
# the desktop entry and AppStream metainfo validate, the MIME types and man pages are in place; then
# runs ballast-cli from the unpacked tarball elsewhere, to show it is relocatable.
#   scripts/package-check.sh [BUILD_DIR]   (default build/dev; the build must be done)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build/dev}")
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=$PWD/resources/sample/sample.oci-gzip.tar

step() { printf '\n== %s\n' "$*"; }

step "cpack"
rm -f "$build"/ballast_*.deb "$build"/ballast-*.tar.gz
(cd "$build" && cpack -G "DEB;TGZ" >/dev/null)
deb=$(ls "$build"/ballast_*.deb)
tarball=$(ls "$build"/ballast-*.tar.gz)
dpkg-deb --field "$deb" Package Version Architecture Depends

step "apt-get install $deb"
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --reinstall "$deb" >/dev/null
dpkg -L ballast | grep -E '^/usr/(bin|share/(applications|metainfo|mime/packages|man/man1|icons/hicolor/(scalable|256x256)))/' 

step "installed ballast-cli"
[ "$(command -v ballast-cli)" = /usr/bin/ballast-cli ]
ballast-cli --version | tee "$work/version"
grep -qx "ballast-cli $(dpkg-deb --field "$deb" Version)" <(head -1 "$work/version")
grep -q '^libarchive ' "$work/version"
(cd "$work" && ballast-cli analyze /usr/share/ballast/sample/sample.oci-gzip.tar --format json > analyze.json)
python3 - "$work/analyze.json" resources/sample/expected.json <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
# expected.json was computed from `tar -tv` of the sample's layers when it was built.
expected = json.load(open(sys.argv[2]))
assert report["image"]["layerCount"] == len(expected["layers"]), report["image"]["layerCount"]
assert report["image"]["finalSizeBytes"] == expected["finalFilesystem"]["finalSizeBytes"], report["image"]["finalSizeBytes"]
print("analyze: %d layers, %d bytes in the final filesystem, as expected.json says" % (report["image"]["layerCount"], report["image"]["finalSizeBytes"]))
PY

step "installed GUI under Xvfb"
(cd "$work" && HOME="$work" xvfb-run -a -s "-screen 0 1920x1200x24" /usr/bin/ballast --screenshot "$work/installed.png" \
    /usr/share/ballast/sample/sample.oci-gzip.tar)
python3 - "$work/installed.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1600, 1000), (width, height)
print("screenshot: %dx%d, %d bytes" % (width, height, len(data)))
PY
cp "$work/installed.png" "$build/installed-screenshot.png"

step "desktop integration"
desktop-file-validate /usr/share/applications/dev.ballast.Ballast.desktop
appstreamcli validate --no-net /usr/share/metainfo/dev.ballast.Ballast.metainfo.xml
# dpkg's trigger ran update-mime-database: the types are known, by glob and by magic.
grep -q 'vnd.oci.image.layout.v1+tar' /usr/share/mime/globs2
grep -q 'vnd.docker.image.archive+tar' /usr/share/mime/globs2
# (man itself may be absent or told by dpkg to skip /usr/share/man on minimal systems: read the package.)
dpkg-deb --contents "$deb" | grep -E 'usr/share/man/man1/ballast(-cli)?\.1' 
# grep reads all of tar's output (no -q): under pipefail, tar writing into a pipe grep has left fails.
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/man/man1/ballast-cli.1 | grep -- 'max\\-entries' > /dev/null

step "relocatable tarball"
mkdir "$work/elsewhere"
tar -xzf "$tarball" -C "$work/elsewhere"
"$work"/elsewhere/*/bin/ballast-cli analyze "$sample" > "$work/tar-analyze.txt"
head -3 "$work/tar-analyze.txt"
echo "package check passed"
