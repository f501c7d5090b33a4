#pragma once
#include "source/ImageBuild.h"

#include <QFuture>
#include <QObject>

#include <atomic>
#include <memory>

namespace ballast {

// Runs one image build (runImageBuild) on a worker thread and reports from the GUI thread: each
// line the builder prints, then succeeded, failed or cancelled. A newer start() makes the older build
// stale (it is cancelled, and its signals are dropped).
class BuildRunner : public QObject {
    Q_OBJECT
public:
    explicit BuildRunner(QObject *parent = nullptr);
    ~BuildRunner() override;

    void start(const BuildRequest &request);
    void cancel();
    bool isRunning() const { return m_job != nullptr; }
    // Blocks until the running build (if any) has finished; for tests and shutdown.
    void waitForIdle();

signals:
    void outputLine(const QString &line);
    void succeeded(const ballast::BuildResult &result);
    void failed(const QString &message);
    void cancelled();

private:
    struct Job;
    void finish(const std::shared_ptr<Job> &job);

    std::shared_ptr<Job> m_job;
};

} // namespace ballast
