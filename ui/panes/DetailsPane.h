#pragma once
#include "LoadedImage.h"
#include "models/TreeScope.h"

#include <QTextBrowser>

namespace ballast {

// Facts about what is selected: the image (with its top findings, each a link to its files), a
// layer, or a file. Links "node:N" ask to select node N in the tree.
class DetailsPane : public QTextBrowser {
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);
    void setImage(const LoadedImage &loaded);
    void showImage();
    void showLayer(int layer);
    void showNode(MergedTree::NodeId node, int layer);

signals:
    void nodeActivated(ballast::MergedTree::NodeId node);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render(const QString &html);
    void showAgain();

    // What is shown, so that a new palette (View › Theme) draws it again in the new colours: the
    // HTML parser fixes a link's colour when it reads the page.
    enum class Shown { Nothing, Image, Layer, Node };
    Shown m_shown = Shown::Nothing;
    int m_shownLayer = -1;
    MergedTree::NodeId m_shownNode = MergedTree::NoNode;
    LoadedImage m_loaded;
};

} // namespace ballast
