#pragma once
#include "dockerfile/LayerMapping.h"
#include "dockerfile/Lint.h"
#include "load/ImageLoadController.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace ballast {

struct DockerfileCheck {
    std::shared_ptr<const Dockerfile> dockerfile;
    std::vector<LintFinding> findings;
    std::optional<LayerMapping> mapping; // with an image
    quint64 revision = 0;                 // the text revision it was computed for
};

// Re-lints the editor's text off the GUI thread, 150 ms after the last change; the newest request
// wins. The image side of the rules (tree walks) is prepared once per image and reused.
class DockerfileLinter : public QObject {
    Q_OBJECT
public:
    explicit DockerfileLinter(QObject *parent = nullptr);
    void setImage(const LoadedImage &image);
    void textChanged(const QString &text, quint64 revision);
    void lintNow(const QString &text, quint64 revision);
    bool isBusy() const { return m_pending != m_delivered; }

signals:
    void checked(const ballast::DockerfileCheck &check);

private:
    LoadedImage m_image;
    std::shared_ptr<const ImageLintContext> m_context;
    QTimer m_debounce;
    QString m_text;
    quint64 m_revision = 0;
    quint64 m_pending = 0, m_delivered = 0;
};

} // namespace ballast

Q_DECLARE_METATYPE(ballast::DockerfileCheck)
