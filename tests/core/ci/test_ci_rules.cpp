// The CI gate: dive's `.dive-ci` format and rule semantics (dive's runtime/ci/rule.go: a rule fails
// only when the threshold is crossed, equality passes; "disabled" skips; out-of-range ratios are a
// misconfiguration) and the sizes of go-humanize's ParseBytes, plus Ballast's own rules.
#include "AnalysisTestSupport.h"
#include "ci/CiRules.h"
#include "util/LoadError.h"

#include <QTest>

using namespace treetest;
using analysistest::makeImage;
using ballast::CiConfig;
using ballast::CiRuleResult;

Q_DECLARE_METATYPE(CiRuleResult::Status)

namespace {

// dive's README, "CI Integration" (verbatim, comments included).
const char *const DiveReadmeExample = R"(rules:
  # If the efficiency is measured below X%, mark as failed.
  # Expressed as a ratio between 0-1.
  lowestEfficiency: 0.95

  # If the amount of wasted space is at least X or larger than X, mark as failed.
  # Expressed in B, KB, MB, and GB.
  highestWastedBytes: 20MB

  # If the amount of wasted space makes up for X% or more of the image, mark as failed.
  # Note: the base image layer is NOT included in the total image size.
  # Expressed as a ratio between 0-1; fails if the threshold is met or crossed.
  highestUserWastedPercent: 0.20
)";

const CiRuleResult *resultFor(const std::vector<CiRuleResult> &results, const QString &rule)
{
    for (const auto &r : results)
        if (r.rule == rule)
            return &r;
    return nullptr;
}

const char *statusName(CiRuleResult::Status s)
{
    return s == CiRuleResult::Status::Pass ? "PASS" : s == CiRuleResult::Status::Fail ? "FAIL" : "SKIP";
}

} // namespace

class TestCiRules : public QObject {
    Q_OBJECT

private slots:
    void parseDiveReadmeExample();
    void defaults();
    void parseQuotesCommentsAndOtherSections();
    void parseCrlf();
    void parseErrors_data();
    void parseErrors();
    void parseBallastRules();
    void humanBytes_data();
    void humanBytes();
    void evaluate_data();
    void evaluate();
    void evaluateAllRulesInOrder();
    void misconfigured_data();
    void misconfigured();
};

void TestCiRules::parseDiveReadmeExample()
{
    const CiConfig config = CiConfig::parse(DiveReadmeExample, QStringLiteral(".dive-ci"));
    QCOMPARE(config.rules.value("lowestEfficiency"), QStringLiteral("0.95"));
    QCOMPARE(config.rules.value("highestWastedBytes"), QStringLiteral("20MB"));
    QCOMPARE(config.rules.value("highestUserWastedPercent"), QStringLiteral("0.20"));
    QCOMPARE(config.rules.value("maxImageSize"), QStringLiteral("disabled"));
    QCOMPARE(config.rules.value("maxLayerSize"), QStringLiteral("disabled"));
    QVERIFY(config.forbiddenFindings.isEmpty());
}

void TestCiRules::defaults()
{
    // dive's defaults: lowestEfficiency 0.9, highestWastedBytes disabled, highestUserWastedPercent 0.1.
    for (const CiConfig &config : { CiConfig::defaults(), CiConfig::parse("", QStringLiteral("empty")),
             CiConfig::parse("rules:\n", QStringLiteral("rules only")) }) {
        QCOMPARE(config.rules.value("lowestEfficiency"), QStringLiteral("0.9"));
        QCOMPARE(config.rules.value("highestWastedBytes"), QStringLiteral("disabled"));
        QCOMPARE(config.rules.value("highestUserWastedPercent"), QStringLiteral("0.1"));
        QCOMPARE(config.rules.value("maxImageSize"), QStringLiteral("disabled"));
        QCOMPARE(config.rules.value("maxLayerSize"), QStringLiteral("disabled"));
        QVERIFY(config.forbiddenFindings.isEmpty());
    }
    // A file that sets one rule keeps the defaults of the others.
    const CiConfig one = CiConfig::parse("rules:\n  highestWastedBytes: 1MB\n", QStringLiteral("one"));
    QCOMPARE(one.rules.value("lowestEfficiency"), QStringLiteral("0.9"));
    QCOMPARE(one.rules.value("highestWastedBytes"), QStringLiteral("1MB"));
    QCOMPARE(one.rules.value("highestUserWastedPercent"), QStringLiteral("0.1"));
}

void TestCiRules::parseQuotesCommentsAndOtherSections()
{
    const CiConfig config = CiConfig::parse(R"(# a comment before everything
image: ignored
rules:
  lowestEfficiency: "0.85"   # trailing comment
  highestWastedBytes: '5MiB'
  highestUserWastedPercent: disabled
other:
  lowestEfficiency: 0.1
)",
        QStringLiteral("q"));
    QCOMPARE(config.rules.value("lowestEfficiency"), QStringLiteral("0.85")); // not the other section's 0.1
    QCOMPARE(config.rules.value("highestWastedBytes"), QStringLiteral("5MiB"));
    QCOMPARE(config.rules.value("highestUserWastedPercent"), QStringLiteral("disabled"));
}

void TestCiRules::parseCrlf()
{
    const CiConfig config
        = CiConfig::parse("rules:\r\n  lowestEfficiency: 0.7\r\n  highestWastedBytes: 3MB\r\n", QStringLiteral("crlf"));
    QCOMPARE(config.rules.value("lowestEfficiency"), QStringLiteral("0.7"));
    QCOMPARE(config.rules.value("highestWastedBytes"), QStringLiteral("3MB"));
}

void TestCiRules::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("unknown rule (typo)") << QByteArray("rules:\n  lowestEfficiency: 0.9\n  lowestEficiency: 0.8\n")
                                         << QStringLiteral("line 3");
    QTest::newRow("unknown rule after comments")
        << QByteArray("# c\n\nrules:\n  # c\n  maxImageSizes: 1GB\n") << QStringLiteral("line 5");
    QTest::newRow("no colon") << QByteArray("rules:\n  just some text\n") << QStringLiteral("line 2");
}

void TestCiRules::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mustContain);
    const QString source = QStringLiteral("ci/config/.dive-ci");
    try {
        CiConfig::parse(text, source);
        QFAIL("no error");
    } catch (const ballast::LoadError &error) {
        QVERIFY2(error.message().contains(source), qPrintable(error.message()));
        QVERIFY2(error.message().contains(mustContain), qPrintable(error.message()));
    }
}

void TestCiRules::parseBallastRules()
{
    const CiConfig inlineList = CiConfig::parse("rules:\n  forbiddenFindings: [setuid, \"private-key\", "
                                                "'secret-file']\n  maxImageSize: 1GB\n  maxLayerSize: 200MiB\n",
        QStringLiteral("inline"));
    QCOMPARE(inlineList.forbiddenFindings, (QStringList { "setuid", "private-key", "secret-file" }));
    QCOMPARE(inlineList.rules.value("maxImageSize"), QStringLiteral("1GB"));
    QCOMPARE(inlineList.rules.value("maxLayerSize"), QStringLiteral("200MiB"));

    const CiConfig blockList = CiConfig::parse(R"(rules:
  forbiddenFindings:
    - setuid
    - 'root-user'   # comment
  lowestEfficiency: 0.5
)",
        QStringLiteral("block"));
    QCOMPARE(blockList.forbiddenFindings, (QStringList { "setuid", "root-user" }));
    QCOMPARE(blockList.rules.value("lowestEfficiency"), QStringLiteral("0.5"));

    const CiConfig single = CiConfig::parse("rules:\n  forbiddenFindings: private-key\n", QStringLiteral("single"));
    QCOMPARE(single.forbiddenFindings, (QStringList { "private-key" }));
}

void TestCiRules::humanBytes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("bytes");
    // go-humanize ParseBytes: SI units are powers of 1000, IEC (…i, …iB) powers of 1024, case-insensitive,
    // spaces allowed between number and unit, the product truncated to an integer.
    QTest::newRow("20MB") << "20MB" << true << quint64(20000000);
    QTest::newRow("20MiB") << "20MiB" << true << quint64(20971520);
    QTest::newRow("1.5GB") << "1.5GB" << true << quint64(1500000000);
    QTest::newRow("1.5 KiB") << "1.5 KiB" << true << quint64(1536);
    QTest::newRow("0") << "0" << true << quint64(0);
    QTest::newRow("512 (bytes)") << "512" << true << quint64(512);
    QTest::newRow("512B") << "512B" << true << quint64(512);
    QTest::newRow("20 mb") << "20 mb" << true << quint64(20000000);
    QTest::newRow("1kB") << "1kB" << true << quint64(1000);
    QTest::newRow("20M") << "20M" << true << quint64(20000000);
    QTest::newRow("20Mi") << "20Mi" << true << quint64(20971520);
    QTest::newRow("2TB") << "2TB" << true << quint64(2000000000000);
    QTest::newRow("1TiB") << "1TiB" << true << quint64(1099511627776);
    QTest::newRow(".5MB") << ".5MB" << true << quint64(500000);
    // ParseBytes also knows P and E and drops thousands separators ("1,000 kB").
    QTest::newRow("1PB") << "1PB" << true << quint64(1000000000000000);
    QTest::newRow("1,000 kB") << "1,000 kB" << true << quint64(1000000);
    QTest::newRow("empty") << "" << false << quint64(0);
    QTest::newRow("abc") << "abc" << false << quint64(0);
    QTest::newRow("MB alone") << "MB" << false << quint64(0);
    QTest::newRow("20XB") << "20XB" << false << quint64(0);
    QTest::newRow("-5MB") << "-5MB" << false << quint64(0);
    QTest::newRow("1.2.3MB") << "1.2.3MB" << false << quint64(0);
    QTest::newRow("disabled") << "disabled" << false << quint64(0);
}

void TestCiRules::humanBytes()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(quint64, bytes);
    const auto parsed = ballast::parseHumanBytes(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(quint64(*parsed), bytes);
}

void TestCiRules::evaluate_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("value");
    QTest::addColumn<double>("efficiency");
    QTest::addColumn<qint64>("wasted");
    QTest::addColumn<double>("userPercent");
    QTest::addColumn<CiRuleResult::Status>("status");
    QTest::addColumn<QString>("message");
    using S = CiRuleResult::Status;
    // The image below: layers of 600 and 500 bytes (1100 in all); it holds a setuid file.
    QTest::newRow("efficiency above") << "lowestEfficiency"
                                      << "0.95" << 0.96 << qint64(0) << 0.0 << S::Pass << "";
    QTest::newRow("efficiency equal passes") << "lowestEfficiency"
                                             << "0.95" << 0.95 << qint64(0) << 0.0 << S::Pass << "";
    QTest::newRow("efficiency below") << "lowestEfficiency"
                                      << "0.95" << 0.9499 << qint64(0) << 0.0 << S::Fail
                                      << "image efficiency is too low (efficiency=0.9499 < threshold=0.95)";
    QTest::newRow("efficiency disabled") << "lowestEfficiency"
                                         << "disabled" << 0.1 << qint64(0) << 0.0 << S::Skip << "rule disabled";
    QTest::newRow("wasted equal passes") << "highestWastedBytes"
                                         << "20MB" << 1.0 << qint64(20000000) << 0.0 << S::Pass << "";
    QTest::newRow("wasted over") << "highestWastedBytes"
                                 << "20MB" << 1.0 << qint64(20000001) << 0.0 << S::Fail
                                 << "too many bytes wasted (wasted-bytes=20000001 > threshold=20000000)";
    QTest::newRow("wasted MiB") << "highestWastedBytes"
                                << "20MiB" << 1.0 << qint64(20971520) << 0.0 << S::Pass << "";
    QTest::newRow("wasted disabled") << "highestWastedBytes"
                                     << "disabled" << 1.0 << qint64(1) << 0.0 << S::Skip << "rule disabled";
    QTest::newRow("user percent equal passes") << "highestUserWastedPercent"
                                               << "0.20" << 1.0 << qint64(0) << 0.2 << S::Pass << "";
    QTest::newRow("user percent over")
        << "highestUserWastedPercent"
        << "0.20" << 1.0 << qint64(0) << 0.2000001 << S::Fail
        << "too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=0.2000001 > threshold=0.2)";
    QTest::newRow("image size equal passes") << "maxImageSize"
                                             << "1100" << 1.0 << qint64(0) << 0.0 << S::Pass << "";
    QTest::newRow("image size over") << "maxImageSize"
                                     << "1kB" << 1.0 << qint64(0) << 0.0 << S::Fail
                                     << "image is too large (size=1100 > threshold=1000)";
    QTest::newRow("layer size equal passes") << "maxLayerSize"
                                             << "600" << 1.0 << qint64(0) << 0.0 << S::Pass << "";
    QTest::newRow("layer size over") << "maxLayerSize"
                                     << "550" << 1.0 << qint64(0) << 0.0 << S::Fail
                                     << "layer 0 is too large (size=600 > threshold=550)";
    QTest::newRow("forbidden finding present")
        << "forbiddenFindings"
        << "setuid" << 1.0 << qint64(0) << 0.0 << S::Fail << "forbidden findings present: setuid";
    QTest::newRow("forbidden finding absent") << "forbiddenFindings"
                                              << "private-key" << 1.0 << qint64(0) << 0.0 << S::Pass << "";
    QTest::newRow("no forbidden findings") << "forbiddenFindings"
                                           << "" << 1.0 << qint64(0) << 0.0 << S::Skip << "rule disabled";
}

void TestCiRules::evaluate()
{
    QFETCH(QString, rule);
    QFETCH(QString, value);
    QFETCH(double, efficiency);
    QFETCH(qint64, wasted);
    QFETCH(double, userPercent);
    QFETCH(CiRuleResult::Status, status);
    QFETCH(QString, message);
    auto img = makeImage({ { F("usr/bin/su", 600, 1).mode(04755) }, { F("b", 500, 2) } });
    ballast::ImageAnalysis analysis = ballast::analyzeImage(*img);
    analysis.dive.efficiency = efficiency;
    analysis.dive.wastedBytes = wasted;
    analysis.dive.wastedUserPercent = userPercent;
    CiConfig config = CiConfig::defaults();
    if (rule == QLatin1String("forbiddenFindings")) {
        if (!value.isEmpty())
            config.forbiddenFindings << value;
    } else {
        config.rules[rule] = value;
    }
    const auto results = ballast::evaluateCiRules(*img, analysis, config);
    const CiRuleResult *result = resultFor(results, rule);
    QVERIFY(result);
    QCOMPARE(statusName(result->status), statusName(status));
    QCOMPARE(result->message, message);
}

void TestCiRules::evaluateAllRulesInOrder()
{
    // The dive README example on an image whose figures sit exactly on its thresholds: all pass.
    auto img = makeImage({ { F("a", 10, 1) }, { F("b", 10, 2) } });
    ballast::ImageAnalysis analysis = ballast::analyzeImage(*img);
    analysis.dive.efficiency = 0.95;
    analysis.dive.wastedBytes = 20000000;
    analysis.dive.wastedUserPercent = 0.2;
    const auto results
        = ballast::evaluateCiRules(*img, analysis, CiConfig::parse(DiveReadmeExample, QStringLiteral("x")));
    QStringList got;
    for (const auto &r : results)
        got << r.rule + QLatin1Char(' ') + QLatin1String(statusName(r.status));
    QCOMPARE(got,
        (QStringList { "lowestEfficiency PASS", "highestWastedBytes PASS", "highestUserWastedPercent PASS",
            "maxImageSize SKIP", "maxLayerSize SKIP", "forbiddenFindings SKIP" }));
    // The defaults on an efficient image: 0.9 and 0.1 hold, the rest is disabled.
    analysis.dive.efficiency = 1.0;
    analysis.dive.wastedBytes = 0;
    analysis.dive.wastedUserPercent = 0;
    got.clear();
    for (const auto &r : ballast::evaluateCiRules(*img, analysis, CiConfig::defaults()))
        got << r.rule + QLatin1Char(' ') + QLatin1String(statusName(r.status));
    QCOMPARE(got,
        (QStringList { "lowestEfficiency PASS", "highestWastedBytes SKIP", "highestUserWastedPercent PASS",
            "maxImageSize SKIP", "maxLayerSize SKIP", "forbiddenFindings SKIP" }));
}

void TestCiRules::misconfigured_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("value");
    QTest::newRow("efficiency not a number") << "lowestEfficiency"
                                             << "abc";
    QTest::newRow("wasted bytes not a size") << "highestWastedBytes"
                                             << "lots";
    QTest::newRow("user percent not a number") << "highestUserWastedPercent"
                                               << "ten";
    QTest::newRow("image size not a size") << "maxImageSize"
                                           << "big";
    // dive validates the ratios: "config value is outside allowed range (0-1)".
    QTest::newRow("efficiency above 1") << "lowestEfficiency"
                                        << "1.5";
    QTest::newRow("user percent below 0") << "highestUserWastedPercent"
                                          << "-0.1";
}

void TestCiRules::misconfigured()
{
    QFETCH(QString, rule);
    QFETCH(QString, value);
    auto img = makeImage({ { F("a", 10, 1) } });
    const auto analysis = ballast::analyzeImage(*img);
    CiConfig config = CiConfig::defaults();
    config.rules[rule] = value;
    try {
        ballast::evaluateCiRules(*img, analysis, config);
        QFAIL("a misconfigured rule was evaluated");
    } catch (const ballast::LoadError &error) {
        QVERIFY2(error.message().contains(rule), qPrintable(error.message()));
        QVERIFY2(error.message().contains(value), qPrintable(error.message()));
    }
}

QTEST_GUILESS_MAIN(TestCiRules)
#include "test_ci_rules.moc"
