#!/usr/bin/env bash
# Writes rpmdb.sqlite: the database Debian's rpm (4.18, SQLite backend) leaves after installing two
# packages built here with rpmbuild into an empty root, and expected.txt: what rpm itself says about
# them, the oracle test_rpm_database compares Ballast's reading with. Needs the `rpm` package; run it
# again only to change the fixture. rpm leaves the database in write-ahead-log mode, as in images.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/SPECS" "$work/root"
cat > "$work/SPECS/hello.spec" <<'SPEC'
Name: hello
Version: 1.0
Release: 1
Summary: A script and its README
License: MIT
BuildArch: noarch
%description
A script and its README.
%install
mkdir -p %{buildroot}/usr/bin %{buildroot}/usr/share/doc/hello
printf '#!/bin/sh\necho hello\n' > %{buildroot}/usr/bin/hello
printf 'hello readme\n' > %{buildroot}/usr/share/doc/hello/README
%files
/usr/bin/hello
/usr/share/doc/hello
SPEC
cat > "$work/SPECS/greet.spec" <<'SPEC'
Name: greet
Epoch: 2
Version: 3.1
Release: 4
Summary: A configuration file and 5000 bytes of data
License: MIT
BuildArch: noarch
%description
A configuration file and 5000 bytes of data.
%install
mkdir -p %{buildroot}/etc %{buildroot}/usr/lib/greet
printf 'greeting=hi\n' > %{buildroot}/etc/greet.conf
head -c 5000 /dev/zero > %{buildroot}/usr/lib/greet/data.bin
%files
%config /etc/greet.conf
/usr/lib/greet
SPEC
for spec in hello greet; do
  rpmbuild --quiet --define "_topdir $work/top" --define '_build_id_links none' -bb "$work/SPECS/$spec.spec"
done
rpm --root "$work/root" --dbpath /var/lib/rpm -i --nodeps "$work"/top/RPMS/noarch/hello-*.rpm 2>/dev/null
rpm --root "$work/root" --dbpath /var/lib/rpm -i --nodeps "$work"/top/RPMS/noarch/greet-*.rpm 2>/dev/null
cp "$work/root/var/lib/rpm/rpmdb.sqlite" "$here/rpmdb.sqlite"
# One line per package, "NAME [EPOCH:]VERSION-RELEASE ARCH", then one line per file, indented.
rpm --root "$work/root" --dbpath /var/lib/rpm -qa \
    --qf '%{NAME} %|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE} %{ARCH}\n[  %{FILENAMES}\n]' > "$here/expected.txt"
