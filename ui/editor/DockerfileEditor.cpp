#include "DockerfileEditor.h"

#include "util/ByteFormat.h"

#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace ballast {

// The strip left of the text: line numbers, layer sizes with heat bars, finding marks.
class LayerGutter : public QWidget {
public:
    explicit LayerGutter(DockerfileEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setObjectName(QStringLiteral("layerGutter"));
        setToolTip(tr("Size of the layer each instruction made; click to select that layer"));
        setCursor(Qt::PointingHandCursor);
    }
    QSize sizeHint() const override { return { m_editor->gutterWidth(), 0 }; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::ToolTip)
            return QWidget::event(event);
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = m_editor->cursorForPosition(QPoint(0, help->pos().y()));
        const QString text = m_editor->gutterToolTip(cursor.blockNumber() + 1);
        QToolTip::showText(help->globalPos(), text.isEmpty() ? toolTip() : text, this);
        return true;
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        const QTextCursor cursor = m_editor->cursorForPosition(QPoint(0, int(event->position().y())));
        const auto info = m_editor->lineInfo(cursor.blockNumber() + 1);
        if (info.layer >= 0)
            emit m_editor->layerClicked(info.layer);
    }

private:
    DockerfileEditor *m_editor;
};

namespace {

QColor severityColor(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case LintSeverity::Warning:
        return QColor(0xe6, 0x9a, 0x00);
    case LintSeverity::Info:
        return QColor(0x1e, 0x88, 0xe5);
    case LintSeverity::Style:
        return QColor(0x8e, 0x8e, 0x8e);
    }
    return Qt::gray;
}

} // namespace

DockerfileEditor::DockerfileEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LayerGutter(this))
{
    setObjectName(QStringLiteral("dockerfileEditor"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setViewportMargins(gutterWidth(), 0, 0, 0);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
}

int DockerfileEditor::gutterWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    return fontMetrics().horizontalAdvance(QLatin1Char('9')) * (digits + 10) + 16;
}

void DockerfileEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void DockerfileEditor::setLayerLines(std::map<int, LayersAtLine> lines, bool beforeEdits)
{
    m_layerLines = std::move(lines);
    m_beforeEdits = beforeEdits;
    m_heaviest = 0;
    for (const auto &[line, layers] : m_layerLines)
        m_heaviest = std::max(m_heaviest, layers.bytes);
    m_gutter->setToolTip(beforeEdits
            ? tr("Size of the layer each instruction made, measured before your edits; click to select that layer")
            : tr("Size of the layer each instruction made; click to select that layer"));
    m_gutter->update();
}

void DockerfileEditor::setFindings(std::vector<ShownFinding> findings, std::shared_ptr<const Dockerfile> dockerfile)
{
    m_findings = std::move(findings);
    m_dockerfile = std::move(dockerfile);
    updateExtraSelections();
    m_gutter->update();
}

QString DockerfileEditor::gutterToolTip(int line) const
{
    const LineLayer info = lineInfo(line);
    if (info.layer < 0)
        return {};
    QString text = tr("Layer %1: %2").arg(info.layer).arg(formatBytes(info.bytes));
    if (const auto it = m_layerPackages.find(info.layer); it != m_layerPackages.end() && !it->second.isEmpty())
        text += QStringLiteral("; ") + it->second.toHtmlEscaped();
    return text + (info.beforeEdits ? tr(" <i>(measured before your edits)</i>") : QString());
}

DockerfileEditor::LineLayer DockerfileEditor::lineInfo(int line) const
{
    LineLayer info;
    if (auto it = m_layerLines.find(line); it != m_layerLines.end() && !it->second.layers.empty()) {
        info.layer = it->second.layers.back();
        info.bytes = it->second.bytes;
        info.beforeEdits = m_beforeEdits;
    }
    for (const ShownFinding &shown : m_findings)
        if (shown.finding.line == line) {
            info.worst = info.hasFinding ? std::max(info.worst, shown.finding.severity) : shown.finding.severity;
            info.hasFinding = true;
        }
    return info;
}

void DockerfileEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    const int digitWidth = fontMetrics().horizontalAdvance(QLatin1Char('9'));
    const int numberWidth = digitWidth * (QString::number(qMax(1, blockCount())).size() + 1);
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int line = block.blockNumber() + 1;
        const LineLayer info = lineInfo(line);
        painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter.drawText(0, top, numberWidth, lineHeight, Qt::AlignRight, QString::number(line));
        const int barLeft = numberWidth + 6, barWidth = m_gutter->width() - barLeft - 14;
        if (info.layer >= 0) {
            const double heat = m_heaviest > 0 ? double(info.bytes) / double(m_heaviest) : 0.0;
            // Green → red with weight; faint and grey-ish when measured before the edits.
            QColor color = QColor::fromHsvF(0.33 * (1.0 - heat), info.beforeEdits ? 0.25 : 0.75, 0.85);
            color.setAlpha(info.beforeEdits ? 90 : 150);
            painter.fillRect(QRect(barLeft, top + 2, std::max(2, int(barWidth * heat)), lineHeight - 4), color);
            QColor text = palette().color(QPalette::Text);
            if (info.beforeEdits)
                text.setAlphaF(0.55f);
            painter.setPen(text);
            painter.drawText(
                barLeft + 3, top, barWidth - 3, lineHeight, Qt::AlignLeft | Qt::AlignVCenter, formatBytes(info.bytes));
        }
        if (info.hasFinding) {
            painter.setBrush(severityColor(info.worst));
            painter.setPen(Qt::NoPen);
            painter.drawEllipse(QPoint(m_gutter->width() - 7, top + lineHeight / 2), 4, 4);
        }
        block = block.next();
        top += qRound(blockBoundingRect(block).height());
    }
}

void DockerfileEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!m_highlight.isNull() && m_highlight.hasSelection()) {
        QTextEdit::ExtraSelection highlight;
        highlight.cursor = m_highlight;
        QColor background = palette().color(QPalette::Highlight);
        background.setAlpha(60); // a tint that keeps the syntax colours readable in both themes
        highlight.format.setBackground(background);
        highlight.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections << highlight;
    }
    for (const auto &[finding, beforeEdits] : m_findings) {
        const QTextBlock first = document()->findBlockByNumber(finding.line - 1);
        const QTextBlock last = document()->findBlockByNumber(std::max(finding.line, finding.endLine) - 1);
        if (!first.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(first);
        selection.cursor.setPosition(first.position() + std::max(0, finding.column - 1));
        selection.cursor.setPosition(
            (last.isValid() ? last : first).position() + (last.isValid() ? last : first).length() - 1,
            QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(beforeEdits ? QTextCharFormat::DotLine : QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(severityColor(finding.severity));
        selections << selection;
    }
    setExtraSelections(selections);
}

std::vector<const ShownFinding *> DockerfileEditor::findingsOnLine(int line) const
{
    std::vector<const ShownFinding *> out;
    for (const ShownFinding &shown : m_findings)
        if (line >= shown.finding.line && line <= std::max(shown.finding.line, shown.finding.endLine))
            out.push_back(&shown);
    return out;
}

bool DockerfileEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint inViewport = viewport()->mapFrom(this, help->pos());
        const int line = cursorForPosition(inViewport).blockNumber() + 1;
        QStringList text;
        for (const ShownFinding *shown : findingsOnLine(line)) {
            const LintFinding &finding = shown->finding;
            text << QStringLiteral("<b>%1</b> (%2)%3: %4%5")
                        .arg(finding.rule, QLatin1String(lintSeverityName(finding.severity)),
                            finding.bytes ? QStringLiteral(", ") + formatBytes(*finding.bytes) : QString(),
                            finding.message.toHtmlEscaped(),
                            shown->beforeEdits ? tr(" <i>(measured before your edits)</i>") : QString());
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text.join(QStringLiteral("<br>")), this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

void DockerfileEditor::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    const int line = cursorForPosition(viewport()->mapFrom(this, event->pos())).blockNumber() + 1;
    // Per finding, its real fix first, then "Ignore": all above the standard actions, in that order.
    QAction *firstStandard = menu->actions().value(0);
    for (const ShownFinding *shown : findingsOnLine(line)) {
        std::vector<LintFix> fixes;
        if (shown->finding.fix)
            fixes.push_back(*shown->finding.fix);
        if (m_dockerfile)
            if (auto ignore = ignoreFix(*m_dockerfile, shown->finding))
                fixes.push_back(*ignore);
        for (const LintFix &fix : fixes) {
            QAction *action = new QAction(QStringLiteral("%1: %2").arg(shown->finding.rule, fix.title), menu.get());
            connect(action, &QAction::triggered, this, [this, fix] { applyFix(fix); });
            menu->insertAction(firstStandard, action);
        }
    }
    if (menu->actions().value(0) != firstStandard)
        menu->insertSeparator(firstStandard);
    menu->exec(event->globalPos());
}

void DockerfileEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // the highlight is a tint of the theme's colour
        updateExtraSelections();
}

void DockerfileEditor::applyFix(const LintFix &fix)
{
    QTextCursor cursor(document());
    cursor.beginEditBlock(); // one undo step
    // Apply from the end so that earlier positions stay valid.
    for (auto it = fix.edits.rbegin(); it != fix.edits.rend(); ++it) {
        auto position = [this](int line, int column) {
            QTextBlock block = document()->findBlockByNumber(line - 1);
            if (!block.isValid())
                return document()->characterCount() - 1;
            return block.position() + std::min(column - 1, block.length() - 1);
        };
        cursor.setPosition(position(it->line, it->column));
        cursor.setPosition(position(it->endLine, it->endColumn), QTextCursor::KeepAnchor);
        cursor.insertText(it->newText);
    }
    cursor.endEditBlock();
}

void DockerfileEditor::highlightInstruction(const QTextCursor &instruction)
{
    // Through the last line's end, so that its background too runs the editor's full width.
    m_highlight = QTextCursor(document());
    m_highlight.setPosition(instruction.selectionStart());
    m_highlight.setPosition(
        std::min(instruction.selectionEnd() + 1, document()->characterCount() - 1), QTextCursor::KeepAnchor);
    QTextCursor start(document());
    start.setPosition(instruction.selectionStart());
    setTextCursor(start); // no selection: what is typed next goes in at the start, replacing nothing
    centerCursor();
    updateExtraSelections();
}

void DockerfileEditor::clearHighlight()
{
    m_highlight = QTextCursor();
    updateExtraSelections();
}

} // namespace ballast
