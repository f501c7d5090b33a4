#pragma once
#include "models/TreeScope.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace ballast {

// What a filter hides, in words: "≥ 1 MB, search 'apt', hiding unchanged". Empty for a filter that
// hides nothing. The mode (aggregated or layer changes) is a view of the layer, not a filter.
QString describeFilter(const TreeFilter &filter);

// "filtered: ≥ 1 MB, search 'apt' · Clear", above every view that the file tree's filter narrows, so
// that no view is silently partial. Hidden while the filter hides nothing; Clear asks for it to go.
class FilterChip : public QWidget {
    Q_OBJECT
public:
    explicit FilterChip(QWidget *parent = nullptr);
    void setFilter(const TreeFilter &filter);
    QString text() const;
    QToolButton *clearButton() const { return m_clear; }

signals:
    void clearRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_label;
    QToolButton *m_clear;
};

// What an empty view says when the filter left nothing in it: "No file matches the filter (…)" and a
// Clear button, centred over the view.
class FilteredOutNote : public QWidget {
    Q_OBJECT
public:
    explicit FilteredOutNote(QWidget *parent = nullptr);
    void setText(const QString &text);
    QString text() const;
    QToolButton *clearButton() const { return m_clear; }

signals:
    void clearRequested();

private:
    QLabel *m_label;
    QToolButton *m_clear;
};

} // namespace ballast
