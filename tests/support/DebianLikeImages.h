#pragma once
// Two small Debian-like images for the bytes-per-package suites, with every figure a fixture string's
// length. A ("ballast/packages:1"): layer 0 holds libc6 (1000 bytes, listed as /lib/… and stored at
// usr/lib/… behind the merged-/usr lib symlink) and bash (600); layer 1 installs curl (300) and
// leaves a 2000-byte apt cache. B: A's layer 0 with bash upgraded to 5.2.15-4 (650 bytes), no curl.
#include "ImageWriter.h"

#include <QString>
#include <string>

namespace debianlike {

namespace bt = ballast::test;

inline const std::string BaseStatus
    = "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nMulti-Arch: same\n"
      "Version: 2.36-9\n\nPackage: bash\nStatus: install ok installed\nArchitecture: amd64\n"
      "Version: 5.2.15-3\n\n";
inline const std::string FinalStatus
    = BaseStatus + "Package: curl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 7.88.1-10\n\n";
inline const std::string StatusB
    = "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nMulti-Arch: same\n"
      "Version: 2.36-9\n\nPackage: bash\nStatus: install ok installed\nArchitecture: amd64\n"
      "Version: 5.2.15-4\n\n";
inline const std::string LibcList = "/.\n/lib\n/lib/x86_64-linux-gnu/libc.so.6\n";
inline const std::string BashList = "/.\n/usr/bin/bash\n";
inline const std::string CurlList = "/.\n/usr/bin/curl\n";

// A's final files of no package: the status file, the three lists and apt's cache.
inline const int64_t Unpackaged
    = int64_t(2000 + FinalStatus.size() + LibcList.size() + BashList.size() + CurlList.size());
// What A's layer 1 wrote that no package owns: the cache, the status file and curl's list.
inline const int64_t UnpackagedInLayer1 = int64_t(2000 + FinalStatus.size() + CurlList.size());
// B's: its status file and two lists.
inline const int64_t UnpackagedB = int64_t(StatusB.size() + LibcList.size() + BashList.size());

inline bt::LayerSpec baseLayer()
{
    bt::LayerSpec base;
    base.createdBy = "/bin/sh -c #(nop) ADD file:1234 in / ";
    base.entries = { bt::dirEntry("usr/"), bt::dirEntry("usr/lib/"), bt::symlinkEntry("lib", "usr/lib"),
        bt::fileEntry("usr/lib/x86_64-linux-gnu/libc.so.6", bt::filler(1000, 'c')),
        bt::fileEntry("usr/bin/bash", bt::filler(600, 'b')), bt::fileEntry("var/lib/dpkg/status", BaseStatus),
        bt::fileEntry("var/lib/dpkg/info/libc6:amd64.list", LibcList),
        bt::fileEntry("var/lib/dpkg/info/bash.list", BashList) };
    return base;
}

// Writes A into `directory` and returns its path.
inline QString writeImageA(const QString &directory)
{
    bt::ImageSpec image;
    image.tags = { "ballast/packages:1" };
    bt::LayerSpec install;
    install.createdBy = "/bin/sh -c apt-get update && apt-get install -y curl";
    install.entries = { bt::fileEntry("usr/bin/curl", bt::filler(300, 'u')),
        bt::fileEntry("var/cache/apt/archives/curl.deb", bt::filler(2000, 'a')),
        bt::fileEntry("var/lib/dpkg/status", FinalStatus), bt::fileEntry("var/lib/dpkg/info/curl.list", CurlList) };
    image.layers = { baseLayer(), install };
    return bt::writeArchive(bt::singleImage(bt::Format::OciArchive, image), directory, QStringLiteral("deb")).path;
}

// Writes B into `directory` and returns its path.
inline QString writeImageB(const QString &directory)
{
    bt::ImageSpec image;
    bt::LayerSpec upgraded = baseLayer();
    upgraded.entries[4] = bt::fileEntry("usr/bin/bash", bt::filler(650, 'B'));
    upgraded.entries[5] = bt::fileEntry("var/lib/dpkg/status", StatusB);
    image.layers = { upgraded };
    return bt::writeArchive(bt::singleImage(bt::Format::OciArchive, image), directory, QStringLiteral("upgraded")).path;
}

} // namespace debianlike
