#include "ImageSession.h"

#include "load/ImageLoadController.h"
#include "settings/LoadLimitsSettings.h"

#include <utility>

namespace ballast {

ImageSession::ImageSession(QObject *parent)
    : QObject(parent)
    , m_loader(new ImageLoadController(this))
    , m_compareLoader(new CompareLoader(this))
{
    connect(m_loader, &ImageLoadController::progress, this, &ImageSession::progress);
    connect(m_loader, &ImageLoadController::fetching, this, &ImageSession::fetching);
    connect(m_loader, &ImageLoadController::loaded, this, &ImageSession::onLoaded);
    connect(m_loader, &ImageLoadController::failed, this, &ImageSession::onLoadFailed);
    connect(m_loader, &ImageLoadController::cancelled, this, [this] {
        emit loadCancelled();
        updateBusy();
    });
    connect(m_compareLoader, &CompareLoader::progress, this, &ImageSession::progress);
    connect(m_compareLoader, &CompareLoader::fetching, this, &ImageSession::fetching);
    connect(m_compareLoader, &CompareLoader::compared, this, &ImageSession::onCompared);
    connect(m_compareLoader, &CompareLoader::failed, this, [this](const QString &message) {
        emit compareFailed(message);
        updateBusy();
    });
    connect(m_compareLoader, &CompareLoader::cancelled, this, [this] {
        emit compareCancelled();
        updateBusy();
    });
}

ImageSession::~ImageSession() = default;

bool ImageSession::isBusy() const
{
    return m_loader->isLoading() || m_compareLoader->isLoading();
}

void ImageSession::open(const QString &source, const LoadOptions &options)
{
    m_loadingOptions = withSavedLimits(options);
    emit loadStarted(source);
    m_loader->start(source, m_loadingOptions);
    updateBusy();
}

void ImageSession::reload()
{
    if (!m_currentSource.isEmpty())
        open(m_currentSource, m_currentOptions);
}

void ImageSession::openRebuilt(const QString &source, const QString &beforeSource, const LoadedImage &before)
{
    m_rebuiltSource = source;
    m_beforeRebuildSource = beforeSource;
    m_beforeRebuild = before;
    open(source);
}

void ImageSession::compare(const QString &sourceA, const QString &sourceB)
{
    emit compareStarted(sourceA, sourceB);
    m_compareLoader->start(sourceA, sourceB, withSavedLimits({}), withSavedLimits({}));
    updateBusy();
}

void ImageSession::compareLoaded(const LoadedImage &a, const LoadedImage &b)
{
    emit compareStarted(a.image->sourcePath, b.image->sourcePath);
    m_compareLoader->compareLoaded(a, b);
    updateBusy();
}

void ImageSession::openCompared(const LoadedImage &side)
{
    if (side.image == m_current.image)
        return; // already open
    adopt(side.image->sourcePath, side, withSavedLimits({}), false); // what the comparison loaded it with
}

void ImageSession::cancel()
{
    m_loader->cancel();
    m_compareLoader->cancel();
}

void ImageSession::onLoaded(const QString &source, const LoadedImage &loaded)
{
    // Only the next image opened can be the rebuilt one: anything opened meanwhile ends the rebuild.
    const bool rebuilt = !m_rebuiltSource.isEmpty() && std::exchange(m_rebuiltSource, QString()) == source;
    const LoadedImage before = std::exchange(m_beforeRebuild, LoadedImage());
    if (adopt(source, loaded, m_loadingOptions, rebuilt) && rebuilt && before.image && m_beforeRebuildSource != source)
        compareLoaded(before, m_current); // the edit's effect, in view
    updateBusy();
}

void ImageSession::onLoadFailed(const QString &source, const QString &message, const QList<ImageChoice> &choices)
{
    if (choices.isEmpty() || !m_chooser) {
        emit loadFailed(source, message);
        return updateBusy();
    }
    updateBusy(); // nothing loads while the person chooses
    const std::optional<ImageChoice> choice = m_chooser(source, choices);
    if (!choice)
        return;
    LoadOptions options = m_loadingOptions;
    if (!choice->tags.isEmpty())
        options.selection.tag = choice->tags.first();
    if (!choice->platform.isEmpty())
        options.selection.platform = choice->platform;
    open(source, options);
}

void ImageSession::onCompared(const LoadedComparison &comparison)
{
    m_comparison = comparison;
    emit comparisonReady(comparison);
    updateBusy();
}

bool ImageSession::adopt(
    const QString &source, const LoadedImage &loaded, const LoadOptions &options, bool builtFromDockerfile)
{
    if (m_replaceGuard && !m_replaceGuard(source)) {
        emit openDeclined(source);
        return false;
    }
    const QString replaced = m_current.image ? m_currentSource : QString();
    m_current = loaded;
    m_currentSource = source;
    m_currentOptions = options;
    if (!replaced.isNull())
        emit imageClosed(replaced);
    emit imageOpened(source, loaded, builtFromDockerfile);
    return true;
}

void ImageSession::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
    if (!busy)
        emit idle();
}

} // namespace ballast
