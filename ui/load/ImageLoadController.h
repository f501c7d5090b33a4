#pragma once
#include "ImageLoader.h"
#include "LatestResult.h"
#include "LoadedImage.h"
#include "util/ImageChoice.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace ballast {

// Loads and analyses an image on a worker thread, reports progress from the GUI thread by polling the
// loader's counters, and can be cancelled. Each start() makes every earlier job stale: results of a
// stale job are dropped, never delivered.
class ImageLoadController : public QObject {
    Q_OBJECT
public:
    explicit ImageLoadController(QObject *parent = nullptr);
    ~ImageLoadController() override;

    void start(const QString &path, const LoadOptions &options);
    void cancel();
    bool isLoading() const { return m_job != nullptr; }
    // Blocks until the running job (if any) has finished; for tests and shutdown.
    void waitForIdle();

signals:
    void progress(qint64 bytesDone, qint64 bytesTotal, int layersDone, int layersTotal, double secondsLeft);
    // Instead of progress while an engine saves or a registry sends the image (URI sources).
    void fetching(const QString &source, qint64 bytesReceived);
    void loaded(const QString &path, const ballast::LoadedImage &result);
    void failed(const QString &path, const QString &message, const QList<ballast::ImageChoice> &choices);
    void cancelled(const QString &path);

private:
    struct Job;
    // What a load ended with, handed from the worker to the GUI thread.
    struct Outcome {
        QString path;
        LoadedImage result;
        QString error;
        QList<ImageChoice> choices;
        bool wasCancelled = false;
    };
    void finish(const Outcome &outcome);
    void poll();

    std::shared_ptr<Job> m_job; // the newest load, while it runs
    QTimer m_pollTimer;
    LatestResult<Outcome> m_loads { [this](const Outcome &outcome) { finish(outcome); } };
};

} // namespace ballast
