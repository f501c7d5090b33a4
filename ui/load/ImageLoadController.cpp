#include "ImageLoadController.h"

#include "util/LoadError.h"

#include <utility>

namespace ballast {

// What poll() reads while a load runs; the worker shares the loader.
struct ImageLoadController::Job {
    QString path;
    std::shared_ptr<ImageLoader> loader;
    QElapsedTimer clock;
    bool fetched = false; // the fetch phase was seen and the clock not yet restarted after it
};

ImageLoadController::ImageLoadController(QObject *parent)
    : QObject(parent)
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
        m_job->loader->cancel(); // the decoders watch the loader's own flag; its result is stale anyway
    auto job = std::make_shared<Job>();
    job->path = path;
    job->loader = std::make_shared<ImageLoader>(options);
    job->clock.start();
    m_job = job;
    m_loads.start([path, loader = job->loader](const std::atomic<bool> &) {
        Outcome outcome;
        outcome.path = path;
        try {
            auto image = loader->load(path);
            outcome.result.analysis = std::make_shared<const ImageAnalysis>(analyzeImage(*image));
            outcome.result.image = std::move(image);
        } catch (const LoadCancelled &) {
            outcome.wasCancelled = true;
        } catch (const LoadError &error) {
            outcome.error = error.message();
            outcome.choices = error.choices();
        } catch (const std::exception &error) {
            outcome.error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(error.what()));
        }
        return outcome;
    });
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
        m_loads.waitForFinished();
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

void ImageLoadController::finish(const Outcome &outcome)
{
    m_job.reset();
    m_pollTimer.stop();
    if (outcome.wasCancelled)
        emit cancelled(outcome.path);
    else if (!outcome.error.isEmpty())
        emit failed(outcome.path, outcome.error, outcome.choices);
    else
        emit loaded(outcome.path, outcome.result);
}

} // namespace ballast
