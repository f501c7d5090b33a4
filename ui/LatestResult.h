#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <functional>
#include <memory>

namespace ballast {

// "Newest request wins" background work. start() runs the work on the global thread pool and hands
// its result to `deliver` on the thread that owns this object (the GUI thread), unless a newer
// start() or cancel() came first: then the older work is told to stop (the flag it is given turns
// true; it should poll it where that is cheap) and whatever it returns is dropped, never delivered.
// The newest result is delivered exactly once. Destroying this object while work runs is safe: the
// work is told to stop, keeps only what it captured, and its result goes nowhere.
//
// The work must not throw unless it was cancelled (a cancelled job's outcome is never looked at).
template <typename T> class LatestResult {
public:
    using Work = std::function<T(const std::atomic<bool> &cancelled)>;
    using Deliver = std::function<void(T result)>;

    explicit LatestResult(Deliver deliver)
        : m_deliver(std::move(deliver))
    { }
    LatestResult(const LatestResult &) = delete; // the watchers' callbacks point at this object
    LatestResult &operator=(const LatestResult &) = delete;
    ~LatestResult()
    {
        cancel();
        m_context.reset(); // deletes the watchers: nothing can be delivered any more
    }

    // Supersedes the running work, if any, and starts `work`.
    void start(Work work)
    {
        cancel();
        auto cancelled = std::make_shared<std::atomic<bool>>(false);
        m_cancelRunning = cancelled;
        const quint64 serial = ++m_serial;
        auto *watcher = new QFutureWatcher<T>(m_context.get());
        QObject::connect(watcher, &QFutureWatcherBase::finished, m_context.get(), [this, watcher, serial] {
            watcher->deleteLater();
            if (serial != m_serial)
                return; // superseded or cancelled: its result is stale
            m_cancelRunning.reset();
            m_deliver(watcher->future().takeResult());
        });
        m_running = QtConcurrent::run([work = std::move(work), cancelled] { return work(*cancelled); });
        watcher->setFuture(m_running);
    }

    // Tells the running work to stop and drops its result.
    void cancel()
    {
        if (!m_cancelRunning)
            return;
        m_cancelRunning->store(true);
        m_cancelRunning.reset();
        ++m_serial;
    }

    // True from start() until its result is delivered (or the work is cancelled).
    bool isRunning() const { return m_cancelRunning != nullptr; }

    // Blocks until the newest work returned (its result is delivered later, from the event loop).
    void waitForFinished()
    {
        if (m_running.isValid())
            m_running.waitForFinished();
    }

private:
    Deliver m_deliver;
    std::unique_ptr<QObject> m_context = std::make_unique<QObject>(); // parent of the watchers
    std::shared_ptr<std::atomic<bool>> m_cancelRunning; // the flag of the work still wanted
    QFuture<T> m_running;
    quint64 m_serial = 0;
};

} // namespace ballast
