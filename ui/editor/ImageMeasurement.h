#pragma once
#include "editor/DockerfileLinter.h"

#include <QTextCursor>
#include <map>
#include <vector>

class QTextDocument;

namespace ballast {

// What the image measured on the Dockerfile text that built it: the layers each instruction made, with
// their sizes, the image rules' findings, and how many steps the image's history confirms. The text
// that built the image is the editor's text when the two were paired (pair()). Each instruction of that
// text is followed through later edits by a QTextCursor spanning it, which the document moves as text
// is inserted and removed around it; so an edited Dockerfile shows each measurement at the line its
// instruction has now, and an instruction deleted by the edits shows none.
class ImageMeasurement {
public:
    explicit ImageMeasurement(QTextDocument *document);

    // Takes the document's text as the text that built the image; the image's results come with
    // setResults().
    void pair();
    void clear();
    bool isPaired() const { return m_paired; }
    const QString &builtText() const { return m_builtText; }
    // The image's check of the built text (DockerfileLinter::measure); false when it is not of this text.
    bool setResults(const DockerfileCheck &check, const Image &image);
    bool hasResults() const { return m_mapping.has_value(); }
    const MappingAgreement &agreement() const { return m_agreement; }

    // The document holds the built text: unedited, or undone back to it.
    bool isCurrent() const { return m_current; }
    // To call after each change of the document. Back at the built text, the instructions are found
    // at their own lines again (undone edits may have moved the cursors that followed them).
    void documentChanged();

    // Line (1-based, as the document is now) → the layers the instructions starting there made.
    std::map<int, LayersAtLine> layersByLine() const;
    // The line where the instruction that made `layer` starts now; -1 when none did or it was deleted.
    int lineOfLayer(int layer) const;
    // The text of that instruction as it is now (null when there is none), to highlight it.
    QTextCursor instructionOfLayer(int layer) const;
    // The image rules' findings at their instructions' lines as they are now. Their quick fixes were
    // computed on the built text: they go once the text differs. Findings of deleted instructions go.
    std::vector<LintFinding> imageFindings() const;

private:
    void anchorInstructions();
    // The span of instruction `index` as the document is now; null when it was deleted.
    QTextCursor spanOf(int index) const;
    int lineOf(int index) const;

    QTextDocument *m_document;
    bool m_paired = false;
    bool m_current = false;
    QString m_builtText;
    Dockerfile m_built; // m_builtText parsed, for the instructions' lines
    std::vector<QTextCursor> m_spans; // per instruction of m_built
    std::optional<LayerMapping> m_mapping;
    MappingAgreement m_agreement;
    std::vector<int64_t> m_layerBytes;
    std::vector<LintFinding> m_imageFindings;
};

} // namespace ballast
