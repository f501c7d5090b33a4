#pragma once
#include "editor/DockerfileLinter.h"
#include "editor/ImageMeasurement.h"
#include "report/LayerPackages.h"

#include <QObject>

class QLabel;

namespace ballast {

class DockerfileEditor;
class DockerfilePane;
class FindingsList;
class ImageMatchBar;

// The image side of the Dockerfile pane: pairs the editor's text with the open image, has the image
// measure it (DockerfileLinter::measure), and shows what it measured in the editor's gutter, the
// findings list and the banner: hidden when the Dockerfile does not match the image, dimmed at the
// lines their instructions have now once the text is edited, live again when the edits are undone
// or the image is built again. The text-only findings stay live throughout.
class DockerfileImageBinding : public QObject {
    Q_OBJECT
public:
    struct Views {
        DockerfileEditor *editor;
        FindingsList *findings;
        QLabel *summary;
        ImageMatchBar *matchBar;
    };
    DockerfileImageBinding(DockerfilePane *pane, DockerfileLinter *linter, Views views);

    enum class Pairing { SameImageKeepsBuiltText, BuiltFromCurrentText };
    void setImage(const LoadedImage &image, Pairing pairing);
    // The editor's text (a Dockerfile opened, or none left) becomes the text that built the image.
    void pair();
    bool isPaired() const { return m_measurement.isPaired(); }
    void setDockerfileBesideImage(const QString &path);
    void textChanged();
    void revealLayer(int layer);
    int lineOfLayer(int layer) const;
    bool showsSizes() const;
    bool showsMeasurementsBeforeEdits() const { return showsSizes() && !m_measurement.isCurrent(); }
    void showCheck(const DockerfileCheck &check);

signals:
    void layerLinesChanged();

private:
    void showMeasurement(const DockerfileCheck &check);
    void updateLayerLines();
    void updateFindings();

    const DockerfilePane *m_pane;
    DockerfileLinter *m_linter;
    Views m_views;
    LoadedImage m_image;
    ImageMeasurement m_measurement;
    DockerfileCheck m_liveCheck;
    QString m_besideImage;
    bool m_showAnyway = false; // the person chose to see the sizes of a mismatched Dockerfile
    int m_layerToReveal = -1;
    std::vector<int> m_shownLayerLines; // lineOfLayer() of each layer, as last announced
    std::vector<LayerPackages> m_layerPackages; // per layer of m_image, what it installed
};

} // namespace ballast
