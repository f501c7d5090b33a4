#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace ballast {
namespace {

struct ShortcutRow {
    QString keys;
    QString what;
};

QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

// Keys that widgets handle themselves, without an action to read them from.
std::vector<ShortcutRow> viewKeys()
{
    return {
        { QObject::tr("Up / Down"), QObject::tr("Layers: previous / next layer that changed files") },
        { QObject::tr("Left / Right"), QObject::tr("File tree: collapse / expand a directory") },
        { QObject::tr("Double-click, wheel"), QObject::tr("Treemap: zoom into a directory") },
        { QObject::tr("Backspace, Alt+Up"), QObject::tr("Treemap: zoom out one level") },
        { QObject::tr("Drop a file"), QObject::tr("Open an image; on an open image, open or compare") },
        { QObject::tr("Enter, double-click"), QObject::tr("Open from Engine: open the selected image") },
        { QObject::tr("Esc"), QObject::tr("Rebuild log: cancel the running build") },
    };
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    std::vector<ShortcutRow> rows;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->isSeparator())
            continue;
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        rows.push_back({ keys.join(QStringLiteral(", ")), plainText(action->text()) });
    }
    std::sort(rows.begin(), rows.end(), [](const ShortcutRow &a, const ShortcutRow &b) { return a.what < b.what; });
    rows.erase(std::unique(rows.begin(), rows.end(),
                   [](const ShortcutRow &a, const ShortcutRow &b) { return a.keys == b.keys && a.what == b.what; }),
        rows.end());
    for (const ShortcutRow &row : viewKeys())
        rows.push_back(row);

    m_table = new QTableWidget(int(rows.size()), 2, this);
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setHorizontalHeaderLabels({ tr("Keys"), tr("Does") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    for (int i = 0; i < int(rows.size()); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows[size_t(i)].keys));
        m_table->setItem(i, 1, new QTableWidgetItem(rows[size_t(i)].what));
    }
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(0, m_table->columnWidth(0) + 2 * fontMetrics().averageCharWidth());
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(600, 520);
}

} // namespace ballast
