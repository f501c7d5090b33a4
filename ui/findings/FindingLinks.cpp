#include "FindingLinks.h"

#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"

#include <algorithm>
#include <tuple>

namespace ballast {

std::vector<FindingsModel::DockerfileLink> dockerfileLinks(const ImageAnalysis &analysis, const DockerfilePane &pane)
{
    std::vector<FindingsModel::DockerfileLink> links(analysis.findings.size());
    for (size_t i = 0; i < links.size(); ++i) {
        const Finding &finding = analysis.findings[i];
        links[i].line = finding.layer >= 0 ? pane.lineOfLayer(finding.layer) : -1;
        links[i].laterLine = finding.laterLayer >= 0 ? pane.lineOfLayer(finding.laterLayer) : -1;
    }
    if (pane.linter()->isBusy())
        return links;
    // A finding spread over several RUNs (a cache filled by two of them) has a fix in each: one edit.
    std::vector<std::vector<const LintFinding *>> hints(links.size());
    for (const ShownFinding &shown : pane.editor()->findings()) {
        const LintFinding &hint = shown.finding;
        if (!shown.beforeEdits && hint.fix && hint.imageFinding >= 0 && size_t(hint.imageFinding) < links.size()
            && links[size_t(hint.imageFinding)].line > 0)
            hints[size_t(hint.imageFinding)].push_back(&hint);
    }
    // The titles name the line each edit is about: it need not be the finding's (a cache the base image
    // and a RUN both filled is the base image's finding, and only the RUN can be fixed).
    for (size_t i = 0; i < links.size(); ++i) {
        if (hints[i].empty())
            continue;
        LintFix merged;
        QStringList titles;
        for (const LintFinding *hint : hints[i]) {
            titles << QStringLiteral("line %1: %2").arg(hint->line).arg(hint->fix->title);
            merged.edits.insert(merged.edits.end(), hint->fix->edits.begin(), hint->fix->edits.end());
        }
        merged.title = titles.join(QStringLiteral("; "));
        std::sort(merged.edits.begin(), merged.edits.end(), [](const TextEdit &a, const TextEdit &b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
        links[i].fix = std::move(merged);
    }
    return links;
}

} // namespace ballast
