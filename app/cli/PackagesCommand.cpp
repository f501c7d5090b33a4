#include "PackagesCommand.h"

#include "ImageArguments.h"
#include "packages/PackageAttribution.h"
#include "report/PackagesReport.h"
#include "util/LoadError.h"

#include <QTextStream>

namespace {
const char *const Usage = "usage: ballast-cli packages IMAGE [--format text|json|csv] [--layer N] [--sort size|name]\n"
                          "       [--tag T] [--platform OS/ARCH] [--no-verify] [--insecure]";
const QStringList Formats = { QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv") };
const QStringList Sorts = { QStringLiteral("size"), QStringLiteral("name") };
} // namespace

int runPackagesCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The installed packages (deb, apk, rpm, pypi, npm) of an image and the bytes each holds, and the bytes of "
        "no package."));
    ImageArguments imageArguments;
    imageArguments.addTo(parser);
    QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default), json or csv."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    QCommandLineOption layer(QStringLiteral("layer"),
        QStringLiteral("Only the packages whose files layer N wrote, with the bytes it wrote for each."),
        QStringLiteral("N"));
    QCommandLineOption sort(QStringLiteral("sort"), QStringLiteral("size (default, largest first) or name."),
        QStringLiteral("ORDER"), QStringLiteral("size"));
    parser.addOptions({ format, layer, sort });
    if (int code = parseCommandLine(parser, arguments, 1, Usage); code >= 0)
        return code;
    QTextStream err(stderr);
    const QString outputFormat = parser.value(format);
    if (!isOneOf("format", outputFormat, Formats) || !isOneOf("sort", parser.value(sort), Sorts))
        return 2;
    ballast::PackageListing listing;
    listing.byName = parser.value(sort) == QLatin1String("name");
    bool layerIsNumber = true;
    if (parser.isSet(layer))
        listing.layer = parser.value(layer).toInt(&layerIsNumber);
    if (!layerIsNumber || (parser.isSet(layer) && listing.layer < 0)) {
        err << "--layer \"" << parser.value(layer) << "\" is not a layer index (0, 1, …)\n";
        return 2;
    }
    try {
        ballast::ImageLoader loader(imageArguments.loadOptions(parser));
        const auto image = loader.load(parser.positionalArguments().at(1));
        if (listing.layer >= int(image->layers.size())) {
            err << "error: --layer " << listing.layer << ": " << image->sourcePath << " has " << image->layers.size()
                << " layers (0 to " << int(image->layers.size()) - 1 << ")\n";
            return 2;
        }
        const ballast::PackageReport report = ballast::attributePackages(*image);
        QTextStream out(stdout);
        if (outputFormat == QLatin1String("json"))
            out << QString::fromStdString(ballast::packagesDocument(*image, report, listing).dump(2)) << "\n";
        else if (outputFormat == QLatin1String("csv"))
            out << ballast::packagesCsv(report, listing);
        else
            out << ballast::packagesText(*image, report, listing);
        return 0;
    } catch (const ballast::LoadError &error) {
        return reportLoadError(error);
    }
}
