#pragma once
#include "editor/DockerfileLinter.h"

#include <QPlainTextEdit>

namespace ballast {

class LayerGutter;

// The Dockerfile text with a gutter that shows, for every instruction that made a layer, its size
// and a heat bar scaled to the heaviest layer (dimmed when measured before the text was edited);
// findings are underlined, marked in the gutter and explained on hover; quick fixes sit in the
// context menu. The instruction of the selected layer is highlighted, never selected: typing must
// not replace it.
class DockerfileEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit DockerfileEditor(QWidget *parent = nullptr);

    // What the gutter shows: line (1-based) → layers; `beforeEdits` dims them all.
    void setLayerLines(std::map<int, LayersAtLine> lines, bool beforeEdits);
    // What each layer installed (describeLayerPackages), by layer: the gutter's tooltip on its line.
    void setLayerPackages(std::map<int, QString> byLayer) { m_layerPackages = std::move(byLayer); }
    // The gutter's tooltip on `line` (1-based): the layer's size, and the packages it installed.
    QString gutterToolTip(int line) const;
    // The findings to underline and mark, and the text they were computed on (for the quick fixes).
    void setFindings(std::vector<ShownFinding> findings, std::shared_ptr<const Dockerfile> dockerfile);
    const std::vector<ShownFinding> &findings() const { return m_findings; }

    // Highlights `instruction` (a cursor spanning it, which keeps following it through edits), puts
    // the text cursor at its start without selecting anything, and scrolls to it.
    void highlightInstruction(const QTextCursor &instruction);
    void clearHighlight();
    void applyFix(const LintFix &fix);

    // For the gutter: the layer and its bytes for an instruction starting on `line` (1-based).
    struct LineLayer {
        int layer = -1; // the last of the instruction's layers (the FROM line has the base image's)
        int64_t bytes = 0;
        bool beforeEdits = false; // measured on the text before the edits
        LintSeverity worst = LintSeverity::Style;
        bool hasFinding = false;
    };
    LineLayer lineInfo(int line) const;
    int64_t heaviestLayerBytes() const { return m_heaviest; }
    int gutterWidth() const;
    LayerGutter *gutter() const { return m_gutter; }

signals:
    void layerClicked(int layer);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class LayerGutter;
    void paintGutter(QPaintEvent *event);
    void updateExtraSelections();
    std::vector<const ShownFinding *> findingsOnLine(int line) const;

    LayerGutter *m_gutter;
    std::vector<ShownFinding> m_findings;
    std::shared_ptr<const Dockerfile> m_dockerfile;
    std::map<int, LayersAtLine> m_layerLines;
    std::map<int, QString> m_layerPackages;
    bool m_beforeEdits = false;
    int64_t m_heaviest = 0;
    QTextCursor m_highlight;
};

} // namespace ballast
