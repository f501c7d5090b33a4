#pragma once
#include "TreemapColors.h"

#include <QWidget>

namespace ballast {

// The colours of the active colouring with their meaning, as swatches that wrap over lines.
class TreemapLegend : public QWidget {
    Q_OBJECT
public:
    explicit TreemapLegend(QWidget *parent = nullptr);
    void setEntries(std::vector<LegendEntry> entries);
    const std::vector<LegendEntry> &entries() const { return m_entries; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    // Where each entry goes (swatch and label) at a given width.
    std::vector<QRect> place(int width) const;

    std::vector<LegendEntry> m_entries;
};

} // namespace ballast
