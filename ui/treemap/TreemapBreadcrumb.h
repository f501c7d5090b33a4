#pragma once
#include "tree/MergedTree.h"

#include <QList>
#include <QWidget>

class QHBoxLayout;
class QToolButton;

namespace ballast {

// The path of the treemap's zoom root as clickable segments: "image › usr › lib". Clicking a segment
// zooms out to it; the last one (where the view is) is shown but does nothing.
class TreemapBreadcrumb : public QWidget {
    Q_OBJECT
public:
    explicit TreemapBreadcrumb(QWidget *parent = nullptr);
    void setPath(const MergedTree *tree, MergedTree::NodeId node, const QString &rootLabel);
    // One button per segment, the root first.
    const QList<QToolButton *> &segments() const { return m_segments; }

signals:
    void nodeActivated(MergedTree::NodeId node);

private:
    QHBoxLayout *m_layout;
    QList<QToolButton *> m_segments;
    QList<QWidget *> m_parts; // segments and separators, deleted on the next setPath
};

} // namespace ballast
