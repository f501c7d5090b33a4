#include "ImageArguments.h"

#include "ci/CiRules.h"
#include "util/LoadError.h"

#include <QTextStream>
#include <climits>
#include <cstdio>
#include <optional>

namespace {

// "16MiB", "64GiB": the defaults as one would type them.
QString binarySize(int64_t bytes)
{
    for (const auto &[unit, name] : { std::pair { int64_t(1) << 30, "GiB" }, std::pair { int64_t(1) << 20, "MiB" } })
        if (bytes % unit == 0)
            return QString::number(bytes / unit) + QLatin1String(name);
    return QString::number(bytes);
}

QCommandLineOption limitOption(
    const char *name, const QString &description, const char *valueName, const QString &defaultText)
{
    return QCommandLineOption(
        QLatin1String(name), description + QStringLiteral(" Default: %1.").arg(defaultText), QLatin1String(valueName));
}

// A whole number from 1 to `max`, or nullopt when the option is not given.
std::optional<int64_t> countValue(const QCommandLineParser &parser, const char *name, int64_t max)
{
    if (!parser.isSet(QLatin1String(name)))
        return std::nullopt;
    const QString text = parser.value(QLatin1String(name));
    bool ok = false;
    const qlonglong value = text.trimmed().toLongLong(&ok);
    if (!ok || value < 1 || value > max)
        throw ballast::LoadError(
            QStringLiteral("--%1: \"%2\" is not a whole number from 1 to %3").arg(QLatin1String(name), text).arg(max));
    return value;
}

// Bytes with an optional unit (16MiB, 64GiB, 10GB), or nullopt when the option is not given.
std::optional<int64_t> sizeValue(const QCommandLineParser &parser, const char *name)
{
    if (!parser.isSet(QLatin1String(name)))
        return std::nullopt;
    const QString text = parser.value(QLatin1String(name));
    const auto bytes = ballast::parseHumanBytes(text);
    if (!bytes || *bytes < 1 || *bytes > uint64_t(INT64_MAX))
        throw ballast::LoadError(
            QStringLiteral("--%1: \"%2\" is not a size: use bytes or a unit, e.g. 16MiB, 64GiB or 10GB")
                .arg(QLatin1String(name), text));
    return int64_t(*bytes);
}

} // namespace

QList<QCommandLineOption> ImageArguments::limitOptions() const
{
    using namespace ballast;
    const LoadLimits defaults;
    return {
        limitOption(MaxEntriesOption, QStringLiteral("Refuse images with more tar entries in all layers together."),
            "N", QString::number(defaults.maxEntries)),
        limitOption(MaxPathDepthOption, QStringLiteral("Refuse entry paths or link targets with more components."), "N",
            QString::number(defaults.maxPathDepth)),
        limitOption(MaxNameLengthOption, QStringLiteral("Refuse path components longer than N bytes."), "N",
            QString::number(defaults.maxNameLength)),
        limitOption(MaxJsonBytesOption, QStringLiteral("Refuse manifests, indexes and configs bigger than SIZE."),
            "SIZE", binarySize(defaults.maxJsonBytes)),
        limitOption(MaxJsonDepthOption, QStringLiteral("Refuse JSON nested more than N arrays or objects deep."), "N",
            QString::number(defaults.maxJsonDepth)),
        limitOption(MaxUncompressedBytesOption,
            QStringLiteral("Stop after SIZE uncompressed bytes of all layers together (and of a compressed "
                           "archive inflated to a temporary file)."),
            "SIZE", binarySize(defaults.maxUncompressedBytes)),
        limitOption(MaxPackageDatabaseBytesOption,
            QStringLiteral("Keep at most SIZE of package databases in memory for bytes per package; a database "
                           "past it is named, not read, and the load goes on."),
            "SIZE", binarySize(defaults.maxPackageDatabaseBytes)),
    };
}

void ImageArguments::addTo(QCommandLineParser &parser)
{
    parser.addOptions({ m_tag, m_platform, m_noVerify, m_insecure });
    parser.addOptions(limitOptions());
}

ballast::LoadOptions ImageArguments::loadOptions(const QCommandLineParser &parser) const
{
    using namespace ballast;
    LoadOptions options;
    options.selection.tag = parser.value(m_tag);
    options.selection.platform = parser.value(m_platform);
    options.verifyDigests = !parser.isSet(m_noVerify);
    options.insecureRegistry = parser.isSet(m_insecure);
    LoadLimits &limits = options.limits;
    limits.maxEntries = countValue(parser, MaxEntriesOption, INT64_MAX).value_or(limits.maxEntries);
    limits.maxPathDepth = int(countValue(parser, MaxPathDepthOption, INT_MAX).value_or(limits.maxPathDepth));
    limits.maxNameLength = int(countValue(parser, MaxNameLengthOption, INT_MAX).value_or(limits.maxNameLength));
    limits.maxJsonBytes = sizeValue(parser, MaxJsonBytesOption).value_or(limits.maxJsonBytes);
    limits.maxJsonDepth = int(countValue(parser, MaxJsonDepthOption, INT_MAX).value_or(limits.maxJsonDepth));
    limits.maxUncompressedBytes = sizeValue(parser, MaxUncompressedBytesOption).value_or(limits.maxUncompressedBytes);
    limits.maxPackageDatabaseBytes
        = sizeValue(parser, MaxPackageDatabaseBytesOption).value_or(limits.maxPackageDatabaseBytes);
    return options;
}

int reportLoadError(const ballast::LoadError &error)
{
    QTextStream err(stderr);
    err << "error: " << error.message() << "\n";
    for (const ballast::ImageChoice &choice : error.choices())
        err << "  " << choice.text() << "\n";
    return 2;
}

bool isOneOf(const char *option, const QString &value, const QStringList &allowed)
{
    if (allowed.contains(value))
        return true;
    QTextStream(stderr) << "unknown --" << option << " \"" << value << "\": use " << allowed.join(QStringLiteral(", "))
                        << "\n";
    return false;
}

int parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, int positionalCount, const char *usage)
{
    parser.addHelpOption();
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n" << usage << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << usage << "\n\n" << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != positionalCount + 1) {
        err << usage << "\n";
        return 2;
    }
    return -1;
}
