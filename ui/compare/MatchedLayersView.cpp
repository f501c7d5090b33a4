#include "MatchedLayersView.h"

#include "diff/WordDiff.h"
#include "models/EntryText.h"
#include "report/CreatedBy.h"
#include "util/ByteFormat.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace ballast {
namespace {

QString instruction(const Image &image, int layer)
{
    const Layer &l = image.layers[size_t(layer)];
    return l.historyIndex >= 0 ? cleanCreatedBy(image.config.history[size_t(l.historyIndex)].createdBy)
                               : QObject::tr("(no history)");
}

// A background that marks words on `background`, light or dark, without hiding the text: the status
// colour for that background, a third of the way from it.
QColor markColor(NodeStatus status, const QColor &background)
{
    QPalette palette;
    palette.setColor(QPalette::Base, background);
    const QColor tint = statusColor(status, palette);
    auto mix = [](int a, int b) { return (a * 35 + b * 65) / 100; };
    return QColor(
        mix(tint.red(), background.red()), mix(tint.green(), background.green()), mix(tint.blue(), background.blue()));
}

// The text on a mark is black or white, whichever reads better on it: the mark stays readable even
// where the surrounding background is not the one it was mixed for (a tooltip after a theme change).
QString markStyle(const QColor &mark)
{
    const bool light = 0.299 * mark.redF() + 0.587 * mark.greenF() + 0.114 * mark.blueF() > 0.5;
    return QStringLiteral("background-color:%1; color:%2")
        .arg(mark.name(), light ? QStringLiteral("#000000") : QStringLiteral("#ffffff"));
}

QString markedHtml(const QString &text, const std::vector<TextSpan> &spans, const QColor &mark)
{
    QString html;
    qsizetype at = 0;
    for (const TextSpan &span : spans) {
        html += text.mid(at, span.start - at).toHtmlEscaped();
        html += QStringLiteral("<span style=\"%1\">%2</span>")
                    .arg(markStyle(mark), text.mid(span.start, span.length).toHtmlEscaped());
        at = span.start + span.length;
    }
    html += text.mid(at).toHtmlEscaped();
    return html.replace(QLatin1Char('\n'), QStringLiteral("<br>")); // heredoc RUNs span lines
}

} // namespace

MatchedLayersView::MatchedLayersView(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(this))
    , m_detail(new QTextBrowser(this))
{
    m_table->setObjectName(QStringLiteral("compareLayers"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        { tr("A"), tr("B"), tr("Match"), tr("Size A"), tr("Size B"), tr("Instruction") });
    // The instruction takes what the numbers leave; its full text is in the detail row and the tooltip.
    for (int column = 0; column < InstructionColumn; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(InstructionColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setToolTip(
        tr("Layers shared by content (diff_id), made by the same step, by an edited step, or only in one image"));
    m_detail->setObjectName(QStringLiteral("layerStepDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setFrameShape(QFrame::StyledPanel);
    m_detail->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_detail->setToolTip(
        tr("The steps that made the selected layers, in full; the words that differ between A and B are highlighted"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Layers</b>"), this));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showDetail(row); });
}

void MatchedLayersView::setDiff(std::shared_ptr<const ImageDiff> diff)
{
    m_diff = std::move(diff);
    m_rows.clear();
    m_table->setRowCount(0); // no row of the last comparison stays current
    if (m_diff) {
        for (const auto &[i, j] : m_diff->layers.shared)
            m_rows.push_back({ i, j, tr("shared") });
        for (const auto &[i, j] : m_diff->layers.aligned)
            m_rows.push_back({ i, j, tr("same step") });
        for (const auto &[i, j] : m_diff->layers.edited)
            m_rows.push_back({ i, j, tr("edited") });
        for (int i : m_diff->layers.onlyA)
            m_rows.push_back({ i, -1, tr("only A") });
        for (int j : m_diff->layers.onlyB)
            m_rows.push_back({ -1, j, tr("only B") });
    }
    // In A's layer order, as its Dockerfile reads; then the layers only B has, in B's order.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &x, const Row &y) {
        if ((x.layerA < 0) != (y.layerA < 0))
            return y.layerA < 0;
        return x.layerA >= 0 ? x.layerA < y.layerA : x.layerB < y.layerB;
    });
    fill();
    // Open on the first pair whose steps read differently: that is what the detail is for.
    for (int row = 0; row < int(m_rows.size()); ++row)
        if (m_rows[size_t(row)].layerA >= 0 && m_rows[size_t(row)].layerB >= 0
            && instruction(*m_diff->a, m_rows[size_t(row)].layerA)
                != instruction(*m_diff->b, m_rows[size_t(row)].layerB)) {
            m_table->setCurrentCell(row, InstructionColumn);
            return;
        }
}

void MatchedLayersView::fill()
{
    const int current = m_table->currentRow();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    const QString none = QStringLiteral("–");
    for (const Row &r : m_rows) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const Image &a = *m_diff->a, &b = *m_diff->b;
        const QString text = r.layerB >= 0 ? instruction(b, r.layerB) : instruction(a, r.layerA);
        const QStringList cells { r.layerA >= 0 ? QString::number(r.layerA) : none,
            r.layerB >= 0 ? QString::number(r.layerB) : none, r.match,
            r.layerA >= 0 ? formatBytes(a.layers[size_t(r.layerA)].size) : none,
            r.layerB >= 0 ? formatBytes(b.layers[size_t(r.layerB)].size) : none, text };
        // A tooltip wraps rich text into a narrow column: a table of a set width keeps it readable.
        const QString tip = QStringLiteral("<table width=\"%1\" cellpadding=\"0\"><tr><td>%2</td></tr></table>")
                                .arg(fontMetrics().averageCharWidth() * 80)
                                .arg(stepsHtml(r, QApplication::palette().color(QPalette::ToolTipBase)));
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(tip);
            m_table->setItem(row, column, item);
        }
    }
    m_table->setCurrentCell(current, InstructionColumn);
    showDetail(current);
}

QString MatchedLayersView::stepsHtml(const Row &row, const QColor &background) const
{
    const Image &a = *m_diff->a, &b = *m_diff->b;
    const QString textA = row.layerA >= 0 ? instruction(a, row.layerA) : QString(),
                  textB = row.layerB >= 0 ? instruction(b, row.layerB) : QString();
    const bool pair = row.layerA >= 0 && row.layerB >= 0;
    const WordDiff words = pair ? diffWords(textA, textB) : WordDiff {};
    auto side = [&](const char *name, int layer, const Image &image, const QString &text,
                    const std::vector<TextSpan> &spans, NodeStatus status) {
        if (layer < 0)
            return tr("<b>%1</b> &nbsp;no layer made by this step").arg(QLatin1String(name));
        return tr("<b>%1 · layer %2</b> (%3) &nbsp;<code>%4</code>")
            .arg(QLatin1String(name))
            .arg(layer)
            .arg(formatBytes(image.layers[size_t(layer)].size), markedHtml(text, spans, markColor(status, background)));
    };
    return QStringLiteral("<p>%1<br>%2</p>")
        .arg(side("A", row.layerA, a, textA, words.onlyInA, NodeStatus::Removed),
            side("B", row.layerB, b, textB, words.onlyInB, NodeStatus::Added));
}

void MatchedLayersView::showDetail(int row)
{
    if (!m_diff || row < 0 || row >= int(m_rows.size())) {
        m_detail->setHtml(tr("<i>Select a layer to see the steps that made it in A and in B, in full.</i>"));
        return;
    }
    // The pane's palette: on a theme change it is new before the detail's own is.
    m_detail->setHtml(stepsHtml(m_rows[size_t(row)], palette().color(QPalette::Base)));
}

void MatchedLayersView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_diff) // the marks are baked into the rich text
        fill();
}

} // namespace ballast
