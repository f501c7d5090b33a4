#include "DockerfileLinter.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace ballast {

DockerfileLinter::DockerfileLinter(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ballast::DockerfileCheck>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, [this] { lintNow(m_text, m_revision); });
}

void DockerfileLinter::setImage(const LoadedImage &image)
{
    m_context.reset(); // it refers to the old image: drop it first. Rebuilt lazily on the worker.
    m_image = image;
    if (m_revision)
        lintNow(m_text, m_revision);
}

void DockerfileLinter::textChanged(const QString &text, quint64 revision)
{
    m_text = text;
    m_revision = revision;
    ++m_pending; // busy from the first keystroke
    m_debounce.start();
}

void DockerfileLinter::lintNow(const QString &text, quint64 revision)
{
    m_debounce.stop();
    m_text = text;
    m_revision = revision;
    const quint64 request = ++m_pending;
    auto image = m_image;
    auto context = m_context;
    auto *watcher = new QFutureWatcher<std::pair<DockerfileCheck, std::shared_ptr<const ImageLintContext>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        auto [check, context] = watcher->result();
        if (!m_context && context && &context->image() == m_image.image.get()) // keep it while the image stays
            m_context = context;
        if (request != m_pending)
            return; // newer text is on its way
        m_delivered = request;
        emit checked(check);
    });
    watcher->setFuture(QtConcurrent::run([text, revision, image, context]() mutable {
        DockerfileCheck check;
        check.revision = revision;
        auto dockerfile = std::make_shared<Dockerfile>(parseDockerfile(text));
        if (image.image && !context)
            context = std::make_shared<const ImageLintContext>(*image.image, *image.analysis);
        if (context) { // the rules map lines to layers anyway: keep their mapping for the gutter
            LayerMapping mapping;
            check.findings = lint(*dockerfile, *context, mapping);
            check.mapping = std::move(mapping);
        } else {
            check.findings = lint(*dockerfile);
        }
        check.dockerfile = std::move(dockerfile);
        return std::make_pair(std::move(check), context);
    }));
}

} // namespace ballast
