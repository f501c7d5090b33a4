#include "RecentFiles.h"

#include "sources/SourceText.h"

#include <QFileInfo>
#include <QSettings>

namespace ballast::RecentFiles {

QStringList list()
{
    QStringList files;
    for (const QString &file : QSettings().value(QStringLiteral("recentFiles")).toStringList())
        if (!isPlainPath(file) || QFileInfo::exists(file)) // docker://…, registry://…: cannot be checked here
            files << file;
    return files;
}

void add(const QString &path)
{
    QStringList files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    files.removeAll(path);
    files.prepend(path);
    QSettings().setValue(QStringLiteral("recentFiles"), files.mid(0, Limit));
}

} // namespace ballast::RecentFiles
