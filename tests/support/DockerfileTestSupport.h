#pragma once
// Helpers shared by the Dockerfile suites: Dockerfiles written as lists of lines, the lines a rule
// fires on, and images with a hand-written history (layers built in memory, tests/support/LayerSpec.h).
#include "LayerSpec.h"
#include "dockerfile/lint/Lint.h"
#include "dockerfile/parse/Dockerfile.h"
#include "image/HistoryMapping.h"
#include "image/Image.h"
#include "tree/MergedTree.h"

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <memory>

namespace dftest {

// A file's text (UTF-8), empty when it cannot be read.
inline QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Lines joined with '\n', with a final line end.
inline QString lines(const QStringList &list)
{
    return list.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

inline QList<int> findingLines(const std::vector<ballast::LintFinding> &findings, const QString &rule)
{
    QList<int> out;
    for (const auto &f : findings)
        if (f.rule == rule)
            out << f.line;
    return out;
}

// The lines `rule` fires on in `text`, linted without an image.
inline QList<int> ruleLines(const QString &rule, const QString &text)
{
    return findingLines(ballast::lint(ballast::parseDockerfile(text)), rule);
}

inline const ballast::LintFinding *findingFor(const std::vector<ballast::LintFinding> &findings, const QString &rule)
{
    auto it
        = std::find_if(findings.begin(), findings.end(), [&](const ballast::LintFinding &f) { return f.rule == rule; });
    return it == findings.end() ? nullptr : &*it;
}

// One history entry: created_by, and whether it made a layer (then it gets the next layer in order).
struct Step {
    Step(const char *c, bool l = true, const char *note = "")
        : createdBy(QString::fromUtf8(c))
        , layer(l)
        , comment(QString::fromUtf8(note))
    { }
    QString createdBy;
    bool layer = true;
    QString comment;
};

// An image whose history is `steps`; the layer-making steps get the layers of `spec` in order.
inline std::shared_ptr<ballast::Image> historyImage(const std::vector<Step> &steps, const treetest::ImageSpec &spec)
{
    auto image = std::make_shared<ballast::Image>();
    image->layers = treetest::makeLayers(spec);
    for (const Step &s : steps) {
        ballast::HistoryEntry entry;
        entry.createdBy = s.createdBy;
        entry.emptyLayer = !s.layer;
        entry.comment = s.comment;
        image->config.history.push_back(entry);
    }
    ballast::mapHistoryToLayers(*image);
    image->tree = ballast::MergedTree::build(image->layers);
    return image;
}

// An image whose history is `steps`; each layer-making step gets a layer holding one file of
// `1000 * (its layer index + 1)` bytes, so sizes tell layers apart.
inline std::shared_ptr<ballast::Image> historyImage(const std::vector<Step> &steps)
{
    treetest::ImageSpec spec;
    for (const Step &s : steps) {
        if (!s.layer)
            continue;
        const int i = int(spec.size());
        spec.push_back({ treetest::F("f" + std::to_string(i), 1000 * (i + 1), uint64_t(i + 1)) });
    }
    return historyImage(steps, spec);
}

} // namespace dftest

Q_DECLARE_METATYPE(std::vector<dftest::Step>)
