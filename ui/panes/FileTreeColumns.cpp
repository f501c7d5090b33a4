#include "FileTreeColumns.h"

#include "models/FileTreeModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTreeView>
#include <algorithm>

namespace ballast {
namespace {
// The widest text a column usually holds (its header aside).
QString widestText(int column)
{
    switch (column) {
    case FileTreeModel::SizeColumn:
        return QStringLiteral("999.9 MB");
    case FileTreeModel::ShareColumn:
        return QStringLiteral("100.0 %");
    case FileTreeModel::StatusColumn:
        return QStringLiteral("unchanged");
    case FileTreeModel::PermissionsColumn:
        return QStringLiteral("drwxrwxrwt");
    case FileTreeModel::OwnerColumn:
        return QStringLiteral("1000:1000");
    case FileTreeModel::LayerColumn:
        return QStringLiteral("99");
    default:
        return {};
    }
}
constexpr int LinkMinimumCharacters = 16; // "→ busybox" and the like, before it stretches
constexpr int NameMinimumCharacters = 16;
} // namespace

FileTreeColumns::FileTreeColumns(QTreeView *view)
    : QObject(view)
    , m_view(view)
{
    QHeaderView *header = view->header();
    header->setSectionResizeMode(QHeaderView::Interactive);
    sizeDataColumns();
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        if (!m_fitting && section == FileTreeModel::NameColumn)
            m_nameSetByUser = true;
    });
    m_viewport = view->viewport();
    view->installEventFilter(this);
    m_viewport->installEventFilter(this);
}

int FileTreeColumns::textWidth(const QString &text) const
{
    return m_view->header()->fontMetrics().horizontalAdvance(text);
}

void FileTreeColumns::sizeDataColumns()
{
    // Room for the cell margins and, in the header, the sort arrow.
    const int margin = 2 * m_view->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, m_view->header())
        + m_view->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, m_view->header()) + 6;
    QAbstractItemModel *model = m_view->model();
    m_fitting = true;
    for (int column = FileTreeModel::SizeColumn; column < FileTreeModel::LinkColumn; ++column) {
        const QString title = model ? model->headerData(column, Qt::Horizontal).toString() : QString();
        m_view->setColumnWidth(column, std::max(textWidth(title), textWidth(widestText(column))) + margin);
    }
    // The link target stretches into what is left, but never below the width it has when stretching
    // starts: start it at its minimum.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    m_view->setColumnWidth(FileTreeModel::LinkColumn, LinkMinimumCharacters * m_view->fontMetrics().averageCharWidth());
    header->setStretchLastSection(true);
    m_fitting = false;
}

void FileTreeColumns::fit()
{
    if (m_nameSetByUser)
        return;
    const QHeaderView *header = m_view->header();
    int others = 0;
    for (int column = FileTreeModel::SizeColumn; column < FileTreeModel::LinkColumn; ++column)
        others += header->sectionSize(column);
    const int average = m_view->fontMetrics().averageCharWidth();
    const int available = m_view->viewport()->width() - others - LinkMinimumCharacters * average;
    m_fitting = true;
    m_view->setColumnWidth(FileTreeModel::NameColumn, std::max(available, NameMinimumCharacters * average));
    m_fitting = false;
}

bool FileTreeColumns::eventFilter(QObject *watched, QEvent *event)
{
    // Compares pointers only: the viewport sends events while the view around it is being destroyed,
    // when calling into the view is undefined.
    if (event->type() == QEvent::Resize && watched == m_viewport)
        fit();
    else if (watched == m_view && event->type() == QEvent::FontChange) {
        sizeDataColumns();
        fit();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ballast
