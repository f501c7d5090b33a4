#pragma once
#include <QString>

namespace ballast {

struct Image;

// What the window shows and remembers of an image source, which is a file path or a URI
// (docker://…, registry://…, oci:DIR:REF; see core/source/SourceReference.h). QFileInfo would
// turn "docker://alpine:3.19" into "/cwd/docker:/alpine:3.19", so URIs are kept as they are.

// True for a plain file or directory path, false for any URI (oci: included).
bool isPlainPath(const QString &source);
// The file name of a path ("sample.tar"), the URI itself otherwise.
QString sourceDisplayName(const QString &source);
// An absolute path for a path, the URI itself otherwise: what recent files keep.
QString absoluteSource(const QString &source);
// What an image is called in titles and labels: its first tag, else the display name of its source.
QString imageDisplayName(const Image &image);

} // namespace ballast
