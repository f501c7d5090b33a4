#include "AnalyzeCommand.h"

#include "ImageArguments.h"
#include "LintCommand.h"
#include "analysis/ImageAnalysis.h"
#include "report/AnalyzeReport.h"
#include "report/DiveExport.h"
#include "report/DockerfileReport.h"
#include "report/MarkdownReport.h"
#include "util/LoadError.h"

#include <QTextStream>
#include <cstdio>

namespace {
const char *const Usage
    = "usage: ballast-cli analyze IMAGE [--tag T] [--platform OS/ARCH] "
      "[--format text|json|dive-json|markdown] [--no-verify]\n"
      "       [--dockerfile FILE] [--insecure]\n"
      "IMAGE is an archive, an OCI layout, oci:DIR[:REF], docker://NAME[:TAG], podman://NAME[:TAG],\n"
      "buildah://NAME[:TAG] or registry://HOST/NAME[:TAG]";
} // namespace

const QStringList ReportFormats
    = { QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("dive-json"), QStringLiteral("markdown") };

void printImageReport(const ballast::Image &image, const QString &outputFormat, const ballast::Dockerfile *dockerfile,
    const QString &dockerfilePath)
{
    const ballast::ImageAnalysis analysis = ballast::analyzeImage(image);
    std::optional<ballast::LayerMapping> mapping;
    if (dockerfile)
        mapping = ballast::mapInstructionsToLayers(*dockerfile, image);
    QTextStream out(stdout);
    if (outputFormat == QLatin1String("json")) {
        auto json = ballast::analyzeJson(image, analysis);
        if (mapping)
            json["dockerfile"] = ballast::dockerfileJson(dockerfilePath, *dockerfile, *mapping, image);
        out << QString::fromStdString(json.dump(2)) << "\n";
    } else if (outputFormat == QLatin1String("dive-json"))
        out << QString::fromStdString(ballast::diveExportJson(image, analysis).dump(2)) << "\n";
    else if (outputFormat == QLatin1String("markdown"))
        out << ballast::markdownReport(image, analysis);
    else
        out << ballast::analyzeText(image, analysis)
            << (mapping ? ballast::dockerfileText(*dockerfile, *mapping, image) : QString());
}

int runAnalyzeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Layers, sizes, waste and findings of an image archive or OCI layout."));
    ImageArguments imageArguments;
    imageArguments.addTo(parser);
    QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default), json, dive-json or markdown."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOption(format);
    QCommandLineOption dockerfileOption(QStringLiteral("dockerfile"),
        QStringLiteral("Map the lines of the image's Dockerfile to layers."), QStringLiteral("FILE"));
    parser.addOption(dockerfileOption);
    if (int code = parseCommandLine(parser, arguments, 1, Usage); code >= 0)
        return code;
    QTextStream err(stderr);
    const QString outputFormat = parser.value(format);
    if (!isOneOf("format", outputFormat, ReportFormats))
        return 2;
    ballast::Dockerfile dockerfile;
    const QString dockerfilePath = parser.value(dockerfileOption);
    if (QString error; !dockerfilePath.isEmpty() && !readDockerfile(dockerfilePath, {}, dockerfile, error)) {
        err << "error: " << error << "\n";
        return 2;
    }
    try {
        ballast::ImageLoader loader(imageArguments.loadOptions(parser));
        auto image = loader.load(parser.positionalArguments().at(1));
        printImageReport(*image, outputFormat, dockerfilePath.isEmpty() ? nullptr : &dockerfile, dockerfilePath);
        return 0;
    } catch (const ballast::LoadError &error) {
        return reportLoadError(error);
    }
}
