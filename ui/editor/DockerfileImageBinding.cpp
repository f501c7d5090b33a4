#include "DockerfileImageBinding.h"

#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"
#include "editor/FindingsList.h"
#include "editor/ImageMatchBar.h"

#include <QLabel>
#include <QTextBlock>
#include <QTextDocument>

namespace ballast {

DockerfileImageBinding::DockerfileImageBinding(DockerfilePane *pane, DockerfileLinter *linter, Views views)
    : QObject(pane)
    , m_pane(pane)
    , m_linter(linter)
    , m_views(views)
    , m_measurement(views.editor->document())
{
    connect(m_linter, &DockerfileLinter::measured, this, &DockerfileImageBinding::showMeasurement);
    connect(m_views.matchBar, &ImageMatchBar::showAnywayClicked, this, [this] {
        m_showAnyway = true;
        updateLayerLines();
        updateFindings();
        if (m_layerToReveal >= 0)
            revealLayer(m_layerToReveal);
    });
}

namespace {

// The instruction that starts on `line` (1-based), with the lines its trailing backslashes join.
QString instructionTextAt(const QTextDocument *document, int line)
{
    QString text;
    for (QTextBlock block = document->findBlockByNumber(line - 1); block.isValid(); block = block.next()) {
        text += block.text() + u'\n';
        if (!block.text().trimmed().endsWith(u'\\'))
            break;
    }
    return text;
}

} // namespace

void DockerfileImageBinding::setImage(const LoadedImage &image, Pairing pairing)
{
    const bool sameImage = m_image.image && image.image && !image.image->configDigest.isEmpty()
        && m_image.image->configDigest == image.image->configDigest;
    m_image = image;
    m_layerPackages = image.image && image.analysis ? packagesOfLayers(*image.image, image.analysis->packages)
                                                    : std::vector<LayerPackages> {};
    m_linter->setImage(image);
    if (pairing == Pairing::BuiltFromCurrentText || !sameImage || !m_measurement.isPaired())
        pair();
}

void DockerfileImageBinding::pair()
{
    m_showAnyway = false;
    m_layerToReveal = -1;
    m_views.editor->clearHighlight();
    if (m_image.image && (!m_pane->filePath().isEmpty() || !m_views.editor->document()->isEmpty())) {
        m_measurement.pair();
        m_linter->measure(m_measurement.builtText()); // the image measures it on a worker
    } else {
        m_measurement.clear();
    }
    updateLayerLines();
    updateFindings();
}

void DockerfileImageBinding::setDockerfileBesideImage(const QString &path)
{
    m_besideImage = path;
    updateLayerLines();
}

void DockerfileImageBinding::textChanged()
{
    m_measurement.documentChanged();
    updateLayerLines(); // the findings follow with the next check
}

bool DockerfileImageBinding::showsSizes() const
{
    return m_measurement.hasResults() && (m_measurement.agreement().trusted() || m_showAnyway);
}

void DockerfileImageBinding::revealLayer(int layer)
{
    // Before the image has measured the text there is no mapping yet: reveal it then.
    const QTextCursor instruction = showsSizes() ? m_measurement.instructionOfLayer(layer) : QTextCursor();
    m_layerToReveal = m_measurement.isPaired() && !m_measurement.hasResults() ? layer : -1;
    if (instruction.isNull())
        m_views.editor->clearHighlight();
    else
        m_views.editor->highlightInstruction(instruction);
}

int DockerfileImageBinding::lineOfLayer(int layer) const
{
    return showsSizes() ? m_measurement.lineOfLayer(layer) : -1;
}

void DockerfileImageBinding::showCheck(const DockerfileCheck &check)
{
    // No Dockerfile at all is not an empty Dockerfile with a missing FROM.
    m_liveCheck = m_pane->filePath().isEmpty() && check.text.isEmpty() ? DockerfileCheck() : check;
    updateFindings();
}

void DockerfileImageBinding::showMeasurement(const DockerfileCheck &check)
{
    if (!m_image.image || !m_measurement.setResults(check, *m_image.image))
        return;
    updateLayerLines();
    updateFindings();
    if (m_layerToReveal >= 0)
        revealLayer(m_layerToReveal);
}

// The gutter's sizes, the banner, and the layers' lines for other views: after each edit (their
// places move) and whenever the measurement or the trust in it changes.
void DockerfileImageBinding::updateLayerLines()
{
    const bool sizes = showsSizes();
    const bool beforeEdits = showsMeasurementsBeforeEdits();
    m_views.editor->setLayerLines(sizes ? m_measurement.layersByLine() : std::map<int, LayersAtLine> {}, beforeEdits);
    std::map<int, QString> packagesByLayer;
    for (size_t layer = 0; sizes && layer < m_layerPackages.size(); ++layer) {
        const QString instruction = instructionTextAt(m_views.editor->document(), lineOfLayer(int(layer)));
        const bool aptInstall = instruction.contains(QLatin1String("apt-get install"))
            || instruction.contains(QLatin1String("apt install"));
        packagesByLayer[int(layer)] = describeLayerPackages(
            m_layerPackages[layer], aptInstall && !instruction.contains(QLatin1String("--no-install-recommends")));
    }
    m_views.editor->setLayerPackages(std::move(packagesByLayer));
    if (m_measurement.hasResults() && !sizes)
        m_views.matchBar->showMismatch(
            m_measurement.agreement(), m_besideImage == m_pane->filePath() ? QString() : m_besideImage);
    else if (beforeEdits)
        m_views.matchBar->showBeforeEdits();
    else
        m_views.matchBar->hide();
    std::vector<int> lines;
    for (size_t layer = 0; m_image.image && layer < m_image.image->layers.size(); ++layer)
        lines.push_back(lineOfLayer(int(layer)));
    if (lines != m_shownLayerLines) {
        m_shownLayerLines = std::move(lines);
        emit layerLinesChanged();
    }
}

// The live findings of the text, with the image's findings on the text that built it at the lines
// their instructions have now, unless a pragma of the text silences them there.
void DockerfileImageBinding::updateFindings()
{
    std::vector<ShownFinding> shown;
    for (const LintFinding &finding : m_liveCheck.findings)
        shown.push_back({ finding, false });
    if (showsSizes()) {
        const bool beforeEdits = !m_measurement.isCurrent();
        for (LintFinding finding : m_measurement.imageFindings()) {
            if (beforeEdits && m_liveCheck.dockerfile) {
                // The instruction the text is part of now (after a merge, not the one it started).
                const DockerfileInstruction *now = m_liveCheck.dockerfile->instructionAt(finding.line);
                if (isIgnoredByPragma(*m_liveCheck.dockerfile, finding.rule, now ? now->line : finding.line))
                    continue;
                finding.instruction = now ? now->index : -1; // for "Ignore … here" on the text as it is
            }
            shown.push_back({ std::move(finding), beforeEdits });
        }
    }
    std::stable_sort(shown.begin(), shown.end(), [](const ShownFinding &a, const ShownFinding &b) {
        return std::tie(a.finding.line, a.finding.column) < std::tie(b.finding.line, b.finding.column);
    });
    m_views.editor->setFindings(shown, m_liveCheck.dockerfile);
    m_views.findings->showFindings(shown);
    m_views.summary->setText(DockerfileFindingsModel::summary(shown));
}

} // namespace ballast
