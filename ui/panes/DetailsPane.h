#pragma once
#include "load/ImageLoadController.h"
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

private:
    LoadedImage m_loaded;
};

} // namespace ballast
