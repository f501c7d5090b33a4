#pragma once
#include "editor/DockerfileLinter.h"

#include <QFileSystemWatcher>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace ballast {

class DockerfileEditor;

// The Dockerfile beside the image: the editor, live findings, and the file itself. Saves are atomic
// (QSaveFile); unsaved edits are guarded; a change on disk is noticed.
class DockerfilePane : public QWidget {
    Q_OBJECT
public:
    explicit DockerfilePane(QWidget *parent = nullptr);
    bool openFile(const QString &path, QString *error = nullptr);
    bool save();
    bool saveAs();
    // Asks what to do with unsaved edits; false when the user cancels.
    bool maybeSave();
    void setImage(const LoadedImage &image);
    void revealLayer(int layer);

    const QString &filePath() const { return m_path; }
    bool isModified() const;
    DockerfileEditor *editor() const { return m_editor; }
    QTreeWidget *findingsList() const { return m_findings; }
    DockerfileLinter *linter() const { return m_linter; }

signals:
    void layerActivated(int layer);
    void fileChanged(const QString &path);

private:
    void showCheck(const DockerfileCheck &check);
    void reloadFromDisk();
    void updateTitle();

    QString m_path;
    quint64 m_revision = 0;
    bool m_savingNow = false;
    int m_layerToReveal = -1;
    LoadedImage m_image;
    DockerfileEditor *m_editor;
    DockerfileLinter *m_linter;
    QTreeWidget *m_findings;
    QLabel *m_title;
    QLabel *m_summary;
    QFileSystemWatcher m_watcher;
};

} // namespace ballast
