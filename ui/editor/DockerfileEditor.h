#pragma once
#include "editor/DockerfileLinter.h"

#include <QPlainTextEdit>

namespace ballast {

class LayerGutter;

// The Dockerfile text with a gutter that shows, for every instruction that made a layer, its size
// and a heat bar scaled to the heaviest layer; findings are underlined, marked in the gutter and
// explained on hover; quick fixes sit in the context menu.
class DockerfileEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit DockerfileEditor(QWidget *parent = nullptr);
    void setCheck(const DockerfileCheck &check, const Image *image);
    const DockerfileCheck &check() const { return m_check; }
    // Scrolls to and selects the instruction that made `layer`; false when none did.
    bool revealLayer(int layer);
    void applyFix(const LintFix &fix);
    // For the gutter: the layer and its bytes for an instruction starting on `line` (1-based).
    struct LineLayer {
        int layer = -1;
        int64_t bytes = 0;
        LintSeverity worst = LintSeverity::Style;
        bool hasFinding = false;
    };
    LineLayer lineInfo(int line) const;
    // The line (1-based) of the instruction that made `layer`; -1 when no instruction did.
    int lineOfLayer(int layer) const;
    int64_t heaviestLayerBytes() const { return m_heaviest; }
    int gutterWidth() const;
    LayerGutter *gutter() const { return m_gutter; }

signals:
    void layerClicked(int layer);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    friend class LayerGutter;
    void paintGutter(QPaintEvent *event);
    void updateUnderlines();
    std::vector<const LintFinding *> findingsOnLine(int line) const;

    LayerGutter *m_gutter;
    DockerfileCheck m_check;
    std::map<int, LineLayer> m_lines;
    int64_t m_heaviest = 0;
};

} // namespace ballast
