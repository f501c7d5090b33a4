#pragma once
#include "tree/MergedTree.h"

#include <QToolButton>

namespace ballast {

// A show/hide toggle for one status of the file tree that reads on or off at a glance in any theme:
// on, it is framed and tinted in the status colour with a ticked box; off, its frame is dashed, its
// box empty and its text greyed and struck through. Painted from the palette at paint time, so a
// theme switch needs no restyling.
class StatusToggle : public QToolButton {
    Q_OBJECT
public:
    StatusToggle(NodeStatus status, const QString &text, const QString &toolTip, QWidget *parent = nullptr);
    NodeStatus status() const { return m_status; }
    // The colour that marks the toggle as on: its status colour in the current palette.
    QColor accentColor() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRectF boxRect() const;

    NodeStatus m_status;
};

} // namespace ballast
