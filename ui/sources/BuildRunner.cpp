#include "BuildRunner.h"

#include "util/LoadError.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace ballast {

struct BuildRunner::Job {
    BuildRequest request;
    std::atomic<bool> cancelled { false };
    QFuture<void> future;
    // Written by the worker, read after the future finished.
    BuildResult result;
    QString error;
    bool wasCancelled = false;
};

BuildRunner::BuildRunner(QObject *parent)
    : QObject(parent)
{ }

BuildRunner::~BuildRunner()
{
    cancel(); // kills the builder; the worker returns promptly
    waitForIdle();
}

void BuildRunner::start(const BuildRequest &request)
{
    cancel();
    auto job = std::make_shared<Job>();
    job->request = request;
    m_job = job;
    // Lines arrive on the worker thread; they are queued to this object, and dropped with it.
    const QPointer<BuildRunner> self(this);
    const auto onOutput = [self, job](const QByteArray &bytes) {
        QString line = QString::fromUtf8(bytes);
        while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
            line.chop(1); // the builder's own indentation stays
        QMetaObject::invokeMethod(
            self,
            [self, job, line] {
                if (self && self->m_job == job)
                    emit self->outputLine(line);
            },
            Qt::QueuedConnection);
    };
    job->future = QtConcurrent::run([job, onOutput] {
        try {
            job->result = runImageBuild(job->request, onOutput, job->cancelled);
        } catch (const LoadCancelled &) {
            job->wasCancelled = true;
        } catch (const LoadError &error) {
            job->error = error.message();
        } catch (const std::exception &error) {
            job->error = QString::fromLocal8Bit(error.what());
        }
    });
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        finish(job);
    });
    watcher->setFuture(job->future);
}

void BuildRunner::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}

void BuildRunner::waitForIdle()
{
    if (m_job)
        m_job->future.waitForFinished();
}

void BuildRunner::finish(const std::shared_ptr<Job> &job)
{
    if (job != m_job)
        return; // a newer build replaced this one
    m_job.reset();
    if (job->wasCancelled)
        emit cancelled();
    else if (!job->error.isEmpty())
        emit failed(job->error);
    else
        emit succeeded(job->result);
}

} // namespace ballast
