#pragma once
#include <QByteArray>
#include <QString>

namespace ballast {

// Replaces the file at `path` with `bytes` all at once (QSaveFile: a temporary file renamed over it),
// or leaves it as it was and says why in `reason` (e.g. "No space left on device"). A buffered QSaveFile
// is not enough: Qt 6.4's commit() renames even when its final flush could not write the last bytes,
// so a full disk would leave a truncated file in place of the old one.
bool writeAtomically(const QString &path, const QByteArray &bytes, QString *reason = nullptr);

} // namespace ballast
