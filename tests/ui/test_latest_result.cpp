// LatestResult: "newest request wins" background work. Jobs are held on semaphores so that the order
// in which they finish is fixed by the test, not by the scheduler.
#include "LatestResult.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>

using namespace ballast;

namespace {

// A job that returns `value` once the test releases it, and records whether it was told to stop.
struct HeldJob {
    std::shared_ptr<QSemaphore> release = std::make_shared<QSemaphore>();
    std::shared_ptr<std::atomic<bool>> sawCancel = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> returned = std::make_shared<std::atomic<bool>>(false);

    HeldJob() = default;
    HeldJob(const HeldJob &) = delete;
    ~HeldJob() { release->release(); } // a failed check must not leave a pool thread blocked for good

    std::function<int(const std::atomic<bool> &)> work(int value) const
    {
        return
            [value, release = release, sawCancel = sawCancel, returned = returned](const std::atomic<bool> &cancelled) {
                release->acquire();
                sawCancel->store(cancelled.load());
                returned->store(true);
                return value;
            };
    }
};

// Lets queued deliveries (QFutureWatcher's finished signal) reach the test thread.
void processEventsBriefly()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(10);
    }
}

// Waits for every job to return, then lets their deliveries, if any, arrive.
void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    processEventsBriefly();
}

} // namespace

class TestLatestResult : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Held jobs each block a pool thread: make room for the two a test holds at once.
        QThreadPool::globalInstance()->setMaxThreadCount(std::max(4, QThreadPool::globalInstance()->maxThreadCount()));
    }

    void deliversTheResultOnTheOwnersThread()
    {
        std::vector<int> delivered;
        QThread *deliveredOn = nullptr;
        LatestResult<int> latest([&](int value) {
            delivered.push_back(value);
            deliveredOn = QThread::currentThread();
        });
        latest.start([](const std::atomic<bool> &) { return 42; });
        QVERIFY(latest.isRunning());
        QTRY_COMPARE(delivered.size(), size_t(1));
        QCOMPARE(delivered.front(), 42);
        QCOMPARE(deliveredOn, QThread::currentThread());
        QVERIFY(!latest.isRunning());
    }

    void dropsAResultThatArrivesAfterANewerStart()
    {
        std::vector<int> delivered;
        LatestResult<int> latest([&](int value) { delivered.push_back(value); });
        HeldJob older, newer;
        latest.start(older.work(1));
        latest.start(newer.work(2));
        newer.release->release();
        QTRY_COMPARE(delivered.size(), size_t(1));
        QCOMPARE(delivered.front(), 2);
        // The older job returns only now, after the newer result was shown: it must not replace it.
        older.release->release();
        settle();
        QVERIFY(older.returned->load());
        QCOMPARE(delivered, std::vector<int> { 2 });
    }

    void dropsAStaleResultThatArrivesFirst()
    {
        std::vector<int> delivered;
        LatestResult<int> latest([&](int value) { delivered.push_back(value); });
        HeldJob older, newer;
        latest.start(older.work(1));
        latest.start(newer.work(2));
        older.release->release();
        QTRY_VERIFY(older.returned->load());
        processEventsBriefly(); // the newer job is still held: do not wait for the pool
        QVERIFY(delivered.empty()); // the stale result was dropped, and the newest is still running
        QVERIFY(latest.isRunning());
        newer.release->release();
        QTRY_COMPARE(delivered, std::vector<int> { 2 });
    }

    void theSupersededJobSeesItsCancellation()
    {
        LatestResult<int> latest([](int) {});
        HeldJob older, newer;
        latest.start(older.work(1));
        latest.start(newer.work(2));
        older.release->release();
        newer.release->release();
        settle();
        QVERIFY(older.sawCancel->load());
        QVERIFY(!newer.sawCancel->load()); // the newest is not cancelled
    }

    void aJobPollingItsFlagStopsEarly()
    {
        // A job that would run for a minute unless told to stop, as a tree walk polls between nodes.
        std::vector<int> delivered;
        LatestResult<int> latest([&](int value) { delivered.push_back(value); });
        auto started = std::make_shared<QSemaphore>();
        latest.start([started](const std::atomic<bool> &cancelled) {
            started->release();
            QDeadlineTimer deadline(60000);
            while (!cancelled.load() && !deadline.hasExpired())
                QThread::msleep(1);
            return cancelled.load() ? -1 : 1;
        });
        QVERIFY(started->tryAcquire(1, 10000));
        QElapsedTimer clock;
        clock.start();
        latest.start([](const std::atomic<bool> &) { return 2; });
        QTRY_COMPARE(delivered, std::vector<int> { 2 });
        QThreadPool::globalInstance()->waitForDone();
        QVERIFY2(clock.elapsed() < 30000, "the superseded job did not stop when told to");
        settle();
        QCOMPARE(delivered, std::vector<int> { 2 });
    }

    void theNewestOfManyIsDeliveredExactlyOnce()
    {
        std::vector<int> delivered;
        LatestResult<int> latest([&](int value) { delivered.push_back(value); });
        for (int i = 1; i <= 50; ++i)
            latest.start([i](const std::atomic<bool> &) { return i; });
        settle();
        QCOMPARE(delivered, std::vector<int> { 50 });
        QVERIFY(!latest.isRunning());
    }

    void cancelDropsTheRunningResult()
    {
        std::vector<int> delivered;
        LatestResult<int> latest([&](int value) { delivered.push_back(value); });
        HeldJob job;
        latest.start(job.work(7));
        latest.cancel();
        QVERIFY(!latest.isRunning());
        job.release->release();
        settle();
        QVERIFY(job.sawCancel->load());
        QVERIFY(delivered.empty());
        // And it is usable again afterwards.
        latest.start([](const std::atomic<bool> &) { return 8; });
        QTRY_COMPARE(delivered, std::vector<int> { 8 });
    }

    void destroyingWhileWorkRunsNeitherCrashesNorDelivers()
    {
        auto delivered = std::make_shared<std::vector<int>>();
        HeldJob job;
        auto latest = std::make_unique<LatestResult<int>>([delivered](int value) { delivered->push_back(value); });
        latest->start(job.work(3));
        latest.reset();
        job.release->release();
        settle();
        QVERIFY(job.returned->load());
        QVERIFY(job.sawCancel->load());
        QVERIFY(delivered->empty());
    }

    void destroyingAfterTheWorkReturnedButBeforeDeliveryDoesNotDeliver()
    {
        auto delivered = std::make_shared<std::vector<int>>();
        HeldJob job;
        auto latest = std::make_unique<LatestResult<int>>([delivered](int value) { delivered->push_back(value); });
        latest->start(job.work(4));
        job.release->release();
        latest->waitForFinished(); // returned; its delivery is queued, not yet processed
        QVERIFY(job.returned->load());
        latest.reset();
        settle();
        QVERIFY(delivered->empty());
    }

    void waitForFinishedBlocksUntilTheWorkReturned()
    {
        std::vector<int> delivered;
        LatestResult<int> latest([&](int value) { delivered.push_back(value); });
        latest.start([](const std::atomic<bool> &) {
            QThread::msleep(50);
            return 5;
        });
        latest.waitForFinished();
        QVERIFY(delivered.empty()); // delivery waits for the event loop
        QTRY_COMPARE(delivered, std::vector<int> { 5 });
    }
};

QTEST_GUILESS_MAIN(TestLatestResult)
#include "test_latest_result.moc"
