#pragma once
#include "SourceReference.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <memory>

class QTemporaryDir;

namespace ballast {

struct SourceOptions {
    QString platform; // os/arch[/variant] for a registry's multi-platform image
    bool insecure = false; // plain HTTP or an untrusted certificate, for this one pull
    int64_t maxBytes = 0; // refuse a saved or pulled image bigger than this; 0 = no limit
};

// A source made local: `path` is what ImageLoader reads. Images from engines and registries live in
// a temporary directory, removed when the FetchedSource goes.
struct FetchedSource {
    QString path;
    QString tag; // the image to pick inside (oci:DIR:REF), or empty
    std::shared_ptr<QTemporaryDir> temporary;
};

// Runs `docker image save`, `podman image save`, `buildah push` or `skopeo copy` as the reference
// asks, into a temporary directory; a local path is returned as it is. Throws LoadError with a
// clear message (missing tool, no such image, registry refused) or LoadCancelled.
// `bytesDone` counts the bytes written so far, for progress.
FetchedSource fetchSource(const SourceReference &source, const SourceOptions &options,
    const std::atomic<bool> &cancelled, std::atomic<int64_t> &bytesDone);

} // namespace ballast
