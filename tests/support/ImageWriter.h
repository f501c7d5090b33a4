#pragma once
// Writes a synthetic image archive from one ArchiveSpec and reports what it wrote: every digest and
// diff_id as the writer computed them, and where each member landed in the outer tar, so that tests
// can compare the loader's results with values known by construction and damage precise spots.
#include "ArchiveOutput.h"
#include "ImageSpec.h"

#include <QString>
#include <QStringList>
#include <map>
#include <vector>

namespace ballast::test {

struct WrittenLayer {
    QString archivePath; // the member the manifest names (<id>/layer.tar, blobs/sha256/<hex>, …)
    QString diffId; // sha256 of the uncompressed stream
    QString digest; // sha256 of the stored blob
    QString declaredDigest; // the digest the OCI manifest declares (differs when damaged); empty for docker archives
    QString mediaType;
    int64_t blobSize = 0;
    int64_t tarSize = 0;
    int64_t tocSize = 0; // eStargz: size of stargz.index.json
};

struct WrittenImage {
    QString configPath;
    QString configDigest;
    QString manifestDigest; // OCI formats
    QStringList tags;
    std::vector<WrittenLayer> layers;
};

struct WrittenArchive {
    QString path; // the archive file, or the layout directory
    std::vector<WrittenImage> images;
    QString indexDigest; // the nested index of a multi-platform layout
    std::map<QString, MemberLocation> members; // tar formats: offsets in the uncompressed outer tar
    int64_t fileSize = 0; // bytes of the archive file as written (after compression and damage)
};

// Writes into `directory` (which must exist), naming the result after `baseName`.
WrittenArchive writeArchive(
    const ArchiveSpec &spec, const QString &directory, const QString &baseName = QStringLiteral("image"));

// Convenience: one image in the given format.
ArchiveSpec singleImage(Format format, ImageSpec image);

} // namespace ballast::test
