#include "AnalyzeCommand.h"
#include "BuildCommand.h"
#include "CiCommand.h"
#include "DiffCommand.h"
#include "LintCommand.h"
#include "PackagesCommand.h"
#include "util/Logging.h"
#include "util/Utf8Locale.h"
#include "util/Versions.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {
const char *const Usage
    = "usage: ballast-cli COMMAND [OPTIONS]\n"
      "\n"
      "commands:\n"
      "  analyze IMAGE   layers, sizes, waste and findings of an image archive or OCI layout\n"
      "  build … -- DIR  build an image (docker, podman or buildah), then analyze it with its Dockerfile\n"
      "  ci IMAGE        pass or fail the image against size and waste rules (.dive-ci)\n"
      "  diff A B        compare two images: layers, files, the biggest movements\n"
      "  lint FILE       hints on a Dockerfile; with --image, the bytes each line left\n"
      "  packages IMAGE  the installed packages and the bytes each holds, and the bytes of no package\n"
      "\n"
      "IMAGE is a path to an archive or an OCI layout, oci:DIR[:REF], docker://NAME[:TAG],\n"
      "podman://NAME[:TAG], buildah://NAME[:TAG] or registry://HOST/NAME[:TAG].\n"
      "\n"
      "ballast-cli COMMAND --help shows the options of a command.\n";
}

int main(int argc, char *argv[])
{
    ballast::selectUtf8Locale(); // before Qt reads the locale
    ballast::installLogMessagePattern();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ballast-cli"));
    QCoreApplication::setApplicationVersion(ballast::ballastVersion());
    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        QTextStream out(stdout);
        out << "ballast-cli " << ballast::ballastVersion() << "\n";
        for (const auto &[library, version] : ballast::libraryVersions())
            out << library << " " << version << "\n";
        return 0;
    }
    if (command == QLatin1String("analyze"))
        return runAnalyzeCommand(arguments);
    if (command == QLatin1String("build"))
        return runBuildCommand(arguments);
    if (command == QLatin1String("ci"))
        return runCiCommand(arguments);
    if (command == QLatin1String("diff"))
        return runDiffCommand(arguments);
    if (command == QLatin1String("lint"))
        return runLintCommand(arguments);
    if (command == QLatin1String("packages"))
        return runPackagesCommand(arguments);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        QTextStream(command.isEmpty() ? stderr : stdout) << Usage;
        return command.isEmpty() ? 2 : 0;
    }
    QTextStream(stderr) << "unknown command \"" << command << "\"\n\n" << Usage;
    return 2;
}
