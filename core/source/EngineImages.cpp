#include "EngineImages.h"

#include "ExternalTool.h"
#include "SourceReference.h"
#include "ci/CiRules.h"
#include "util/LoadError.h"

#include <QTimeZone>

#include <nlohmann/json.hpp>

namespace ballast {
namespace {

const QString None = QStringLiteral("<none>");

QString text(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// "localhost/app:1" → ("localhost/app", "1"); a ':' before the last '/' is a registry port.
std::pair<QString, QString> splitName(const QString &name)
{
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon > name.lastIndexOf(QLatin1Char('/')))
        return { name.left(colon), name.mid(colon + 1) };
    return { name, None };
}

// Docker's "2024-05-01 10:00:00 +0000 UTC". Read as the wall time at its offset, never through
// the local time zone (whose DST gaps would drop some times).
QDateTime parseDockerTime(const QString &value)
{
    const QDate date = QDate::fromString(value.left(10), QStringLiteral("yyyy-MM-dd"));
    const QTime time = QTime::fromString(value.mid(11, 8), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid() || value.size() < 19 || value[10] != QLatin1Char(' '))
        return {};
    const QString offset = value.mid(20, 5); // "+0000"
    int seconds = 0;
    if (offset.size() == 5 && (offset[0] == QLatin1Char('+') || offset[0] == QLatin1Char('-')))
        seconds = (offset.mid(1, 2).toInt() * 60 + offset.mid(3, 2).toInt()) * 60
            * (offset[0] == QLatin1Char('-') ? -1 : 1);
    // QTimeZone(int), not Qt::OffsetFromUTC: the Qt::TimeSpec overloads are deprecated from Qt 6.8 on.
    return QDateTime(date, time, QTimeZone(seconds)).toUTC();
}

} // namespace

QString EngineImage::sourceUri() const
{
    const bool tagged = repository != None && !repository.isEmpty() && tag != None && !tag.isEmpty();
    return engineSourceUri(engine, tagged ? repository + QLatin1Char(':') + tag : id);
}

QStringList availableEngines()
{
    QStringList engines;
    for (const char *engine : { "docker", "podman" })
        if (toolAvailable(QLatin1String(engine)))
            engines << QLatin1String(engine);
    return engines;
}

std::vector<EngineImage> parseDockerImageLines(const QByteArray &jsonLines)
{
    std::vector<EngineImage> images;
    for (const QByteArray &line : jsonLines.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const auto row = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
        if (!row.is_object())
            throw LoadError(QStringLiteral("docker image ls: a line is not a JSON object: %1")
                                .arg(QString::fromUtf8(line.left(200))));
        EngineImage image;
        image.engine = QStringLiteral("docker");
        image.repository = text(row, "Repository");
        image.tag = text(row, "Tag");
        image.id = text(row, "ID");
        if (const auto bytes = parseHumanBytes(text(row, "Size")))
            image.size = int64_t(*bytes);
        image.created = parseDockerTime(text(row, "CreatedAt"));
        images.push_back(image);
    }
    return images;
}

std::vector<EngineImage> parsePodmanImagesJson(const QByteArray &json)
{
    const auto rows = nlohmann::json::parse(json.constData(), json.constData() + json.size(), nullptr, false);
    if (!rows.is_array())
        throw LoadError(QStringLiteral("podman images: the listing is not a JSON array: %1")
                            .arg(QString::fromUtf8(json.left(200))));
    std::vector<EngineImage> images;
    for (const auto &row : rows) {
        if (!row.is_object())
            continue;
        EngineImage image;
        image.engine = QStringLiteral("podman");
        image.id = text(row, "Id").left(12);
        if (const auto size = row.find("Size"); size != row.end() && size->is_number())
            image.size = size->get<int64_t>();
        if (const auto created = row.find("Created"); created != row.end() && created->is_number())
            image.created = QDateTime::fromSecsSinceEpoch(created->get<int64_t>(), QTimeZone::utc());
        QStringList names;
        if (const auto list = row.find("Names"); list != row.end() && list->is_array())
            for (const auto &name : *list)
                if (name.is_string())
                    names << QString::fromStdString(name.get<std::string>());
        if (names.isEmpty()) {
            image.repository = image.tag = None;
            images.push_back(image);
        }
        for (const QString &name : names) {
            std::tie(image.repository, image.tag) = splitName(name);
            images.push_back(image);
        }
    }
    return images;
}

std::vector<EngineImage> listEngineImages(const QString &engine)
{
    ToolRun run;
    run.program = requireTool(engine);
    run.label = engine;
    if (engine == QLatin1String("podman"))
        run.arguments = { QStringLiteral("images"), QStringLiteral("--format"), QStringLiteral("json") };
    else
        run.arguments = { QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("--format"),
            QStringLiteral("{{json .}}") };
    const ToolResult result = runTool(run);
    if (result.exitCode != 0)
        throw LoadError(QStringLiteral("%1: listing the images failed with exit code %2 (%1 said: %3)")
                            .arg(engine)
                            .arg(result.exitCode)
                            .arg(result.lastErrorLine()));
    return engine == QLatin1String("podman") ? parsePodmanImagesJson(result.standardOutput)
                                             : parseDockerImageLines(result.standardOutput);
}

} // namespace ballast
