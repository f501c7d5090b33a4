#pragma once
#include "TreemapFrame.h"

#include <QWidget>
#include <memory>

namespace ballast {

// Shows a treemap frame's image and draws hover and selection on top of it as overlays, so that
// moving the mouse never repaints a tile. While a resize waits for its new layout the old image is
// stretched, and points are mapped through the same stretch.
class TreemapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit TreemapCanvas(QWidget *parent = nullptr);

    void setFrame(std::shared_ptr<const TreemapFrame> frame);
    const std::shared_ptr<const TreemapFrame> &frame() const { return m_frame; }
    void setPlaceholder(const QString &text);
    void setSelectedTile(uint32_t tile);
    uint32_t selectedTile() const { return m_selected; }
    uint32_t hoveredTile() const { return m_hovered; }

    uint32_t tileAt(QPointF widgetPoint) const;
    QPointF toLayout(QPointF widgetPoint) const;
    QRectF toWidget(const Tile &tile) const;
    // What the tooltip says for a tile (empty for none).
    QString toolTipFor(uint32_t tile) const;

signals:
    void tileClicked(uint32_t tile);
    void tileDoubleClicked(uint32_t tile);
    void zoomInRequested(uint32_t towardsTile);
    void zoomOutRequested();
    void hoveredTileChanged(uint32_t tile);
    void resized();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setHovered(uint32_t tile);
    void updateTile(uint32_t tile);

    std::shared_ptr<const TreemapFrame> m_frame;
    QString m_placeholder;
    uint32_t m_hovered = Tile::NoTile;
    uint32_t m_selected = Tile::NoTile;
    int m_wheelDelta = 0;
};

} // namespace ballast
