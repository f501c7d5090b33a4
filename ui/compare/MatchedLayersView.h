#pragma once
#include "diff/ImageDiff.h"

#include <QWidget>
#include <memory>

class QTableWidget;
class QTextBrowser;

namespace ballast {

// The layers of A and B as the diff matched them (shared, same step, only A, only B), and below the
// table the steps that made the selected row's layers in A and in B, in full, with the words that
// differ between the two highlighted. Hovering over an instruction shows the same.
class MatchedLayersView : public QWidget {
    Q_OBJECT
public:
    enum Column { LayerAColumn, LayerBColumn, MatchColumn, SizeAColumn, SizeBColumn, InstructionColumn, ColumnCount };

    explicit MatchedLayersView(QWidget *parent = nullptr);
    void setDiff(std::shared_ptr<const ImageDiff> diff);

    QTableWidget *table() const { return m_table; }
    QTextBrowser *detail() const { return m_detail; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        int layerA = -1, layerB = -1;
        QString match;
    };
    void fill();
    void showDetail(int row);
    // The row's two steps as rich text, differing words marked for `background`; a line a side.
    QString stepsHtml(const Row &row, const QColor &background) const;

    std::shared_ptr<const ImageDiff> m_diff;
    std::vector<Row> m_rows;
    QTableWidget *m_table;
    QTextBrowser *m_detail;
};

} // namespace ballast
