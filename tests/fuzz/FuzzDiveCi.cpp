// fuzz_dive_ci: the input is a `.dive-ci` file. Parses it as `ballast-cli ci` does and, when it
// parses, evaluates its rules against the sample image; also reads the input and each of its lines
// as a dive size ("20MB").
#include "FuzzSupport.h"
#include "ci/CiRules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
    (void)ballast::parseHumanBytes(text);
    for (const QString &line : text.split(QLatin1Char('\n')))
        (void)ballast::parseHumanBytes(line);

    ballast::CiConfig config;
    try {
        config = ballast::CiConfig::parse(bytes, QStringLiteral(".dive-ci"));
    } catch (const ballast::LoadError &error) {
        FUZZ_CHECK(!error.message().isEmpty(), "parse errors say what was wrong");
        return 0;
    }
    static const ballast::ImageAnalysis analysis = ballast::analyzeImage(fuzz::sampleImage());
    try {
        for (const ballast::CiRuleResult &result : ballast::evaluateCiRules(fuzz::sampleImage(), analysis, config))
            FUZZ_CHECK(!result.rule.isEmpty(), "every result names its rule");
    } catch (const ballast::LoadError &error) {
        FUZZ_CHECK(!error.message().isEmpty(), "rule errors say what was wrong");
    }
    return 0;
}
