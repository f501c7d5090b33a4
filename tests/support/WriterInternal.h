#pragma once
// Shared between ImageWriter.cpp and the per-format writers; not for tests.
#include "ImageWriter.h"
#include "LayerBuilder.h"

#include <QByteArray>

namespace ballast::test::detail {

struct PreparedImage {
    const ImageSpec *spec = nullptr;
    std::vector<BuiltLayer> layers;
    std::vector<QString> declaredDigests; // what manifests call each blob (OCI: also its file name)
    QByteArray config;
    QString configDigest;
    WrittenImage *result = nullptr;
};

struct WriteContext {
    const ArchiveSpec &spec;
    std::vector<PreparedImage> images;
    ArchiveOutput out;
    WrittenArchive *result = nullptr;
};

// Layer indexes in the order their blobs are stored.
std::vector<size_t> blobOrder(const WriteContext &context, size_t count);
// The JSON text, or a cut copy of it when `damaged`.
QByteArray jsonBytes(const std::string &text, bool damaged);
QString hexOf(const QString &digest); // "sha256:ab…" -> "ab…"

void writeDockerArchive(WriteContext &context); // DockerLegacy, BuildahDockerArchive, Kaniko
void writeOciLayout(WriteContext &context); // OciArchive, OciDirectory, Docker25

} // namespace ballast::test::detail
