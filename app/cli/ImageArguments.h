#pragma once
#include "ImageLoader.h"
#include "util/LoadError.h"

#include <QCommandLineParser>
#include <memory>

// The options every command that opens an image shares: --tag, --platform, --no-verify, --insecure and
// the load limits (--max-entries, --max-depth, --max-name-length, --max-json-size, --max-json-depth, --max-bytes,
// --max-package-databases).
class ImageArguments {
public:
    void addTo(QCommandLineParser &parser);
    // Throws LoadError (the commands exit 2) when a limit is not a positive number or size.
    ballast::LoadOptions loadOptions(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_tag { QStringLiteral("tag"), QStringLiteral("Image to pick from a multi-image archive."),
        QStringLiteral("T") };
    QCommandLineOption m_platform { QStringLiteral("platform"), QStringLiteral("Platform to pick, e.g. linux/arm64."),
        QStringLiteral("OS/ARCH") };
    QCommandLineOption m_noVerify { QStringLiteral("no-verify"),
        QStringLiteral("Skip the sha256 checks of blobs and diff_ids.") };
    QCommandLineOption m_insecure { QStringLiteral("insecure"),
        QStringLiteral("registry:// images: allow plain HTTP or an untrusted certificate for this pull.") };
    QList<QCommandLineOption> limitOptions() const;
};

// Prints a load error as every command does ("error: MESSAGE", then, when the archive holds several
// images and none was chosen, the images it holds, indented) and returns the exit code, 2.
int reportLoadError(const ballast::LoadError &error);

// Whether `value` of --`option` is one of `allowed`; if not, says so on stderr ("unknown --format
// \"xml\": use text, json").
bool isOneOf(const char *option, const QString &value, const QStringList &allowed);

// Parses `arguments` (command name included) expecting exactly `positionalCount` positional arguments
// after it. Prints errors or help; returns -1 to go on, else the exit code to return.
int parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, int positionalCount, const char *usage);
