#include "CiRules.h"

#include "util/LoadError.h"

#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace ballast {
namespace {

const char *const LowestEfficiency = "lowestEfficiency";
const char *const HighestWastedBytes = "highestWastedBytes";
const char *const HighestUserWastedPercent = "highestUserWastedPercent";
const char *const MaxImageSize = "maxImageSize";
const char *const MaxLayerSize = "maxLayerSize";
const char *const ForbiddenFindings = "forbiddenFindings";

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2
        && ((value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
            || (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')))))
        value = value.mid(1, value.size() - 2);
    return value;
}

QString stripComment(const QString &line)
{
    // A '#' starts a comment when it begins the line or follows a space (YAML's rule).
    for (int i = 0; i < line.size(); ++i)
        if (line[i] == QLatin1Char('#') && (i == 0 || line[i - 1].isSpace()))
            return line.left(i);
    return line;
}

// Go's %v of a float64: the shortest text that reads back as the same number.
QString goNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// dive refuses ratios outside 0…1 as misconfigured.
std::optional<double> parseRatio(const QString &value)
{
    bool ok = false;
    double number = value.toDouble(&ok);
    return ok && std::isfinite(number) && number >= 0 && number <= 1 ? std::optional<double>(number) : std::nullopt;
}

} // namespace

std::optional<uint64_t> parseHumanBytes(const QString &text)
{
    static const QRegularExpression syntax(QStringLiteral("^\\s*([0-9.,]+)\\s*([a-zA-Z]*)\\s*$"));
    const auto match = syntax.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    static const QMap<QString, double> units = {
        { QString(), 1 },
        { QStringLiteral("b"), 1 },
        { QStringLiteral("k"), 1e3 },
        { QStringLiteral("kb"), 1e3 },
        { QStringLiteral("ki"), 1024.0 },
        { QStringLiteral("kib"), 1024.0 },
        { QStringLiteral("m"), 1e6 },
        { QStringLiteral("mb"), 1e6 },
        { QStringLiteral("mi"), 1048576.0 },
        { QStringLiteral("mib"), 1048576.0 },
        { QStringLiteral("g"), 1e9 },
        { QStringLiteral("gb"), 1e9 },
        { QStringLiteral("gi"), 1073741824.0 },
        { QStringLiteral("gib"), 1073741824.0 },
        { QStringLiteral("t"), 1e12 },
        { QStringLiteral("tb"), 1e12 },
        { QStringLiteral("ti"), 1099511627776.0 },
        { QStringLiteral("tib"), 1099511627776.0 },
        { QStringLiteral("p"), 1e15 },
        { QStringLiteral("pb"), 1e15 },
        { QStringLiteral("pi"), 1125899906842624.0 },
        { QStringLiteral("pib"), 1125899906842624.0 },
        { QStringLiteral("e"), 1e18 },
        { QStringLiteral("eb"), 1e18 },
        { QStringLiteral("ei"), 1152921504606846976.0 },
        { QStringLiteral("eib"), 1152921504606846976.0 },
    };
    const QString unit = match.captured(2).toLower();
    bool ok = false;
    const double number = QString(match.captured(1)).remove(QLatin1Char(',')).toDouble(&ok); // "1,000 kB" is allowed
    if (!ok || !units.contains(unit))
        return std::nullopt;
    const double bytes = number * units.value(unit);
    if (bytes >= 18446744073709551616.0)
        return std::nullopt;
    return uint64_t(bytes);
}

CiConfig CiConfig::defaults()
{
    CiConfig config;
    // dive's defaults (runtime/ci/evaluator.go).
    config.rules.insert(QLatin1String(LowestEfficiency), QStringLiteral("0.9"));
    config.rules.insert(QLatin1String(HighestWastedBytes), QStringLiteral("disabled"));
    config.rules.insert(QLatin1String(HighestUserWastedPercent), QStringLiteral("0.1"));
    config.rules.insert(QLatin1String(MaxImageSize), QStringLiteral("disabled"));
    config.rules.insert(QLatin1String(MaxLayerSize), QStringLiteral("disabled"));
    return config;
}

CiConfig CiConfig::parse(const QByteArray &text, const QString &source)
{
    CiConfig config = defaults();
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    bool inRules = false;
    QString listKey;
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = stripComment(lines[n]);
        if (line.trimmed().isEmpty())
            continue;
        const bool indented = line.front().isSpace();
        const QString body = line.trimmed();
        if (!indented) {
            inRules = body == QLatin1String("rules:");
            listKey.clear();
            continue; // other top-level keys are not ours
        }
        if (!inRules)
            continue;
        if (body.startsWith(QLatin1String("- ")) && !listKey.isEmpty()) {
            config.forbiddenFindings << unquote(body.mid(2));
            continue;
        }
        const int colon = body.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            throw LoadError(
                QStringLiteral("%1: line %2: expected `key: value`, found \"%3\"").arg(source).arg(n + 1).arg(body));
        const QString key = body.left(colon).trimmed();
        const QString value = unquote(body.mid(colon + 1));
        listKey.clear();
        if (key == QLatin1String(ForbiddenFindings)) {
            if (value.isEmpty())
                listKey = key;
            else if (value.startsWith(QLatin1Char('[')) && value.endsWith(QLatin1Char(']')))
                for (const QString &item : value.mid(1, value.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts))
                    config.forbiddenFindings << unquote(item);
            else
                config.forbiddenFindings << value;
            continue;
        }
        if (!config.rules.contains(key))
            throw LoadError(
                QStringLiteral("%1: line %2: unknown rule \"%3\" (known: %4, %5)")
                    .arg(source)
                    .arg(n + 1)
                    .arg(key, config.rules.keys().join(QStringLiteral(", ")), QLatin1String(ForbiddenFindings)));
        config.rules[key] = value;
    }
    return config;
}

std::vector<CiRuleResult> evaluateCiRules(const Image &image, const ImageAnalysis &analysis, const CiConfig &config)
{
    std::vector<CiRuleResult> out;
    auto misconfigured = [](const QString &rule, const QString &value) {
        return LoadError(QStringLiteral("CI rule %1: invalid value \"%2\"").arg(rule, value));
    };
    auto evaluate = [&](const char *name, const std::function<CiRuleResult(const QString &)> &check) {
        const QString value = config.rules.value(QLatin1String(name));
        if (value == QLatin1String("disabled")) {
            out.push_back({ QLatin1String(name), CiRuleResult::Status::Skip, QStringLiteral("rule disabled") });
            return;
        }
        CiRuleResult result = check(value);
        result.rule = QLatin1String(name);
        out.push_back(result);
    };
    const auto &dive = analysis.dive;
    evaluate(LowestEfficiency, [&](const QString &value) {
        auto threshold = parseRatio(value);
        if (!threshold)
            throw misconfigured(QLatin1String(LowestEfficiency), value);
        if (*threshold > dive.efficiency)
            return CiRuleResult { {}, CiRuleResult::Status::Fail,
                QStringLiteral("image efficiency is too low (efficiency=%1 < threshold=%2)")
                    .arg(goNumber(dive.efficiency), goNumber(*threshold)) };
        return CiRuleResult {};
    });
    evaluate(HighestWastedBytes, [&](const QString &value) {
        auto threshold = parseHumanBytes(value);
        if (!threshold)
            throw misconfigured(QLatin1String(HighestWastedBytes), value);
        if (uint64_t(dive.wastedBytes) > *threshold)
            return CiRuleResult { {}, CiRuleResult::Status::Fail,
                QStringLiteral("too many bytes wasted (wasted-bytes=%1 > threshold=%2)")
                    .arg(dive.wastedBytes)
                    .arg(*threshold) };
        return CiRuleResult {};
    });
    evaluate(HighestUserWastedPercent, [&](const QString &value) {
        auto threshold = parseRatio(value);
        if (!threshold)
            throw misconfigured(QLatin1String(HighestUserWastedPercent), value);
        if (*threshold < dive.wastedUserPercent)
            return CiRuleResult { {}, CiRuleResult::Status::Fail,
                QStringLiteral(
                    "too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=%1 > threshold=%2)")
                    .arg(goNumber(dive.wastedUserPercent), goNumber(*threshold)) };
        return CiRuleResult {};
    });
    evaluate(MaxImageSize, [&](const QString &value) {
        auto threshold = parseHumanBytes(value);
        if (!threshold)
            throw misconfigured(QLatin1String(MaxImageSize), value);
        if (uint64_t(image.sizeBytes()) > *threshold)
            return CiRuleResult { {}, CiRuleResult::Status::Fail,
                QStringLiteral("image is too large (size=%1 > threshold=%2)").arg(image.sizeBytes()).arg(*threshold) };
        return CiRuleResult {};
    });
    evaluate(MaxLayerSize, [&](const QString &value) {
        auto threshold = parseHumanBytes(value);
        if (!threshold)
            throw misconfigured(QLatin1String(MaxLayerSize), value);
        for (const Layer &layer : image.layers)
            if (uint64_t(layer.size) > *threshold)
                return CiRuleResult { {}, CiRuleResult::Status::Fail,
                    QStringLiteral("layer %1 is too large (size=%2 > threshold=%3)")
                        .arg(layer.index)
                        .arg(layer.size)
                        .arg(*threshold) };
        return CiRuleResult {};
    });
    if (config.forbiddenFindings.isEmpty()) {
        out.push_back(
            { QLatin1String(ForbiddenFindings), CiRuleResult::Status::Skip, QStringLiteral("rule disabled") });
    } else {
        QStringList found;
        for (const Finding &finding : analysis.findings)
            if (config.forbiddenFindings.contains(finding.category) && !found.contains(finding.category))
                found << finding.category;
        out.push_back({ QLatin1String(ForbiddenFindings),
            found.isEmpty() ? CiRuleResult::Status::Pass : CiRuleResult::Status::Fail,
            found.isEmpty() ? QString()
                            : QStringLiteral("forbidden findings present: %1").arg(found.join(QStringLiteral(", "))) });
    }
    return out;
}

} // namespace ballast
