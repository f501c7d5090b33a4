#pragma once
#include "LoadedImage.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace ballast {

class BuildLogDialog;
class BuildRunner;
class ImageSession;
struct BuildResult;

// The Dockerfile pane's Rebuild, end to end: builds the image from the Dockerfile's directory on a
// worker thread with its output in a BuildLogDialog, then has the session open the new image (B)
// and compare it with the image that was open when Rebuild was clicked (A). A failed or cancelled
// build changes nothing in the session.
class ImageRebuilder : public QObject {
    Q_OBJECT
public:
    // The log dialog is a child of `dialogParent`.
    ImageRebuilder(ImageSession *session, QWidget *dialogParent);
    ~ImageRebuilder() override;

    void rebuild(const QString &dockerfilePath);
    BuildRunner *runner() const { return m_runner; }
    BuildLogDialog *logDialog() const;

signals:
    // The build succeeded and `source` (docker://ID …) is being opened.
    void built(const QString &source);
    // How the build ended, for a status bar.
    void statusMessage(const QString &message, int timeoutMs);

private:
    void openBuilt(const BuildResult &result);

    ImageSession *m_session;
    QWidget *m_dialogParent;
    BuildRunner *m_runner;
    QPointer<BuildLogDialog> m_log;
    QString m_before; // the image open when Rebuild was clicked
    LoadedImage m_beforeImage; // and that image itself, compared as it is rather than loaded again
};

} // namespace ballast
