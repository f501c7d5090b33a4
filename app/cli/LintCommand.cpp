#include "LintCommand.h"

#include "ImageArguments.h"
#include "dockerfile/lint/Lint.h"
#include "report/DockerfileReport.h"
#include "util/LoadError.h"

#include <QFile>
#include <QTextStream>
#include <cstdio>

namespace {
const char *const Usage = "usage: ballast-cli lint FILE [--image IMAGE] [--format text|json] "
                          "[--fail-level error|warning|info|style|none] [--build-arg K=V] [--target STAGE] "
                          "[--tag T] [--platform OS/ARCH] [--no-verify]";
} // namespace

bool readDockerfile(const QString &path, const ballast::ParseOptions &options, ballast::Dockerfile &out, QString &error)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        error = QStringLiteral("%1: cannot read the Dockerfile: %2").arg(path, file.errorString());
        return false;
    }
    out = ballast::parseDockerfile(QString::fromUtf8(file.readAll()), options);
    return true;
}

int runLintCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Hints on a Dockerfile: hadolint's rules, and with --image the bytes each line left."));
    ImageArguments imageArguments;
    imageArguments.addTo(parser);
    QCommandLineOption image(QStringLiteral("image"),
        QStringLiteral("The image the Dockerfile built (archive or OCI layout)."), QStringLiteral("IMAGE"));
    QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    QCommandLineOption failLevel(QStringLiteral("fail-level"),
        QStringLiteral("Exit 1 when a finding is at or above: error (default), warning, info, style, none."),
        QStringLiteral("LEVEL"), QStringLiteral("error"));
    QCommandLineOption buildArg(
        QStringLiteral("build-arg"), QStringLiteral("A build argument, as for docker build."), QStringLiteral("K=V"));
    QCommandLineOption target(QStringLiteral("target"), QStringLiteral("The stage that was built (default: the last)."),
        QStringLiteral("STAGE"));
    parser.addOptions({ image, format, failLevel, buildArg, target });
    if (int code = parseCommandLine(parser, arguments, 1, Usage); code >= 0)
        return code;
    QTextStream out(stdout), err(stderr);
    const QString outputFormat = parser.value(format);
    if (outputFormat != QLatin1String("text") && outputFormat != QLatin1String("json")) {
        err << "unknown --format \"" << outputFormat << "\": use text or json\n";
        return 2;
    }
    const QString level = parser.value(failLevel);
    const auto threshold = ballast::lintSeverityFromName(level);
    if (!threshold && level != QLatin1String("none")) {
        err << "unknown --fail-level \"" << level << "\": use error, warning, info, style or none\n";
        return 2;
    }
    ballast::ParseOptions options;
    options.target = parser.value(target);
    for (const QString &kv : parser.values(buildArg))
        options.buildArgs.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    const QString path = parser.positionalArguments().at(1);
    ballast::Dockerfile dockerfile;
    QString error;
    if (!readDockerfile(path, options, dockerfile, error)) {
        err << "error: " << error << "\n";
        return 2;
    }
    std::vector<ballast::LintFinding> findings;
    try {
        if (parser.isSet(image)) {
            ballast::ImageLoader loader(imageArguments.loadOptions(parser));
            const auto loaded = loader.load(parser.value(image));
            findings = ballast::lint(dockerfile, loaded.get());
        } else {
            findings = ballast::lint(dockerfile);
        }
    } catch (const ballast::LoadError &e) {
        err << "error: " << e.message() << "\n";
        return 2;
    }
    if (outputFormat == QLatin1String("json"))
        out << QString::fromStdString(ballast::lintJson(path, findings).dump(2)) << "\n";
    else
        out << ballast::lintText(path, findings);
    if (!threshold)
        return 0;
    for (const auto &f : findings)
        if (f.severity >= *threshold)
            return 1;
    return 0;
}
