#pragma once
#include "load/ImageLoadController.h"

#include <QObject>
#include <QPointer>

namespace ballast {

class BuildLogDialog;
class BuildRunner;
class MainWindow;
struct BuildResult;

// The Dockerfile pane's Rebuild, end to end: builds the image from the Dockerfile's directory on a
// worker thread with its output in a BuildLogDialog, then opens the new image (B) in the window and
// compares it with the image that was open when Rebuild was clicked (A). A failed or cancelled
// build changes nothing in the window.
class ImageRebuilder : public QObject {
    Q_OBJECT
public:
    explicit ImageRebuilder(MainWindow *window);
    ~ImageRebuilder() override;

    void rebuild(const QString &dockerfilePath);
    BuildRunner *runner() const { return m_runner; }
    BuildLogDialog *logDialog() const;

signals:
    // The build succeeded and `source` (docker://ID …) is being opened.
    void built(const QString &source);

private:
    void openBuilt(const BuildResult &result);
    void compareOnceShown();

    MainWindow *m_window;
    BuildRunner *m_runner;
    QPointer<BuildLogDialog> m_log;
    QString m_before; // the image open when Rebuild was clicked
    LoadedImage m_beforeImage; // and that image itself, compared as it is rather than loaded again
    QString m_pending; // the new build, until the window shows it
};

} // namespace ballast
