#include "AnalyzeCommand.h"

#include "ImageLoader.h"
#include "report/AnalyzeReport.h"
#include "util/LoadError.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <cstdio>

int runAnalyzeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show an image's layers, sizes and history."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("analyze"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Image archive or OCI layout directory."));
    QCommandLineOption tag(QStringLiteral("tag"), QStringLiteral("Image to pick from a multi-image archive."), QStringLiteral("T"));
    QCommandLineOption platform(QStringLiteral("platform"), QStringLiteral("Platform to pick, e.g. linux/arm64."), QStringLiteral("OS/ARCH"));
    QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json."), QStringLiteral("FORMAT"), QStringLiteral("text"));
    QCommandLineOption noVerify(QStringLiteral("no-verify"), QStringLiteral("Skip the sha256 checks of blobs and diff_ids."));
    parser.addOptions({tag, platform, format, noVerify});

    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << "usage: ballast-cli analyze IMAGE [--tag T] [--platform OS/ARCH] [--format text|json]\n";
        return 2;
    }
    const QString outputFormat = parser.value(format);
    if (outputFormat != QLatin1String("text") && outputFormat != QLatin1String("json")) {
        err << "unknown --format " << outputFormat << ": use text or json\n";
        return 2;
    }

    ballast::LoadOptions options;
    options.selection.tag = parser.value(tag);
    options.selection.platform = parser.value(platform);
    options.verifyDigests = !parser.isSet(noVerify);
    try {
        ballast::ImageLoader loader(options);
        auto image = loader.load(positional.at(1));
        QTextStream out(stdout);
        if (outputFormat == QLatin1String("json"))
            out << QString::fromStdString(ballast::analyzeJson(*image).dump(2)) << "\n";
        else
            out << ballast::analyzeText(*image);
        return 0;
    } catch (const ballast::LoadError &error) {
        err << "error: " << error.message() << "\n";
        for (const QString &choice : error.choices())
            err << "  " << choice << "\n";
        return 2;
    }
}
