#pragma once
#include "LatestResult.h"
#include "diff/ImageDiff.h"
#include "load/ImageLoadController.h"

#include <QObject>

namespace ballast {

struct LoadedComparison {
    LoadedImage a, b;
    std::shared_ptr<const ImageDiff> diff;
};

// Loads two images side by side (each on its own worker), then computes their diff off the GUI
// thread. A newer start() makes the older comparison stale.
class CompareLoader : public QObject {
    Q_OBJECT
public:
    explicit CompareLoader(QObject *parent = nullptr);
    void start(
        const QString &pathA, const QString &pathB, const LoadOptions &optionsA = {}, const LoadOptions &optionsB = {});
    // Compares two images already in memory: only the diff runs (Rebuild's before and after, where
    // loading again would mean exporting the images from the engine again).
    void compareLoaded(const LoadedImage &a, const LoadedImage &b);
    void cancel();
    bool isLoading() const { return m_loading; }

signals:
    void progress(qint64 bytesDone, qint64 bytesTotal, int layersDone, int layersTotal, double secondsLeft);
    // A side is still being exported by its engine or pulled from its registry (LoadBanner::showFetching).
    void fetching(const QString &source, qint64 bytesReceived);
    void compared(const ballast::LoadedComparison &result);
    void failed(const QString &message);
    void cancelled();

private:
    void maybeDiff();
    void showDiff(std::shared_ptr<const ImageDiff> diff);

    ImageLoadController *m_a;
    ImageLoadController *m_b;
    LoadedComparison m_result;
    LatestResult<std::shared_ptr<const ImageDiff>> m_diffs { [this](std::shared_ptr<const ImageDiff> diff) {
        showDiff(std::move(diff));
    } };
    bool m_loading = false;
    qint64 m_done[2] = { 0, 0 }, m_total[2] = { 0, 0 };
    int m_layersDone[2] = { 0, 0 }, m_layersTotal[2] = { 0, 0 };
    bool m_fetching[2] = { false, false }; // while a side fetches, the banner tells that, not a 0 % bar
};

} // namespace ballast

Q_DECLARE_METATYPE(ballast::LoadedComparison)
