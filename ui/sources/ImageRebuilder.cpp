#include "ImageRebuilder.h"

#include <utility>

#include "BuildLogDialog.h"
#include "BuildRunner.h"
#include "MainWindow.h"
#include "editor/DockerfilePane.h"

#include <QFileInfo>
#include <QStatusBar>

namespace ballast {

ImageRebuilder::ImageRebuilder(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_runner(new BuildRunner(this))
{
    connect(window->dockerfilePane(), &DockerfilePane::rebuildRequested, this, &ImageRebuilder::rebuild);
    connect(window, &MainWindow::imageShown, this, &ImageRebuilder::compareOnceShown);
    connect(m_runner, &BuildRunner::outputLine, this, [this](const QString &line) {
        if (m_log)
            m_log->appendLine(line);
    });
    connect(m_runner, &BuildRunner::succeeded, this, &ImageRebuilder::openBuilt);
    connect(m_runner, &BuildRunner::failed, this, [this](const QString &message) {
        if (m_log)
            m_log->showFailed(message);
        m_window->statusBar()->showMessage(tr("The build failed: %1").arg(message), 10000);
    });
    connect(m_runner, &BuildRunner::cancelled, this, [this] {
        if (m_log)
            m_log->showCancelled();
    });
}

ImageRebuilder::~ImageRebuilder() = default;

BuildLogDialog *ImageRebuilder::logDialog() const
{
    return m_log;
}

void ImageRebuilder::rebuild(const QString &dockerfilePath)
{
    if (!m_log) {
        m_log = new BuildLogDialog(m_window);
        connect(m_log, &BuildLogDialog::cancelRequested, m_runner, &BuildRunner::cancel);
    }
    if (m_runner->isRunning()) { // one build at a time: show the one running
        m_log->show();
        m_log->raise();
        return;
    }
    const QFileInfo dockerfile(dockerfilePath);
    BuildRequest request;
    request.buildArgs = { QStringLiteral("-f"), dockerfile.absoluteFilePath() };
    request.contextDir = dockerfile.absolutePath();
    m_before = m_window->currentSource();
    m_beforeImage = m_window->current();
    m_pending.clear();
    const QStringList builders = availableBuilders();
    // With several builders the core picks one (docker only when its engine answers); it names it at the end.
    m_log->startBuild(dockerfile.absoluteFilePath(), builders.size() == 1 ? builders.first() : QString());
    m_log->show();
    m_log->raise();
    m_runner->start(request);
}

void ImageRebuilder::openBuilt(const BuildResult &result)
{
    if (m_log)
        m_log->showSucceeded(result.source);
    m_window->statusBar()->showMessage(tr("Built %1 with %2").arg(result.source, result.builder), 10000);
    m_pending = result.source;
    emit built(result.source);
    m_window->openImage(result.source);
}

// B is open (its layers mapped to the Dockerfile): now A ↔ B, so that the edit's effect is in view.
void ImageRebuilder::compareOnceShown()
{
    if (m_pending.isEmpty())
        return;
    const QString built = std::exchange(m_pending, QString());
    if (m_window->currentSource() != built)
        return; // something else was opened meanwhile
    if (m_log)
        m_log->hide(); // it did its job; the comparison is what to look at now
    if (m_beforeImage.image && m_before != built)
        m_window->compareLoadedImages(std::exchange(m_beforeImage, LoadedImage()), m_window->current());
}

} // namespace ballast
