#pragma once
#include "ImageLoader.h"
#include "LoadedImage.h"
#include "compare/CompareLoader.h"
#include "util/ImageChoice.h"

#include <QObject>
#include <functional>
#include <optional>

namespace ballast {

class ImageLoadController;

// What is open: one image, or two compared, and the loads that replace them. It owns the loaders,
// applies the saved load limits to every load, and tells observers what changed. It knows no widget:
// the window and its panes observe it, and only main() knows the window.
class ImageSession : public QObject {
    Q_OBJECT
public:
    // Asked before a loaded image replaces the one open; false keeps the open one.
    using ReplaceGuard = std::function<bool(const QString &source)>;
    // Asked when a source holds several images; the one chosen, or nullopt to open none.
    using Chooser = std::function<std::optional<ImageChoice>(const QString &source, const QList<ImageChoice> &choices)>;

    explicit ImageSession(QObject *parent = nullptr);
    ~ImageSession() override;

    // `source` is a path or a URI (docker://NAME:TAG, registry://HOST/NAME:TAG, …; SourceReference.h).
    // The image open stays open until the new one has loaded; a failed load changes nothing.
    void open(const QString &source, const LoadOptions &options = {});
    // The image open, loaded again with the options it was opened with.
    void reload();
    // Opens the image a build just made from the Dockerfile open, then compares `before` (the image
    // open when the build started) with it, both as they are in memory: loading them again would mean
    // exporting them from the engine again.
    void openRebuilt(const QString &source, const QString &beforeSource, const LoadedImage &before);
    void compare(const QString &sourceA, const QString &sourceB);
    void compareLoaded(const LoadedImage &a, const LoadedImage &b);
    // One image of the comparison, opened alone without loading it again.
    void openCompared(const LoadedImage &side);
    // Stops the load or comparison running; what is open stays open.
    void cancel();

    void setReplaceGuard(ReplaceGuard guard) { m_replaceGuard = std::move(guard); }
    // Without a chooser (unattended runs), a source holding several images fails with a message that
    // lists them.
    void setChooser(Chooser chooser) { m_chooser = std::move(chooser); }

    // A load or comparison is running.
    bool isBusy() const;
    const LoadedImage &current() const { return m_current; }
    // The path or URI of the image open, as it was opened; empty before the first.
    const QString &currentSource() const { return m_currentSource; }
    // The last comparison made (it stays while a single image is shown).
    const LoadedComparison &comparison() const { return m_comparison; }

signals:
    void loadStarted(const QString &source);
    void compareStarted(const QString &sourceA, const QString &sourceB);
    void progress(qint64 bytesDone, qint64 bytesTotal, int layersDone, int layersTotal, double secondsLeft);
    // Instead of progress while an engine saves or a registry sends the image (URI sources).
    void fetching(const QString &source, qint64 bytesReceived);
    // `builtFromDockerfile`: the image comes from openRebuilt(), built from the Dockerfile open now.
    void imageOpened(const QString &source, const ballast::LoadedImage &image, bool builtFromDockerfile);
    // The image that was open has been replaced by another.
    void imageClosed(const QString &source);
    // A loaded image was not opened: the replace guard kept the one open.
    void openDeclined(const QString &source);
    void comparisonReady(const ballast::LoadedComparison &comparison);
    void loadFailed(const QString &source, const QString &message);
    void compareFailed(const QString &message);
    void loadCancelled();
    void compareCancelled();
    void busyChanged(bool busy);
    // Nothing is loading or being compared any more; emitted after the results above.
    void idle();

private:
    void startLoad(const QString &source, const LoadOptions &options);
    void onLoaded(const QString &source, const LoadedImage &loaded);
    void onLoadFailed(const QString &source, const QString &message, const QList<ImageChoice> &choices);
    void onCompared(const LoadedComparison &comparison);
    // Makes `loaded` the open image unless the guard keeps the one open; true when it did.
    bool adopt(const QString &source, const LoadedImage &loaded, const LoadOptions &options, bool builtFromDockerfile);
    void updateBusy();

    ImageLoadController *m_loader;
    CompareLoader *m_compareLoader;
    LoadedImage m_current;
    QString m_currentSource;
    LoadOptions m_currentOptions;
    LoadOptions m_loadingOptions; // of the load running, which become the current ones once it opens
    LoadedComparison m_comparison;
    QString m_rebuiltSource; // the image openRebuilt() is opening
    LoadedImage m_beforeRebuild; // and the image open before it, to compare with
    QString m_beforeRebuildSource;
    ReplaceGuard m_replaceGuard;
    Chooser m_chooser;
    bool m_busy = false;
};

} // namespace ballast
