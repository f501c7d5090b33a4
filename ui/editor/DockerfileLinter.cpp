#include "DockerfileLinter.h"

namespace ballast {

DockerfileLinter::DockerfileLinter(QObject *parent)
    : QObject(parent)
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
    m_lints.cancel(); // newer text is on its way: the running lint is stale
    m_debounce.start(); // busy from the first keystroke
}

void DockerfileLinter::lintNow(const QString &text, quint64 revision)
{
    m_debounce.stop();
    m_text = text;
    m_revision = revision;
    m_lints.start([text, revision](const std::atomic<bool> &) {
        DockerfileCheck check;
        check.revision = revision;
        check.text = text;
        auto dockerfile = std::make_shared<Dockerfile>(parseDockerfile(text));
        check.findings = lint(*dockerfile);
        check.dockerfile = std::move(dockerfile);
        return check;
    });
}

void DockerfileLinter::measure(const QString &text)
{
    auto image = m_image;
    auto context = m_context;
    m_measures.start([text, image, context](const std::atomic<bool> &cancelled) mutable {
        DockerfileCheck check;
        check.text = text;
        auto dockerfile = std::make_shared<Dockerfile>(parseDockerfile(text));
        // Preparing the image side walks the whole tree: not for a pairing already superseded.
        if (image.image && !context && !cancelled)
            context = std::make_shared<const ImageLintContext>(*image.image, *image.analysis);
        if (context && !cancelled) {
            LayerMapping mapping;
            check.findings = lint(*dockerfile, *context, mapping);
            check.mapping = std::move(mapping);
        }
        check.dockerfile = std::move(dockerfile);
        return Measurement { std::move(check), context };
    });
}

void DockerfileLinter::deliverMeasurement(const Measurement &measurement)
{
    const auto &[check, context] = measurement;
    if (!m_context && context && &context->image() == m_image.image.get()) // keep it while the image stays
        m_context = context;
    emit measured(check);
}

} // namespace ballast
