#pragma once
#include "LatestResult.h"
#include "dockerfile/lint/Lint.h"
#include "dockerfile/mapping/LayerMapping.h"
#include "load/ImageLoadController.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace ballast {

struct DockerfileCheck {
    std::shared_ptr<const Dockerfile> dockerfile;
    std::vector<LintFinding> findings;
    std::optional<LayerMapping> mapping; // measured against an image
    QString text; // the text checked
    quint64 revision = 0; // the text revision it was computed for
};

// A finding as the pane shows it: live on the text, or measured by the image on the text that built it
// and shown at the line its instruction has now.
struct ShownFinding {
    LintFinding finding;
    bool beforeEdits = false;
};

// The layers made by the instruction that starts on a line, as the gutter shows them.
struct LayersAtLine {
    std::vector<int> layers;
    int64_t bytes = 0;
};

// Lints off the GUI thread. The editor's text is linted 150 ms after the last change, with the rules
// that read only the text; the newest request wins. The text that built the image is measured once
// per pairing with the image rules and the layer mapping (measure()); the image side of the rules
// (tree walks) is prepared once per image and reused.
class DockerfileLinter : public QObject {
    Q_OBJECT
public:
    explicit DockerfileLinter(QObject *parent = nullptr);
    void setImage(const LoadedImage &image);
    void textChanged(const QString &text, quint64 revision);
    void lintNow(const QString &text, quint64 revision);
    // Lints `text` against the image; measured() delivers it unless a newer measure() came first.
    void measure(const QString &text);
    bool isBusy() const { return m_debounce.isActive() || m_lints.isRunning() || m_measures.isRunning(); }

signals:
    void checked(const ballast::DockerfileCheck &check);
    void measured(const ballast::DockerfileCheck &check);

private:
    using Measurement = std::pair<DockerfileCheck, std::shared_ptr<const ImageLintContext>>;
    void deliverMeasurement(const Measurement &measurement);

    LoadedImage m_image;
    std::shared_ptr<const ImageLintContext> m_context;
    QTimer m_debounce;
    QString m_text;
    quint64 m_revision = 0;
    LatestResult<DockerfileCheck> m_lints { [this](const DockerfileCheck &check) { emit checked(check); } };
    LatestResult<Measurement> m_measures { [this](
                                               const Measurement &measurement) { deliverMeasurement(measurement); } };
};

} // namespace ballast

Q_DECLARE_METATYPE(ballast::DockerfileCheck)
