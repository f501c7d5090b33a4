#pragma once
#include "analysis/ImageAnalysis.h"
#include "dockerfile/parse/Dockerfile.h"
#include "image/Image.h"

#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace ballast {

// Hints on a Dockerfile: hadolint's rules where the rule is hadolint's (same codes, same severities,
// same `# hadolint ignore=…` pragmas), and Ballast's own BA rules that need the image the Dockerfile
// built (measured bytes per line). One engine for the CLI and the editor.

enum class LintSeverity : uint8_t { Style, Info, Warning, Error };
const char *lintSeverityName(LintSeverity severity);
std::optional<LintSeverity> lintSeverityFromName(const QString &name);

// A text replacement in the Dockerfile: lines and columns 1-based, the end exclusive; an insertion
// has the end equal to the start. Columns count UTF-16 code units.
struct TextEdit {
    int line = 0;
    int column = 0;
    int endLine = 0;
    int endColumn = 0;
    QString newText;
};

struct LintFix {
    QString title;
    std::vector<TextEdit> edits; // non-overlapping, in document order
};

struct LintFinding {
    int line = 0;
    int column = 0;
    int endLine = 0;
    QString rule; // "DL3009", "BA1001", …
    LintSeverity severity = LintSeverity::Info;
    QString message;
    std::optional<int64_t> bytes; // measured in the image (BA rules)
    std::optional<LintFix> fix; // a mechanical quick fix, when there is one
    int instruction = -1; // index into Dockerfile::instructions, -1 for parse errors
    int imageFinding = -1; // BA rules: the ImageAnalysis::findings entry this measures, -1 when none
};

struct HistoryStep;
struct LayerMapping;

// What the image rules need from an image, computed once per image (tree walks, the history read
// back into instructions), so re-linting an edited Dockerfile against the same image stays cheap. It
// refers to the image and the analysis, which must outlive it.
class ImageLintContext {
public:
    ImageLintContext(const Image &image, const ImageAnalysis &analysis);
    ~ImageLintContext();

    const Image &image() const { return m_image; }
    const ImageAnalysis &analysis() const { return m_analysis; }
    const std::vector<HistoryStep> &historySteps() const { return *m_steps; }

    // Bytes of the final filesystem under a finding's directories, by the layer that wrote them.
    struct DirectoryBytes {
        QString category; // the analysis finding's category: "apt-lists", "toolchain", …
        QString title;
        QString advice;
        std::map<int, int64_t> bytesByLayer;
        std::map<int, QString> pathByLayer; // the heaviest of the finding's directories in each layer
        std::map<int, QStringList> pathsByLayer; // all of the finding's directories holding bytes of each layer
        int finding = -1; // index into ImageAnalysis::findings
    };
    const std::vector<DirectoryBytes> &directories() const { return m_directories; }

    // Files a layer adds under directories no image needs (.git, caches, …), grouped by directory.
    struct LayerJunk {
        int64_t bytes = 0;
        std::vector<std::pair<QString, int64_t>> groups; // largest first
    };
    const LayerJunk &junk(int layer) const { return m_junk[size_t(layer)]; }
    // Bytes of regular files a layer stores that only repeat a lower layer's file (same content).
    int64_t metadataOnlyBytes(int layer) const { return m_metadataOnly[size_t(layer)]; }

private:
    const Image &m_image;
    const ImageAnalysis &m_analysis;
    std::unique_ptr<std::vector<HistoryStep>> m_steps;
    std::vector<DirectoryBytes> m_directories;
    std::vector<LayerJunk> m_junk;
    std::vector<int64_t> m_metadataOnly;
};

// All findings, sorted by line. Parse errors come back as BA0000 errors. With an image (and its
// analysis; computed when not given) the BA rules run too.
std::vector<LintFinding> lint(
    const Dockerfile &dockerfile, const Image *image = nullptr, const ImageAnalysis *analysis = nullptr);
std::vector<LintFinding> lint(const Dockerfile &dockerfile, const ImageLintContext &image);
// The same, also handing out the layer mapping the image rules used (the editor's gutter needs it).
std::vector<LintFinding> lint(const Dockerfile &dockerfile, const ImageLintContext &image, LayerMapping &mapping);

// A fix that silences `finding` with a pragma on the line above its instruction: `# hadolint
// ignore=…` for hadolint's codes (extending a pragma already there), `# ballast ignore=…` for ours.
std::optional<LintFix> ignoreFix(const Dockerfile &dockerfile, const LintFinding &finding);

// Whether a pragma of `dockerfile` (`# hadolint ignore=…`, `# ballast ignore=…`, their global forms)
// silences `rule` for the instruction starting on `line`: for findings measured on an earlier version
// of the text, shown at the line their instruction has now.
bool isIgnoredByPragma(const Dockerfile &dockerfile, const QString &rule, int line);

// Applies edits to text (for tests and the CLI); edits must not overlap.
QString applyEdits(const QString &text, std::vector<TextEdit> edits);

struct LintRuleInfo {
    QString code;
    LintSeverity severity;
    QString summary;
    bool needsImage;
};
std::vector<LintRuleInfo> lintRules();

} // namespace ballast
