#include "SourceReference.h"

#include "util/LoadError.h"

namespace ballast {
namespace {

struct Scheme {
    const char *prefix;
    SourceReference::Kind kind;
    const char *usage;
};

const Scheme Schemes[] = {
    { "docker://", SourceReference::Kind::Docker, "docker://NAME[:TAG]" },
    { "podman://", SourceReference::Kind::Podman, "podman://NAME[:TAG]" },
    { "buildah://", SourceReference::Kind::Buildah, "buildah://NAME[:TAG]" },
    { "registry://", SourceReference::Kind::Registry, "registry://HOST/NAME[:TAG]" },
    { "oci:", SourceReference::Kind::OciLayout, "oci:DIR[:REF]" },
};

} // namespace

SourceReference parseSourceReference(const QString &text)
{
    SourceReference source;
    source.text = text;
    source.location = text;
    for (const Scheme &scheme : Schemes) {
        const QLatin1String prefix(scheme.prefix);
        if (!text.startsWith(prefix, Qt::CaseInsensitive))
            continue;
        source.kind = scheme.kind;
        source.location = text.mid(prefix.size());
        if (source.kind == SourceReference::Kind::OciLayout) {
            // oci:DIR:REF as skopeo writes it; a ':' followed by a '/' belongs to the directory.
            const qsizetype colon = source.location.lastIndexOf(QLatin1Char(':'));
            if (colon > 0 && !source.location.mid(colon + 1).contains(QLatin1Char('/'))) {
                source.ref = source.location.mid(colon + 1);
                source.location.truncate(colon);
            }
        }
        if (source.location.trimmed().isEmpty())
            throw LoadError(QStringLiteral("%1: no image named: use %2").arg(text, QLatin1String(scheme.usage)));
        return source;
    }
    return source;
}

QString engineSourceUri(const QString &engine, const QString &name)
{
    return engine + QStringLiteral("://") + name;
}

} // namespace ballast
