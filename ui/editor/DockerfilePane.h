#pragma once
#include "editor/DockerfileLinter.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;

namespace ballast {

class DockerfileDocument;
class DockerfileEditor;
class DockerfileImageBinding;
class FindingsList;
class ImageMatchBar;
class RecoveryBar;

// The Dockerfile of the open image: the editor and its live findings. The file itself (atomic saves, a
// change on disk, autosave and crash recovery) is DockerfileDocument's; the pane asks the person what
// to do with unsaved edits and offers the recovered ones in a bar. The image's side (layer sizes,
// image hints, the mismatch banner) is DockerfileImageBinding's.
class DockerfilePane : public QWidget {
    Q_OBJECT
public:
    explicit DockerfilePane(QWidget *parent = nullptr);
    ~DockerfilePane() override;
    bool openFile(const QString &path, QString *error = nullptr);
    // Leaves the pane without a Dockerfile (the image has none). Ask maybeSave() first.
    void closeFile();
    bool save();
    bool saveAs();
    // Asks what to do with unsaved edits; false when the user cancels.
    bool maybeSave();

    // How the editor's text relates to a new image: a reload of the same image (same config digest)
    // keeps the text that built it; an image built from this text (Rebuild) starts from the text.
    enum class Pairing { SameImageKeepsBuiltText, BuiltFromCurrentText };
    void setImage(const LoadedImage &image, Pairing pairing = Pairing::SameImageKeepsBuiltText);
    // The Dockerfile beside the image, offered when the one open does not match; empty when none.
    void setDockerfileBesideImage(const QString &path);
    void revealLayer(int layer);
    // The line (1-based) of the instruction that made `layer` as the editor shows it now (followed
    // through edits); -1 when none did, or when the Dockerfile does not match the image. Emits
    // layerLinesChanged() whenever the answer may have changed.
    int lineOfLayer(int layer) const;
    // The sizes and image hints shown are those measured on the text that built the image, which the
    // editor no longer holds.
    bool showsMeasurementsBeforeEdits() const;

    const QString &filePath() const;
    bool isModified() const;
    DockerfileDocument *document() const { return m_document.get(); }
    DockerfileEditor *editor() const { return m_editor; }
    FindingsList *findingsList() const { return m_findings; }
    QLabel *summaryLabel() const { return m_summary; }
    ImageMatchBar *imageMatchBar() const { return m_matchBar; }
    DockerfileLinter *linter() const { return m_linter; }
    // Rebuild (Ctrl+B): saves unsaved edits, then asks for the image to be built again from this
    // Dockerfile (rebuildRequested). Enabled while a Dockerfile file is open and a builder is on PATH.
    QAction *rebuildAction() const { return m_rebuild; }
    void requestRebuild();

    // See DockerfileDocument::setAutosaveDelays().
    void setAutosaveDelays(int afterLastEditMs, int atLeastEveryMs);
    // The recovery file holding this buffer's unsaved edits; empty when there is none.
    QString recoveryFilePath() const;
    RecoveryBar *recoveryBar() const { return m_recoveryBar; }
    // Edits left by a session that died are waiting for Restore or Discard in the bar.
    bool hasRecoveryOffer() const;

signals:
    void layerActivated(int layer);
    void layerLinesChanged();
    void fileChanged(const QString &path);
    void rebuildRequested(const QString &dockerfilePath);
    // The person asked for the Dockerfile beside the image (in the mismatch banner).
    void openDockerfileRequested(const QString &path);

private:
    void showCheck(const DockerfileCheck &check);
    void textLoaded(bool sameFile);
    void askToReload();
    void updateTitle();
    void updateRebuildAction();
    void showNextOffer();
    void restoreOffer();

    quint64 m_revision = 0;
    DockerfileEditor *m_editor;
    // Destroyed before the editor (a child widget) and its text: its last autosave reads that text.
    std::unique_ptr<DockerfileDocument> m_document;
    DockerfileLinter *m_linter;
    FindingsList *m_findings;
    QLabel *m_title;
    QLabel *m_summary;
    QAction *m_rebuild;
    ImageMatchBar *m_matchBar;
    DockerfileImageBinding *m_binding;
    RecoveryBar *m_recoveryBar;
};

} // namespace ballast
