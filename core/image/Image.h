#pragma once
#include "image/ImageConfig.h"
#include "layer/Layer.h"
#include "tree/MergedTree.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace ballast {

// A loaded image: immutable once the loader hands it over. It is neither copied nor moved because
// the merged tree refers to the layers' entries in place.
struct Image {
    Image() = default;
    Image(const Image &) = delete;
    Image &operator=(const Image &) = delete;

    QString sourcePath;
    QString format; // "docker-archive", "docker-archive+oci", "oci-archive", "oci-layout"
    QString outerCompression; // "gzip"/"zstd" when the whole archive was compressed
    QStringList tags;
    QString configDigest;
    ImageConfig config;
    std::vector<Layer> layers;
    MergedTree tree;
    QStringList warnings; // odd but loadable things: history/layer count mismatch, …

    QString platform() const;
    int64_t sizeBytes() const; // sum of the layers' sizes
    int64_t compressedSizeBytes() const; // sum of the stored blobs
};

} // namespace ballast
