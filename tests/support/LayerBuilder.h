#pragma once
#include "ImageSpec.h"

#include <QByteArray>
#include <QString>

namespace ballast::test {

// One layer as the writer stores it, with the figures the tests compare against.
struct BuiltLayer {
    QByteArray tar; // the uncompressed stream (its sha256 is the diff_id)
    QByteArray blob; // the stored bytes (their sha256 is the digest)
    QString diffId;
    QString digest;
    QString mediaType;
    int64_t tocSize = 0; // eStargz: bytes of stargz.index.json, else 0
    QString tocDigest;
};

BuiltLayer buildLayer(const LayerSpec &spec);
// Replaces the blob (damage) and recomputes its digest; the diff_id keeps describing the intact tar.
void replaceBlob(BuiltLayer &layer, QByteArray blob);

} // namespace ballast::test
