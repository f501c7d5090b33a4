#pragma once
// Two untagged OCI archives of one small app, before and after a Dockerfile change, written by
// tests/support. What the compare view must say about them follows from their construction:
//
//   layer  before.tar                                        after.tar
//   0      ADD file:<A> in /        (bin/sh, etc/hostname)    the same bytes              -> shared
//   1      RUN apt-get update && apt-get install -y curl      ... -y --no-install-recommends curl
//            var/lib/apt/lists/deb_Packages 3000 B              && rm -rf /var/lib/apt/lists/*
//            usr/bin/curl 2000 B                                usr/bin/curl (same 2000 B)
//            usr/share/doc/curl/copyright 1000 B                usr/share/doc/curl/copyright 1500 B
//                                                                                           -> edited
//   2      COPY dir:<B> in /app  app/data.bin 5000 B 'd'      COPY dir:<C> in /app
//                                                              app/data.bin 5000 B 'e', app/.env 12 B
//                                                                                           -> same step
// Findings (core/analysis rules): before has apt lists (3000 B), docs (1000 B) and runs as root;
// after has docs (1500 B), runs as root and ships a .env file (12 B). So: resolved "apt package lists
// left in the image", new "files that look like secrets", still present the docs (+500 B) and root.
#include "ImageWriter.h"

#include <QDir>

namespace comparepair {

namespace bt = ballast::test;

inline const QString DigestA = QStringLiteral("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1");
inline const QString DigestB = QStringLiteral("b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2");
inline const QString DigestC = QStringLiteral("c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3");
inline const QString RunBefore = QStringLiteral("RUN apt-get update && apt-get install -y curl");
inline const QString RunAfter = QStringLiteral(
    "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*");

inline bt::LayerSpec baseLayer()
{
    bt::LayerSpec base;
    base.createdBy = "/bin/sh -c #(nop) ADD file:" + DigestA.toStdString() + " in / ";
    base.entries = { bt::dirEntry("etc/"), bt::fileEntry("etc/hostname", "ballast\n"), bt::dirEntry("bin/"),
        bt::fileEntry("bin/sh", bt::filler(1000, 's'), 0755) };
    return base;
}

inline bt::ImageSpec beforeImage()
{
    bt::LayerSpec run;
    run.createdBy = "/bin/sh -c " + RunBefore.mid(4).toStdString();
    run.entries = { bt::dirEntry("var/"), bt::dirEntry("var/lib/"), bt::dirEntry("var/lib/apt/"),
        bt::dirEntry("var/lib/apt/lists/"), bt::fileEntry("var/lib/apt/lists/deb_Packages", bt::filler(3000, 'p')),
        bt::dirEntry("usr/"), bt::dirEntry("usr/bin/"), bt::fileEntry("usr/bin/curl", bt::filler(2000, 'u'), 0755),
        bt::dirEntry("usr/share/"), bt::dirEntry("usr/share/doc/"), bt::dirEntry("usr/share/doc/curl/"),
        bt::fileEntry("usr/share/doc/curl/copyright", bt::filler(1000, 'c')) };
    bt::LayerSpec copy;
    copy.createdBy = "/bin/sh -c #(nop) COPY dir:" + DigestB.toStdString() + " in /app ";
    copy.entries = { bt::dirEntry("app/"), bt::fileEntry("app/data.bin", bt::filler(5000, 'd')) };
    bt::ImageSpec image;
    image.layers = { baseLayer(), run, copy };
    return image;
}

inline bt::ImageSpec afterImage()
{
    bt::LayerSpec run;
    run.createdBy = "/bin/sh -c " + RunAfter.mid(4).toStdString();
    run.entries
        = { bt::dirEntry("usr/"), bt::dirEntry("usr/bin/"), bt::fileEntry("usr/bin/curl", bt::filler(2000, 'u'), 0755),
              bt::dirEntry("usr/share/"), bt::dirEntry("usr/share/doc/"), bt::dirEntry("usr/share/doc/curl/"),
              bt::fileEntry("usr/share/doc/curl/copyright", bt::filler(1500, 'C')) };
    bt::LayerSpec copy;
    copy.createdBy = "/bin/sh -c #(nop) COPY dir:" + DigestC.toStdString() + " in /app ";
    copy.entries = { bt::dirEntry("app/"), bt::fileEntry("app/data.bin", bt::filler(5000, 'e')),
        bt::fileEntry("app/.env", "TOKEN=secret") };
    bt::ImageSpec image;
    image.layers = { baseLayer(), run, copy };
    return image;
}

struct Paths {
    QString before, after;
};

// Writes before.tar and after.tar into `directory`.
inline Paths write(const QString &directory)
{
    return {
        bt::writeArchive(bt::singleImage(bt::Format::OciArchive, beforeImage()), directory, QStringLiteral("before"))
            .path,
        bt::writeArchive(bt::singleImage(bt::Format::OciArchive, afterImage()), directory, QStringLiteral("after")).path
    };
}

} // namespace comparepair
