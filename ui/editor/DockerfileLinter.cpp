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
    if (image.image != m_image.image)
        m_context.reset(); // it refers to the old image: drop it first. Rebuilt lazily on the worker.
    m_image = image;
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
    auto *watcher = new QFutureWatcher<DockerfileCheck>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        if (request != m_pending)
            return; // newer text is on its way
        m_delivered = request;
        emit checked(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([text, revision] {
        DockerfileCheck check;
        check.revision = revision;
        check.text = text;
        auto dockerfile = std::make_shared<Dockerfile>(parseDockerfile(text));
        check.findings = lint(*dockerfile);
        check.dockerfile = std::move(dockerfile);
        return check;
    }));
}

void DockerfileLinter::measure(const QString &text)
{
    const quint64 request = ++m_measureRequest;
    m_measuring = true;
    auto image = m_image;
    auto context = m_context;
    auto *watcher = new QFutureWatcher<std::pair<DockerfileCheck, std::shared_ptr<const ImageLintContext>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        auto [check, context] = watcher->result();
        if (!m_context && context && &context->image() == m_image.image.get()) // keep it while the image stays
            m_context = context;
        if (request != m_measureRequest)
            return; // a newer pairing is on its way
        m_measuring = false;
        emit measured(check);
    });
    watcher->setFuture(QtConcurrent::run([text, image, context]() mutable {
        DockerfileCheck check;
        check.text = text;
        auto dockerfile = std::make_shared<Dockerfile>(parseDockerfile(text));
        if (image.image && !context)
            context = std::make_shared<const ImageLintContext>(*image.image, *image.analysis);
        if (context) {
            LayerMapping mapping;
            check.findings = lint(*dockerfile, *context, mapping);
            check.mapping = std::move(mapping);
        }
        check.dockerfile = std::move(dockerfile);
        return std::make_pair(std::move(check), context);
    }));
}

} // namespace ballast
