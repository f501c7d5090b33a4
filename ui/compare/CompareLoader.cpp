#include "CompareLoader.h"

#include "util/LoadError.h"

namespace ballast {

CompareLoader::CompareLoader(QObject *parent)
    : QObject(parent)
    , m_a(new ImageLoadController(this))
    , m_b(new ImageLoadController(this))
{
    qRegisterMetaType<ballast::LoadedComparison>();
    int side = 0;
    for (ImageLoadController *loader : { m_a, m_b }) {
        connect(loader, &ImageLoadController::progress, this,
            [this, side](qint64 done, qint64 total, int layersDone, int layersTotal, double) {
                if (!m_loading) // the other side failed: its message must stay, not be overwritten by progress
                    return;
                m_done[side] = done;
                m_total[side] = total;
                m_layersDone[side] = layersDone;
                m_layersTotal[side] = layersTotal;
                m_fetching[side] = false;
                if (m_fetching[1 - side])
                    return;
                emit progress(m_done[0] + m_done[1], m_total[0] + m_total[1], m_layersDone[0] + m_layersDone[1],
                    m_layersTotal[0] + m_layersTotal[1], -1);
            });
        connect(loader, &ImageLoadController::fetching, this, [this, side](const QString &source, qint64 bytes) {
            if (!m_loading)
                return;
            m_fetching[side] = true;
            emit fetching(source, bytes);
        });
        connect(loader, &ImageLoadController::loaded, this, [this, side](const QString &, const LoadedImage &image) {
            m_fetching[side] = false;
            (side == 0 ? m_result.a : m_result.b) = image;
            maybeDiff();
        });
        connect(loader, &ImageLoadController::failed, this,
            [this](const QString &, const QString &message, const QList<ImageChoice> &choices) {
                cancel();
                m_loading = false;
                emit failed(choices.isEmpty() ? message : message + QStringLiteral(" (open it alone first to choose)"));
            });
        connect(loader, &ImageLoadController::cancelled, this, [this] {
            if (m_loading) {
                m_loading = false;
                cancel();
                emit cancelled();
            }
        });
        ++side;
    }
}

void CompareLoader::start(
    const QString &pathA, const QString &pathB, const LoadOptions &optionsA, const LoadOptions &optionsB)
{
    m_diffs.cancel(); // the diff of the pair before is stale
    m_result = {};
    m_loading = true;
    m_done[0] = m_done[1] = m_total[0] = m_total[1] = 0;
    m_fetching[0] = m_fetching[1] = false;
    m_a->start(pathA, optionsA);
    m_b->start(pathB, optionsB);
}

void CompareLoader::compareLoaded(const LoadedImage &a, const LoadedImage &b)
{
    m_diffs.cancel();
    m_a->cancel();
    m_b->cancel();
    m_result = { a, b, {} };
    m_loading = true;
    maybeDiff();
}

void CompareLoader::cancel()
{
    m_a->cancel();
    m_b->cancel();
}

void CompareLoader::maybeDiff()
{
    if (!m_result.a.image || !m_result.b.image)
        return;
    auto a = m_result.a.image, b = m_result.b.image;
    m_diffs.start([a, b](const std::atomic<bool> &cancelled) -> std::shared_ptr<const ImageDiff> {
        try {
            return std::make_shared<const ImageDiff>(ImageDiff::compute(a, b, &cancelled));
        } catch (const LoadCancelled &) {
            return nullptr; // superseded: never delivered
        }
    });
}

void CompareLoader::showDiff(std::shared_ptr<const ImageDiff> diff)
{
    m_result.diff = std::move(diff);
    m_loading = false;
    emit compared(m_result);
}

} // namespace ballast
