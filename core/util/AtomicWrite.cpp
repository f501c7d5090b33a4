#include "util/AtomicWrite.h"

#include <QSaveFile>

namespace ballast {

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *reason)
{
    QSaveFile file(path);
    // Unbuffered: a failed write is seen by write() itself, not by the final flush. A short write is
    // tried again for the rest: the next write() fails and says why (ENOSPC, EFBIG).
    // Without commit(), the destructor deletes the temporary file and the old one stays.
    bool ok = file.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    for (qint64 written = 0; ok && written < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + written, bytes.size() - written);
        ok = n > 0;
        written += qMax(n, qint64(0));
    }
    ok = ok && file.flush() && file.commit();
    if (!ok && reason)
        *reason = file.error() == QFileDevice::NoError ? QStringLiteral("the data could not be written whole")
                                                       : file.errorString();
    return ok;
}

} // namespace ballast
