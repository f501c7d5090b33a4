#include "TreemapCanvas.h"

#include "TreemapLabels.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QToolTip>

namespace ballast {

TreemapCanvas::TreemapCanvas(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(120, 80);
}

void TreemapCanvas::setFrame(std::shared_ptr<const TreemapFrame> frame)
{
    m_frame = std::move(frame);
    m_hovered = Tile::NoTile;
    m_selected = Tile::NoTile;
    if (underMouse())
        setHovered(tileAt(mapFromGlobal(QCursor::pos())));
    update();
}

void TreemapCanvas::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void TreemapCanvas::setSelectedTile(uint32_t tile)
{
    if (tile == m_selected)
        return;
    updateTile(m_selected);
    m_selected = tile;
    updateTile(m_selected);
}

QPointF TreemapCanvas::toLayout(QPointF point) const
{
    if (!m_frame || width() <= 0 || height() <= 0)
        return point;
    return { point.x() * m_frame->layout->width() / width(), point.y() * m_frame->layout->height() / height() };
}

QRectF TreemapCanvas::toWidget(const Tile &tile) const
{
    const qreal sx = width() / qreal(m_frame->layout->width()), sy = height() / qreal(m_frame->layout->height());
    return QRectF(tile.x * sx, tile.y * sy, tile.w * sx, tile.h * sy);
}

uint32_t TreemapCanvas::tileAt(QPointF point) const
{
    if (!m_frame)
        return Tile::NoTile;
    const QPointF p = toLayout(point);
    return m_frame->hitGrid->tileAt(float(p.x()), float(p.y()));
}

QString TreemapCanvas::toolTipFor(uint32_t tile) const
{
    return m_frame && tile != Tile::NoTile ? describeTile(*m_frame->layout, tile) : QString();
}

void TreemapCanvas::updateTile(uint32_t tile)
{
    if (m_frame && tile < m_frame->layout->tiles().size())
        update(toWidget(m_frame->layout->tiles()[tile]).toAlignedRect().adjusted(-3, -3, 3, 3));
}

void TreemapCanvas::setHovered(uint32_t tile)
{
    if (tile == m_hovered)
        return;
    updateTile(m_hovered);
    m_hovered = tile;
    updateTile(m_hovered);
    emit hoveredTileChanged(tile);
}

bool TreemapCanvas::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipFor(tileAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    if (event->type() == QEvent::Show)
        emit resized(); // a size set while hidden is only final now
    return QWidget::event(event);
}

void TreemapCanvas::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    if (!m_frame || m_frame->layout->tiles().empty()) {
        painter.fillRect(event->rect(), palette().color(QPalette::Base));
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, m_placeholder);
        return;
    }
    const QImage &image = m_frame->image;
    if (m_frame->layout->width() == float(width()) && m_frame->layout->height() == float(height()))
        painter.drawImage(QPointF(0, 0), image);
    else // waiting for the layout of a new size: stretch the old one meanwhile
        painter.drawImage(QRectF(rect()), image);

    const auto &tiles = m_frame->layout->tiles();
    if (m_selected < tiles.size()) {
        const QRectF r = toWidget(tiles[m_selected]).adjusted(1.5, 1.5, -1.5, -1.5);
        painter.setPen(QPen(QColor(0, 0, 0, 200), 4));
        painter.drawRect(r);
        painter.setPen(QPen(Qt::white, 2));
        painter.drawRect(r);
    }
    if (m_hovered < tiles.size() && m_hovered != m_selected) {
        const QRectF r = toWidget(tiles[m_hovered]).adjusted(0.5, 0.5, -0.5, -0.5);
        painter.setPen(QPen(QColor(0, 0, 0, 160), 1));
        painter.drawRect(r);
        painter.setPen(QPen(Qt::white, 1));
        painter.drawRect(r.adjusted(1, 1, -1, -1));
    }
}

void TreemapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    setHovered(tileAt(event->position()));
    QWidget::mouseMoveEvent(event);
}

void TreemapCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::LeftButton) {
        const uint32_t tile = tileAt(event->position());
        if (tile != Tile::NoTile) {
            setSelectedTile(tile);
            emit tileClicked(tile);
        }
    } else if (event->button() == Qt::BackButton) {
        emit zoomOutRequested();
    }
}

void TreemapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const uint32_t tile = tileAt(event->position());
    if (tile != Tile::NoTile)
        emit tileDoubleClicked(tile);
}

void TreemapCanvas::wheelEvent(QWheelEvent *event)
{
    // One zoom step per notch (120), however finely a touchpad slices it.
    m_wheelDelta += event->angleDelta().y();
    const uint32_t tile = tileAt(event->position());
    while (m_wheelDelta >= 120) {
        m_wheelDelta -= 120;
        emit zoomInRequested(tile);
    }
    while (m_wheelDelta <= -120) {
        m_wheelDelta += 120;
        emit zoomOutRequested();
    }
    event->accept();
}

void TreemapCanvas::leaveEvent(QEvent *event)
{
    setHovered(Tile::NoTile);
    QWidget::leaveEvent(event);
}

void TreemapCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Backspace || (event->key() == Qt::Key_Up && event->modifiers() & Qt::AltModifier)) {
        emit zoomOutRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void TreemapCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    emit resized();
}

} // namespace ballast
