#include "DiffCommand.h"

#include "ImageArguments.h"
#include "diff/ImageDiff.h"
#include "report/DiffReport.h"
#include "util/LoadError.h"

#include <QTextStream>
#include <cstdio>

namespace {
const char *const Usage
    = "usage: ballast-cli diff A B [--tag T] [--tag-b T] [--platform OS/ARCH] [--platform-b OS/ARCH] "
      "[--format text|json|markdown] [--no-verify]";
const QStringList Formats = { QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("markdown") };

// B follows A's platform unless told otherwise; when B has no image for it, B's own default applies.
std::shared_ptr<const ballast::Image> loadSecond(
    const QString &path, ballast::LoadOptions options, bool platformGiven, const QString &platformOfA)
{
    if (platformGiven)
        return ballast::ImageLoader(options).load(path);
    options.selection.platform = platformOfA;
    try {
        return ballast::ImageLoader(options).load(path);
    } catch (const ballast::LoadError &error) {
        if (!error.message().contains(QLatin1String("no image for platform")))
            throw;
    }
    options.selection.platform.clear();
    return ballast::ImageLoader(options).load(path);
}
} // namespace

int runDiffCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Compare two images: layers, final filesystems, the biggest movements."));
    ImageArguments imageArguments;
    imageArguments.addTo(parser);
    QCommandLineOption tagB(
        QStringLiteral("tag-b"), QStringLiteral("Image to pick from B when it holds several."), QStringLiteral("T"));
    QCommandLineOption platformB(QStringLiteral("platform-b"),
        QStringLiteral("Platform to pick from B (default: A's)."), QStringLiteral("OS/ARCH"));
    QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default), json or markdown."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOptions({ tagB, platformB, format });
    if (int code = parseCommandLine(parser, arguments, 2, Usage); code >= 0)
        return code;
    QTextStream out(stdout), err(stderr);
    const QString outputFormat = parser.value(format);
    if (!isOneOf("format", outputFormat, Formats))
        return 2;
    try {
        ballast::LoadOptions optionsA = imageArguments.loadOptions(parser);
        ballast::LoadOptions optionsB = optionsA;
        optionsB.selection.tag = parser.value(tagB);
        const bool platformGiven = parser.isSet(platformB) || !optionsA.selection.platform.isEmpty();
        if (parser.isSet(platformB))
            optionsB.selection.platform = parser.value(platformB);
        auto a = ballast::ImageLoader(optionsA).load(parser.positionalArguments().at(1));
        auto b = loadSecond(parser.positionalArguments().at(2), optionsB, platformGiven, a->platform());
        const ballast::ImageDiff diff = ballast::ImageDiff::compute(a, b);
        if (outputFormat == QLatin1String("json"))
            out << QString::fromStdString(ballast::diffJson(diff).dump(2)) << "\n";
        else if (outputFormat == QLatin1String("markdown"))
            out << ballast::diffMarkdown(diff);
        else
            out << ballast::diffText(diff);
        return 0;
    } catch (const ballast::LoadError &error) {
        return reportLoadError(error);
    }
}
