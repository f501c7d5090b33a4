#include "DockerfileForImage.h"

#include "sources/SourceText.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStringList>

namespace ballast::DockerfileForImage {

namespace {
const QString Key = QStringLiteral("dockerfiles/chosen"); // [source, Dockerfile, source, Dockerfile, …]
} // namespace

QString beside(const QString &imageSource)
{
    if (!isPlainPath(imageSource))
        return {};
    for (const QString &name : { QStringLiteral("Dockerfile"), QStringLiteral("Containerfile") })
        if (const QFileInfo candidate(QFileInfo(imageSource).absoluteDir().filePath(name)); candidate.isFile())
            return candidate.absoluteFilePath();
    return {};
}

QString chosenOrBeside(const QString &imageSource)
{
    const QStringList chosen = QSettings().value(Key).toStringList();
    const QString source = absoluteSource(imageSource);
    for (qsizetype i = 0; i + 1 < chosen.size(); i += 2)
        if (chosen[i] == source && QFileInfo(chosen[i + 1]).isFile())
            return chosen[i + 1];
    return beside(imageSource);
}

void remember(const QString &imageSource, const QString &dockerfile)
{
    const QString source = absoluteSource(imageSource);
    QStringList chosen = QSettings().value(Key).toStringList();
    for (qsizetype i = 0; i + 1 < chosen.size();)
        if (chosen[i] == source)
            chosen.remove(i, 2);
        else
            i += 2;
    chosen.prepend(QFileInfo(dockerfile).absoluteFilePath());
    chosen.prepend(source);
    QSettings().setValue(Key, chosen.mid(0, qsizetype(2) * Limit));
}

} // namespace ballast::DockerfileForImage
