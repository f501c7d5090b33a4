#include "BuildCommand.h"

#include "AnalyzeCommand.h"
#include "ImageLoader.h"
#include "LintCommand.h"
#include "source/ImageBuild.h"
#include "util/LoadError.h"

#include <QTextStream>
#include <cstdio>

namespace {

const char *const Usage
    = "usage: ballast-cli build [--builder docker|podman|buildah] [--format text|json|dive-json|markdown]\n"
      "                         [--no-verify] [BUILD ARGS…] -- CONTEXT\n"
      "Builds CONTEXT with the builder named, else the first of docker, podman, buildah on PATH\n"
      "(`buildah bud --layers`), then analyses the image with its Dockerfile's lines mapped to layers.\n"
      "BUILD ARGS go to the builder as they are (-f FILE, --build-arg K=V, --target S, -t NAME …).\n"
      "The builder's output goes to stderr, the report to stdout.";

struct BuildCommandLine {
    QString builder;
    QString format = QStringLiteral("text");
    bool verify = true;
    bool help = false;
    QStringList buildArgs;
    QString context;
};

// Our few options are taken out wherever they appear before "--"; everything else is the builder's.
std::optional<BuildCommandLine> parse(const QStringList &arguments, QString &error)
{
    BuildCommandLine line;
    const qsizetype separator = arguments.indexOf(QStringLiteral("--"), 2);
    const qsizetype end = separator < 0 ? arguments.size() : separator;
    for (qsizetype i = 2; i < end; ++i) {
        const QString &arg = arguments[i];
        auto value = [&](const char *name, QString &into) {
            const QLatin1String option(name);
            if (arg == option && i + 1 < end) {
                into = arguments[++i];
                return true;
            }
            if (arg.startsWith(option + QLatin1Char('='))) {
                into = arg.mid(option.size() + 1);
                return true;
            }
            return false;
        };
        if (value("--builder", line.builder) || value("--format", line.format))
            continue;
        if (arg == QLatin1String("--no-verify"))
            line.verify = false;
        else if (arg == QLatin1String("--help") || arg == QLatin1String("-h"))
            line.help = true;
        else
            line.buildArgs << arg;
    }
    if (line.help)
        return line;
    if (separator < 0 || separator + 2 != arguments.size()) {
        error = QStringLiteral("expected the build context after \"--\", and nothing after it");
        return std::nullopt;
    }
    line.context = arguments.last();
    if (!ReportFormats.contains(line.format)) {
        error = QStringLiteral("unknown --format \"%1\": use %2")
                    .arg(line.format, ReportFormats.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return line;
}

} // namespace

int runBuildCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QString error;
    const auto line = parse(arguments, error);
    if (!line) {
        err << "error: " << error << "\n" << Usage << "\n";
        return 2;
    }
    if (line->help) {
        QTextStream(stdout) << Usage << "\n";
        return 0;
    }
    try {
        const std::atomic<bool> never { false };
        const ballast::BuildResult built = ballast::runImageBuild(
            { line->builder, line->buildArgs, line->context },
            [&err](const QByteArray &output) {
                err << QString::fromUtf8(output);
                err.flush();
            },
            never);
        err << "built " << built.source << " with " << built.builder << "\n";
        err.flush();

        ballast::Dockerfile dockerfile;
        const bool mapped
            = readDockerfile(built.dockerfilePath, ballast::buildParseOptions(line->buildArgs), dockerfile, error);
        if (!mapped)
            err << "warning: no line mapping: " << error << "\n";
        ballast::LoadOptions options;
        options.verifyDigests = line->verify;
        ballast::ImageLoader loader(options);
        const auto image = loader.load(built.source);
        printImageReport(*image, line->format, mapped ? &dockerfile : nullptr, built.dockerfilePath);
        return 0;
    } catch (const ballast::LoadError &loadError) {
        err << "error: " << loadError.message() << "\n";
        return 2;
    }
}
