#include "CiCommand.h"

#include "ImageArguments.h"
#include "analysis/ImageAnalysis.h"
#include "ci/CiRules.h"
#include "util/LoadError.h"

#include <QFile>
#include <QTextStream>
#include <cstdio>

namespace {
const char *const Usage = "usage: ballast-cli ci IMAGE [--config FILE] [--tag T] [--platform OS/ARCH] [--no-verify]";
}

int runCiCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Pass or fail an image against size and waste rules (dive's .dive-ci format)."));
    ImageArguments imageArguments;
    imageArguments.addTo(parser);
    QCommandLineOption configOption(QStringLiteral("config"),
        QStringLiteral("Rules file (default: .dive-ci in the current directory, if any)."), QStringLiteral("FILE"));
    parser.addOption(configOption);
    if (int code = parseCommandLine(parser, arguments, 1, Usage); code >= 0)
        return code;
    QTextStream out(stdout), err(stderr);
    try {
        ballast::CiConfig config = ballast::CiConfig::defaults();
        QString configPath = parser.value(configOption);
        if (configPath.isEmpty() && QFile::exists(QStringLiteral(".dive-ci")))
            configPath = QStringLiteral(".dive-ci");
        if (!configPath.isEmpty()) {
            QFile file(configPath);
            if (!file.open(QIODevice::ReadOnly))
                throw ballast::LoadError(QStringLiteral("%1: cannot read: %2").arg(configPath, file.errorString()));
            config = ballast::CiConfig::parse(file.readAll(), configPath);
            out << "  Using CI config: " << configPath << "\n";
        }
        ballast::ImageLoader loader(imageArguments.loadOptions(parser));
        auto image = loader.load(parser.positionalArguments().at(1));
        const auto analysis = ballast::analyzeImage(*image);
        const auto results = ballast::evaluateCiRules(*image, analysis, config);
        int passed = 0, failed = 0, skipped = 0;
        for (const auto &result : results) {
            using Status = ballast::CiRuleResult::Status;
            const char *word = result.status == Status::Pass ? "PASS" : result.status == Status::Fail ? "FAIL" : "SKIP";
            (result.status == Status::Pass ? passed : result.status == Status::Fail ? failed : skipped)++;
            out << "  " << word << ": " << result.rule
                << (result.message.isEmpty() ? QString() : QStringLiteral(": ") + result.message) << "\n";
        }
        out << "Result:" << (failed ? "FAIL" : "PASS") << " [Total:" << results.size() << "] [Passed:" << passed
            << "] [Failed:" << failed << "] [Warn:0] [Skipped:" << skipped << "]\n";
        return failed ? 1 : 0;
    } catch (const ballast::LoadError &error) {
        return reportLoadError(error);
    }
}
