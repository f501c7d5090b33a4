#pragma once
#include "archive/ImageFiles.h"
#include "util/LoadLimits.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace ballast {

struct LayerDescriptor {
    QString archivePath; // the member that holds the blob
    QString digest; // declared digest of the stored blob, when the format declares one
    QString mediaType;
    int64_t declaredSize = -1;
};

// Where one image's config and layers are inside an archive or layout, whatever the format.
struct ImageLayout {
    QString format; // "docker-archive", "docker-archive+oci", "oci-archive", "oci-layout"
    QStringList tags;
    QString platform; // "os/arch[/variant]" as declared by an index, empty when unknown
    QString configPath;
    QString configDigest;
    std::vector<LayerDescriptor> layers;
    QStringList notes; // things worth telling the user (e.g. which of several platforms was chosen)
};

struct ImageSelection {
    QString tag; // "name:tag", "tag", or empty
    QString platform; // "os/arch[/variant]", or empty for the host's
};

// Finds the image to load: docker `manifest.json` (legacy, buildah/podman, kaniko and Docker 25+) or
// OCI `index.json` (following nested indexes). Throws LoadError with the available choices when the
// selection is ambiguous or matches nothing.
ImageLayout readImageLayout(
    const ImageFiles &files, const ImageSelection &selection, const LoadLimits &limits = {}, bool verifyDigests = true);

// "linux/amd64" style name of the platform this program runs on.
QString hostPlatform();

} // namespace ballast
