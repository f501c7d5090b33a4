#include "ImageLoadController.h"

#include "util/LoadError.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace ballast {

struct ImageLoadController::Job {
    quint64 generation = 0;
    QString path;
    std::unique_ptr<ImageLoader> loader;
    QFuture<void> future;
    QElapsedTimer clock;
    bool fetched = false; // the fetch phase was seen and the clock not yet restarted after it
    // Written by the worker, read after the future finished.
    LoadedImage result;
    QString error;
    QList<ImageChoice> choices;
    bool wasCancelled = false;
};

ImageLoadController::ImageLoadController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ballast::LoadedImage>();
    m_pollTimer.setInterval(100);
    connect(&m_pollTimer, &QTimer::timeout, this, &ImageLoadController::poll);
}

ImageLoadController::~ImageLoadController()
{
    cancel();
    waitForIdle();
}

void ImageLoadController::start(const QString &path, const LoadOptions &options)
{
    if (m_job)
        m_job->loader->cancel(); // its result will be stale anyway
    auto job = std::make_shared<Job>();
    job->generation = ++m_generation;
    job->path = path;
    job->loader = std::make_unique<ImageLoader>(options);
    job->clock.start();
    m_job = job;
    job->future = QtConcurrent::run([job] {
        try {
            auto image = job->loader->load(job->path);
            job->result.analysis = std::make_shared<const ImageAnalysis>(analyzeImage(*image));
            job->result.image = std::move(image);
        } catch (const LoadCancelled &) {
            job->wasCancelled = true;
        } catch (const LoadError &error) {
            job->error = error.message();
            job->choices = error.choices();
        } catch (const std::exception &error) {
            job->error = QStringLiteral("%1: %2").arg(job->path, QString::fromLocal8Bit(error.what()));
        }
    });
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        finish(job);
    });
    watcher->setFuture(job->future);
    m_pollTimer.start();
}

void ImageLoadController::cancel()
{
    if (m_job)
        m_job->loader->cancel();
}

void ImageLoadController::waitForIdle()
{
    if (m_job)
        m_job->future.waitForFinished();
}

void ImageLoadController::poll()
{
    if (!m_job)
        return;
    const ImageLoader &loader = *m_job->loader;
    if (loader.isFetching()) { // no total yet: only what has arrived
        m_job->fetched = true;
        emit fetching(m_job->path, loader.bytesFetched());
        return;
    }
    if (std::exchange(m_job->fetched, false))
        m_job->clock.restart(); // time left is estimated from the decoding alone
    const qint64 done = loader.bytesDone(), total = loader.bytesTotal();
    double secondsLeft = -1;
    if (done > 0 && total > done)
        secondsLeft = m_job->clock.elapsed() / 1000.0 * double(total - done) / double(done);
    emit progress(done, total, loader.layersDone(), loader.layersTotal(), secondsLeft);
}

void ImageLoadController::finish(std::shared_ptr<Job> job)
{
    if (job->generation != m_generation)
        return; // a newer load replaced this one
    m_job.reset();
    m_pollTimer.stop();
    if (job->wasCancelled)
        emit cancelled(job->path);
    else if (!job->error.isEmpty())
        emit failed(job->path, job->error, job->choices);
    else
        emit loaded(job->path, job->result);
}

} // namespace ballast
