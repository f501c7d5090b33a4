#pragma once
#include <QString>

namespace ballast {

// Where an image lives, as the user typed it:
//   docker://NAME[:TAG]   the local Docker engine (`docker image save`)
//   podman://NAME[:TAG]   the local Podman storage (`podman image save`)
//   buildah://NAME[:TAG]  buildah's local storage (`buildah push … docker-archive:`)
//   registry://HOST/NAME[:TAG|@DIGEST]  a registry, through `skopeo copy` into an OCI layout
//   oci:DIR[:REF]         an OCI image layout directory, REF picking one of its images
//   anything else         a path to an archive or an OCI layout, as before
struct SourceReference {
    enum class Kind { Path, OciLayout, Docker, Podman, Buildah, Registry };
    Kind kind = Kind::Path;
    QString text; // as given, for messages and window titles
    QString location; // the path or directory (Path, OciLayout) or the image name (others)
    QString ref; // oci:DIR:REF's REF; empty otherwise

    bool isLocalPath() const { return kind == Kind::Path || kind == Kind::OciLayout; }
};

// Never throws: text without a known scheme is a path. Throws LoadError only for a scheme with an
// empty name ("podman://"), which would otherwise ask the tool for nothing.
SourceReference parseSourceReference(const QString &text);

// The URI for an image of a local engine: "podman://" + name.
QString engineSourceUri(const QString &engine, const QString &name);

} // namespace ballast
