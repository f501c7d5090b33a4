#pragma once
#include "dockerfile/mapping/LayerMapping.h"

#include <QFrame>

class QAction;
class QLabel;
class QPushButton;

namespace ballast {

// The strip above the Dockerfile that says when the layer sizes and image hints cannot be taken at
// face value: the Dockerfile does not match the image (then they are hidden; open the Dockerfile
// beside the image, or show them anyway), or the text was edited since the image was built (then
// they are dimmed; Rebuild measures again).
class ImageMatchBar : public QFrame {
    Q_OBJECT
public:
    explicit ImageMatchBar(QAction *rebuild, QWidget *parent = nullptr);
    // `besideImage`: a Dockerfile beside the image, other than the one open, to offer; may be empty.
    void showMismatch(const MappingAgreement &agreement, const QString &besideImage);
    void showBeforeEdits();

    QLabel *messageLabel() const { return m_message; }
    QPushButton *openBesideButton() const { return m_openBeside; }
    QPushButton *showAnywayButton() const { return m_showAnyway; }
    QPushButton *rebuildButton() const { return m_rebuildButton; }

signals:
    void openBesideClicked(const QString &path);
    void showAnywayClicked();

private:
    void setEdgeColor(const char *color);

    QAction *m_rebuild;
    QLabel *m_message;
    QPushButton *m_openBeside;
    QPushButton *m_showAnyway;
    QPushButton *m_rebuildButton;
    QString m_beside;
};

} // namespace ballast
