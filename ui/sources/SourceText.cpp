#include "SourceText.h"

#include "image/Image.h"
#include "source/SourceReference.h"
#include "util/LoadError.h"

#include <QFileInfo>

namespace ballast {

bool isPlainPath(const QString &source)
{
    try {
        return parseSourceReference(source).kind == SourceReference::Kind::Path;
    } catch (const LoadError &) { // "podman://" with no name: a URI all the same
        return false;
    }
}

QString sourceDisplayName(const QString &source)
{
    return isPlainPath(source) ? QFileInfo(source).fileName() : source;
}

QString absoluteSource(const QString &source)
{
    return isPlainPath(source) ? QFileInfo(source).absoluteFilePath() : source;
}

QString imageDisplayName(const Image &image)
{
    return image.tags.value(0, sourceDisplayName(image.sourcePath));
}

} // namespace ballast
