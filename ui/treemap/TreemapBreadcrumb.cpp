#include "TreemapBreadcrumb.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ballast {

TreemapBreadcrumb::TreemapBreadcrumb(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    m_layout->addStretch(1);
}

void TreemapBreadcrumb::setPath(const MergedTree *tree, MergedTree::NodeId node, const QString &rootLabel)
{
    qDeleteAll(m_parts);
    m_parts.clear();
    m_segments.clear();
    std::vector<MergedTree::NodeId> chain;
    if (tree && node < tree->nodeCount())
        for (MergedTree::NodeId n = node; n != MergedTree::NoNode;
             n = n == MergedTree::Root ? MergedTree::NoNode : tree->parent(n))
            chain.insert(chain.begin(), n);
    int position = 0;
    for (size_t i = 0; i < chain.size(); ++i) {
        const MergedTree::NodeId n = chain[i];
        if (i > 0) {
            auto *separator = new QLabel(QStringLiteral("›"), this);
            separator->setContentsMargins(2, 0, 2, 0);
            separator->setEnabled(false);
            m_layout->insertWidget(position++, separator);
            m_parts << separator;
        }
        auto *button = new QToolButton(this);
        const std::string_view name = tree->name(n);
        button->setText(n == MergedTree::Root ? rootLabel : QString::fromUtf8(name.data(), qsizetype(name.size())));
        button->setAutoRaise(true);
        const bool current = i + 1 == chain.size();
        if (current) {
            QFont bold = button->font();
            bold.setBold(true);
            button->setFont(bold);
            button->setToolTip(tr("The directory the treemap shows"));
        } else {
            button->setToolTip(tr("Zoom out to %1").arg(button->text()));
            connect(button, &QToolButton::clicked, this, [this, n] { emit nodeActivated(n); });
        }
        m_layout->insertWidget(position++, button);
        m_parts << button;
        m_segments << button;
    }
}

} // namespace ballast
