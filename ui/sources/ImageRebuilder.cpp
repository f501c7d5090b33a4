#include "ImageRebuilder.h"

#include <utility>

#include "BuildLogDialog.h"
#include "BuildRunner.h"
#include "session/ImageSession.h"

#include <QFileInfo>

namespace ballast {

ImageRebuilder::ImageRebuilder(ImageSession *session, QWidget *dialogParent)
    : QObject(session)
    , m_session(session)
    , m_dialogParent(dialogParent)
    , m_runner(new BuildRunner(this))
{
    // B is open (its layers mapped to the Dockerfile) and the session compares A with it: the log did
    // its job, the comparison is what to look at now.
    connect(session, &ImageSession::imageOpened, this,
        [this](const QString &, const LoadedImage &, bool builtFromDockerfile) {
            if (builtFromDockerfile && m_log)
                m_log->hide();
        });
    connect(m_runner, &BuildRunner::outputLine, this, [this](const QString &line) {
        if (m_log)
            m_log->appendLine(line);
    });
    connect(m_runner, &BuildRunner::succeeded, this, &ImageRebuilder::openBuilt);
    connect(m_runner, &BuildRunner::failed, this, [this](const QString &message) {
        if (m_log)
            m_log->showFailed(message);
        emit statusMessage(tr("The build failed: %1").arg(message), 10000);
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
        m_log = new BuildLogDialog(m_dialogParent);
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
    m_before = m_session->currentSource();
    m_beforeImage = m_session->current();
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
    emit statusMessage(tr("Built %1 with %2").arg(result.source, result.builder), 10000);
    emit built(result.source);
    m_session->openRebuilt(result.source, m_before, std::exchange(m_beforeImage, LoadedImage()));
}

} // namespace ballast
