#pragma once
#include "analysis/ImageAnalysis.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace ballast {

// The CI gate's configuration: dive's `.dive-ci` rules (lowestEfficiency, highestWastedBytes,
// highestUserWastedPercent; a number, a size such as 20MB or 20MiB, or "disabled") with dive's
// defaults, plus Ballast's own rules (maxImageSize, maxLayerSize, forbiddenFindings), off by default.
struct CiConfig {
    QMap<QString, QString> rules;
    QStringList forbiddenFindings;

    static CiConfig defaults();
    // Reads the small YAML subset `.dive-ci` files use: a `rules:` map of scalars, and lists written
    // `[a, b]` or as `- a` lines. Throws LoadError naming `source` and the line on anything else.
    static CiConfig parse(const QByteArray &text, const QString &source);
};

struct CiRuleResult {
    enum class Status { Pass, Fail, Skip };
    QString rule;
    Status status = Status::Pass;
    QString message;
};

// Throws LoadError for a misconfigured rule (dive refuses to run then too).
std::vector<CiRuleResult> evaluateCiRules(const Image &image, const ImageAnalysis &analysis, const CiConfig &config);

// dive's size syntax (go-humanize ParseBytes): "20MB" = 20 000 000, "20MiB" = 20 971 520, "1.5 GB".
std::optional<uint64_t> parseHumanBytes(const QString &text);

} // namespace ballast
