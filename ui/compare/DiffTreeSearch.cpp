#include "DiffTreeSearch.h"

#include "compare/DiffTreeModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>

namespace ballast {

std::vector<uint32_t> findInDiff(
    const ImageDiff &diff, uint8_t shownStatuses, const QString &text, const std::atomic<bool> &cancelled)
{
    std::vector<uint32_t> found;
    if (text.isEmpty() || diff.nodes.empty())
        return found;
    const bool byPath = text.contains(QLatin1Char('/'));
    // Pre-order: a node, then its shown children in the order the tree lists them.
    std::vector<uint32_t> stack;
    auto pushChildren = [&](uint32_t node) {
        const std::vector<uint32_t> kids = shownChildren(diff, node, shownStatuses);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
    };
    pushChildren(0);
    size_t visited = 0;
    while (!stack.empty()) {
        if (++visited % 4096 == 0 && cancelled.load(std::memory_order_relaxed))
            return {};
        const uint32_t node = stack.back();
        stack.pop_back();
        const QString haystack = byPath ? QString::fromStdString(diff.path(node)) : QString::fromUtf8(diff.name(node));
        if (haystack.contains(text, Qt::CaseInsensitive))
            found.push_back(node);
        pushChildren(node);
    }
    return found;
}

DiffTreeSearch::DiffTreeSearch(QTreeView *view, DiffTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_model(model)
    , m_field(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
{
    m_field->setObjectName(QStringLiteral("diffSearch"));
    m_field->setPlaceholderText(tr("Find names, or paths with a '/' (Ctrl+F)"));
    m_field->setClearButtonEnabled(true);
    m_field->setToolTip(tr("Case-insensitive substring of the name; with a '/' the whole path is searched. "
                           "Enter or F3: next match, Shift+F3: previous"));
    m_count->setObjectName(QStringLiteral("diffSearchCount"));
    m_previous->setObjectName(QStringLiteral("diffSearchPrevious"));
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setAutoRaise(true);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setObjectName(QStringLiteral("diffSearchNext"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setAutoRaise(true);
    m_next->setToolTip(tr("Next match (F3)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &DiffTreeSearch::start);
    connect(m_field, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_field, &QLineEdit::returnPressed, this, &DiffTreeSearch::next);
    connect(m_previous, &QToolButton::clicked, this, &DiffTreeSearch::previous);
    connect(m_next, &QToolButton::clicked, this, &DiffTreeSearch::next);
    // Another diff or other status filters: other rows to search.
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiffTreeSearch::start);
    updateCount();
}

void DiffTreeSearch::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void DiffTreeSearch::start()
{
    m_debounce.stop();
    m_searches.cancel();
    m_matches.clear();
    m_currentMatch = -1;
    const QString text = m_field->text();
    const std::shared_ptr<const ImageDiff> diff = m_model->diff();
    if (text.isEmpty() || !diff) {
        show({});
        return;
    }
    m_count->setText(tr("searching…"));
    const uint8_t shown = m_model->shownStatuses();
    m_searches.start(
        [diff, shown, text](const std::atomic<bool> &cancelled) { return findInDiff(*diff, shown, text, cancelled); });
}

void DiffTreeSearch::show(std::vector<uint32_t> matches)
{
    m_matches = std::move(matches);
    m_currentMatch = -1;
    if (!m_matches.empty())
        select(0);
    updateCount();
    emit matchesReady();
}

void DiffTreeSearch::next()
{
    if (m_debounce.isActive()) // the text just changed: search now; its first match is selected then
        return start();
    if (!isBusy() && !m_matches.empty())
        select((m_currentMatch + 1) % int(m_matches.size()));
}

void DiffTreeSearch::previous()
{
    if (m_debounce.isActive())
        return start();
    if (!isBusy() && !m_matches.empty())
        select((m_currentMatch + int(m_matches.size()) - 1) % int(m_matches.size()));
}

void DiffTreeSearch::select(int match)
{
    m_currentMatch = match;
    const uint32_t node = m_matches[size_t(match)];
    const ImageDiff &diff = *m_model->diff();
    std::vector<uint32_t> ancestors;
    for (ImageDiff::NodeId up = diff.nodes[node].parent; up != MergedTree::Root && up != MergedTree::NoNode;
         up = diff.nodes[up].parent)
        ancestors.push_back(up);
    for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it)
        m_view->expand(m_model->indexOfNode(*it));
    const QModelIndex index = m_model->indexOfNode(node);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    updateCount();
}

void DiffTreeSearch::updateCount()
{
    const bool searching = !m_field->text().isEmpty();
    if (!searching)
        m_count->clear();
    else if (m_matches.empty())
        m_count->setText(tr("no match"));
    else
        m_count->setText(tr("%1 of %2").arg(m_currentMatch + 1).arg(m_matches.size()));
    m_previous->setEnabled(m_matches.size() > 1);
    m_next->setEnabled(m_matches.size() > 1);
}

} // namespace ballast
