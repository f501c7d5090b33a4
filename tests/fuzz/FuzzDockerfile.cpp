// fuzz_dockerfile: the input is a Dockerfile (UTF-8). Parses and lints it alone and against the
// sample image (the image rules and the layer mapping), writes the CLI's reports, and applies every
// quick fix the editor would offer, checking that its edits are ones the editor can apply.
#include "FuzzSupport.h"
#include "dockerfile/lint/Lint.h"
#include "dockerfile/mapping/LayerMapping.h"
#include "dockerfile/parse/Dockerfile.h"
#include "report/DockerfileReport.h"

namespace {

// Positions the editor (DockerfileEditor::applyFix) and applyEdits agree on: inside the document,
// columns within their line, and edits in document order without overlap.
void checkFix(const ballast::Dockerfile &dockerfile, const ballast::LintFix &fix)
{
    FUZZ_CHECK(!fix.edits.empty(), "a fix edits something");
    const auto lineCount = int(dockerfile.lines.size());
    const auto columnOk = [&](int line, int column) {
        const int length = line <= lineCount ? int(dockerfile.lines[line - 1].size()) : 0;
        return column >= 1 && column <= length + 1;
    };
    std::pair<int, int> previousEnd { 0, 0 };
    for (const ballast::TextEdit &edit : fix.edits) {
        FUZZ_CHECK(edit.line >= 1 && edit.line <= lineCount + 1, "edit starts in the document");
        FUZZ_CHECK(edit.endLine >= 1 && edit.endLine <= lineCount + 1, "edit ends in the document");
        FUZZ_CHECK(columnOk(edit.line, edit.column), "edit starts within its line");
        FUZZ_CHECK(columnOk(edit.endLine, edit.endColumn), "edit ends within its line");
        const std::pair<int, int> start { edit.line, edit.column }, end { edit.endLine, edit.endColumn };
        FUZZ_CHECK(start <= end, "edit ends after it starts");
        FUZZ_CHECK(previousEnd <= start, "edits in document order, not overlapping");
        previousEnd = end;
    }
}

const ballast::ImageLintContext &sampleContext()
{
    static const ballast::ImageAnalysis analysis = ballast::analyzeImage(fuzz::sampleImage());
    static const ballast::ImageLintContext context(fuzz::sampleImage(), analysis);
    return context;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ballast::Dockerfile dockerfile = ballast::parseDockerfile(text);
    const std::vector<ballast::LintFinding> findings = ballast::lint(dockerfile);
    for (size_t i = 1; i < findings.size(); ++i)
        FUZZ_CHECK(findings[i - 1].line <= findings[i].line, "findings sorted by line");
    (void)ballast::lintJson(QStringLiteral("Dockerfile"), findings).dump(2);
    (void)ballast::lintText(QStringLiteral("Dockerfile"), findings);

    ballast::LayerMapping mapping;
    const auto imageFindings = ballast::lint(dockerfile, sampleContext(), mapping);
    (void)ballast::dockerfileJson(QStringLiteral("Dockerfile"), dockerfile, mapping, fuzz::sampleImage()).dump(2);
    (void)ballast::dockerfileText(dockerfile, mapping, fuzz::sampleImage());

    // Every fix is checked and applied; re-linting the result costs a whole parse and lint, so only
    // the first few fixed texts are linted again (the fuzzer reorders findings often enough).
    int relinted = 0;
    for (const auto *list : { &findings, &imageFindings }) {
        for (const ballast::LintFinding &finding : *list) {
            std::vector<ballast::LintFix> fixes;
            if (finding.fix)
                fixes.push_back(*finding.fix);
            if (auto ignore = ballast::ignoreFix(dockerfile, finding))
                fixes.push_back(*ignore);
            for (const ballast::LintFix &fix : fixes) {
                checkFix(dockerfile, fix);
                const QString fixed = ballast::applyEdits(text, fix.edits);
                if (relinted++ < 3)
                    (void)ballast::lint(ballast::parseDockerfile(fixed));
            }
        }
    }
    return 0;
}
