#include "FindingsView.h"

#include "editor/DockerfileEditor.h"
#include "editor/DockerfilePane.h"
#include "findings/FindingLinks.h"
#include "findings/FindingsModel.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace ballast {
namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// The finding in full, for the area under the list: nothing cut, paths as links to the Files tab.
QString detailsHtml(
    const Finding &finding, const FindingsModel::DockerfileLink &link, bool editedSinceBuild, const QPalette &palette)
{
    QString html = QStringLiteral("<style>a { color: %1; }</style>").arg(palette.color(QPalette::Link).name());
    html += QStringLiteral("<p><b>%1</b> <i>(%2)</i></p>")
                .arg(escaped(finding.title), QLatin1String(severityName(finding.severity)));
    QStringList facts;
    if (findingSavesBytes(finding))
        facts << FindingsView::tr("saves %1 (%2 bytes)").arg(formatBytes(finding.bytes)).arg(finding.bytes);
    if (finding.layer >= 0)
        facts << (link.line > 0 ? FindingsView::tr("made by layer %1, <a href='line:%2'>Dockerfile line %2</a>")
                                      .arg(finding.layer)
                                      .arg(link.line)
                                : FindingsView::tr("made by layer %1").arg(finding.layer));
    if (finding.laterLayer >= 0) {
        const QString verb = finding.category == QLatin1String("deleted-later") ? FindingsView::tr("deleted")
                                                                                : FindingsView::tr("replaced");
        facts << (link.laterLine > 0 ? FindingsView::tr("%1 by layer %2, <a href='line:%3'>Dockerfile line %3</a>")
                                           .arg(verb)
                                           .arg(finding.laterLayer)
                                           .arg(link.laterLine)
                                     : FindingsView::tr("%1 by layer %2").arg(verb).arg(finding.laterLayer));
    }
    if (!facts.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(facts.join(QStringLiteral(" · ")));
    html += QStringLiteral("<p>%1</p>").arg(escaped(finding.advice));
    if (link.fix)
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(FindingsView::tr("Fix:"), escaped(link.fix->title));
    else if (editedSinceBuild)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(FindingsView::tr("The Dockerfile was edited since it built the image: its lines are followed "
                                          "through the edits, and the fixes come back when the edits are undone or "
                                          "the image is rebuilt (Rebuild, Ctrl+B)."));
    if (!finding.paths.empty()) {
        html += QStringLiteral("<p><b>%1</b><br>").arg(FindingsView::tr("Paths (%1):").arg(finding.paths.size()));
        for (size_t i = 0; i < finding.paths.size(); ++i)
            html += QStringLiteral("<a href='path:%1'>%2</a><br>")
                        .arg(i)
                        .arg(escaped(QLatin1Char('/') + displayPath(finding.paths[i])));
        html += QStringLiteral("</p>");
    }
    return html;
}

} // namespace

FindingsView::FindingsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new FindingsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_headline(new QLabel(this))
    , m_breakdown(new QLabel(this))
    , m_status(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_details(new QTextBrowser(this))
    , m_showFiles(new QPushButton(tr("Show &Files"), this))
    , m_showLine(new QPushButton(tr("Show &Line"), this))
{
    setObjectName(QStringLiteral("findingsView"));
    m_headline->setObjectName(QStringLiteral("findingsHeadline"));
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_headline->setFont(big);
    m_breakdown->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FindingsModel::SortRole);
    m_view->setObjectName(QStringLiteral("findingsList"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FindingsModel::SavesColumn, Qt::DescendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FindingsModel::FindingColumn, QHeaderView::Stretch);
    for (int column :
        { FindingsModel::SavesColumn, FindingsModel::LayerColumn, FindingsModel::LineColumn, FindingsModel::FixColumn })
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(FindingsModel::PathsColumn, QHeaderView::Interactive);
    m_view->header()->resizeSection(FindingsModel::PathsColumn, 300);
    m_view->setToolTip(
        tr("Click a finding to select its layer, files and line; double-click or Enter shows its files"));

    m_details->setObjectName(QStringLiteral("findingDetails"));
    m_details->setOpenLinks(false);
    m_showFiles->setToolTip(tr("Show the finding's files in the Files tab (Enter)"));
    m_showLine->setToolTip(tr("Show the Dockerfile line that made the finding's layer"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showFiles);
    buttons->addWidget(m_showLine);
    buttons->addStretch(1);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_details, 1);
    lowerLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_headline);
    layout->addWidget(m_breakdown);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    // Keys that move the current row select its finding; so does a press on any row, even the current
    // one (the layer may have been changed since). A press that also moved the current row emits once.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showCurrent();
        const int finding = currentFinding();
        if (finding < 0 || m_selectingQuietly)
            return;
        emit findingSelected(layerToShow(finding), filesOf(finding));
        m_justSelected = true;
        QTimer::singleShot(0, this, [this] { m_justSelected = false; });
    });
    connect(m_view, &QTreeView::pressed, this, [this] {
        if (const int finding = currentFinding(); finding >= 0 && !std::exchange(m_justSelected, false))
            emit findingSelected(layerToShow(finding), filesOf(finding));
    });
    connect(m_view, &QTreeView::activated, this, [this] { requestFiles(currentFinding(), filesOf(currentFinding())); });
    connect(m_showFiles, &QPushButton::clicked, this,
        [this] { requestFiles(currentFinding(), filesOf(currentFinding())); });
    connect(m_showLine, &QPushButton::clicked, this, [this] {
        if (const int line = m_model->link(currentFinding()).line; line > 0)
            emit lineRequested(line);
    });
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const int finding = currentFinding();
        if (url.scheme() == QLatin1String("line"))
            emit lineRequested(url.path().toInt());
        else if (const Finding *f = m_model->finding(finding); f && url.scheme() == QLatin1String("path"))
            if (const size_t i = url.path().toUInt(); i < f->paths.size() && m_loaded.image)
                if (const auto node = m_loaded.image->tree.find(f->paths[i]); node != MergedTree::NoNode)
                    requestFiles(finding, { node });
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &FindingsView::updateFixButtons);
    updateHeadline();
    showCurrent();
}

void FindingsView::setImage(const LoadedImage &loaded)
{
    m_loaded = loaded;
    m_status->hide();
    m_model->setAnalysis(loaded.analysis);
    updateHeadline();
    refreshLinks();
    // Show the top finding's details, without taking the layer and file selection of the window with it.
    m_selectingQuietly = true;
    m_view->setCurrentIndex(m_proxy->index(0, 0));
    m_selectingQuietly = false;
    showCurrent();
}

void FindingsView::setDockerfilePane(DockerfilePane *pane)
{
    m_pane = pane;
    connect(pane, &DockerfilePane::layerLinesChanged, this, &FindingsView::refreshLinks);
    // The pane shows new hints (and fixes) when a check of the text or the image's measurement of it
    // arrives; it handles them first, as it connected first.
    connect(pane->linter(), &DockerfileLinter::checked, this, &FindingsView::refreshLinks);
    connect(pane->linter(), &DockerfileLinter::measured, this, &FindingsView::refreshLinks);
    // Typing makes the fixes refer to text that moved: they come back with the next check.
    connect(pane->editor(), &QPlainTextEdit::textChanged, this, &FindingsView::refreshLinks);
    refreshLinks();
}

int FindingsView::currentFinding() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(FindingsModel::FindingRole).toInt() : -1;
}

QToolButton *FindingsView::fixButton(int finding) const
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(finding, FindingsModel::FixColumn));
    return index.isValid() ? qobject_cast<QToolButton *>(m_view->indexWidget(index)) : nullptr;
}

void FindingsView::refreshLinks()
{
    if (m_loaded.analysis && m_pane)
        m_model->setDockerfileLinks(dockerfileLinks(*m_loaded.analysis, *m_pane));
    updateFixButtons();
    showCurrent();
}

void FindingsView::updateFixButtons()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, FindingsModel::FixColumn));
        const auto &fix = m_model->link(row).fix;
        auto *button = qobject_cast<QToolButton *>(m_view->indexWidget(index));
        if (!fix) {
            if (button)
                m_view->setIndexWidget(index, nullptr);
            continue;
        }
        if (!button) {
            button = new QToolButton;
            button->setText(tr("Fix"));
            button->setObjectName(QStringLiteral("fixButton"));
            // Queued: applying re-lints, which replaces this very button.
            connect(
                button, &QToolButton::clicked, this, [this, row] { applyFix(row); }, Qt::QueuedConnection);
            m_view->setIndexWidget(index, button);
        }
        button->setToolTip(fix->title);
    }
}

void FindingsView::applyFix(int finding)
{
    const auto &fix = m_model->link(finding).fix;
    if (!fix || !m_pane)
        return;
    const QString title = fix->title;
    m_pane->editor()->applyFix(*fix); // one undo step in the editor
    m_status->setText(tr("Applied to the Dockerfile (not saved): %1. Undo it in the Dockerfile tab with Ctrl+Z; "
                         "save and Rebuild to measure the result (and to get the other fixes again).")
                          .arg(title.toHtmlEscaped()));
    m_status->show();
}

void FindingsView::updateHeadline()
{
    if (!m_loaded.image) {
        m_headline->setText(tr("No image open"));
        m_breakdown->setText(tr("Open an image to see what makes it heavy and what you could save."));
        return;
    }
    const Savings &savings = m_loaded.analysis->savings;
    const int64_t size = m_loaded.image->sizeBytes();
    if (savings.bytes() <= 0) {
        m_headline->setText(tr("Nothing to save: no waste found"));
        m_breakdown->setText(
            tr("Every byte of the image's %1 is in its final filesystem, outside caches and duplicates.")
                .arg(formatBytes(size)));
        return;
    }
    const int percent = size > 0 ? qRound(100.0 * double(savings.bytes()) / double(size)) : 0;
    m_headline->setText(
        tr("You could save %1 (%2 %)")
            .arg(formatBytes(savings.bytes()), percent > 0 ? QString::number(percent) : QStringLiteral("< 1")));
    m_breakdown->setText(tr(
        "Of the image's %1: %2 stored in layers but hidden by later ones, and %3 of caches, documentation, "
        "toolchains and duplicate files in the final filesystem. Findings overlap; each stored byte is counted once.")
                             .arg(
                                 formatBytes(size), formatBytes(savings.hiddenBytes), formatBytes(savings.finalBytes)));
}

void FindingsView::showCurrent()
{
    const int finding = currentFinding();
    const Finding *f = m_model->finding(finding);
    m_showFiles->setEnabled(f && !f->paths.empty());
    m_showLine->setEnabled(f && m_model->link(finding).line > 0);
    if (!f) {
        m_details->setHtml(m_loaded.image && m_model->rowCount() == 0 ? tr("<p>No findings.</p>") : QString());
        return;
    }
    m_details->setHtml(
        detailsHtml(*f, m_model->link(finding), m_pane && m_pane->showsMeasurementsBeforeEdits(), palette()));
}

void FindingsView::requestFiles(int finding, const QList<MergedTree::NodeId> &files)
{
    if (finding >= 0 && !files.isEmpty())
        emit filesRequested(layerToShow(finding), files);
}

int FindingsView::layerToShow(int finding) const
{
    const Finding *f = m_model->finding(finding);
    if (f && f->layer >= 0)
        return f->layer; // the files exist there, even those a later layer deletes
    return m_loaded.image ? int(m_loaded.image->layers.size()) - 1 : -1;
}

QList<MergedTree::NodeId> FindingsView::filesOf(int finding) const
{
    QList<MergedTree::NodeId> out;
    if (const Finding *f = m_model->finding(finding); f && m_loaded.image)
        for (const std::string &path : f->paths)
            if (const auto node = m_loaded.image->tree.find(path); node != MergedTree::NoNode)
                out << node;
    return out;
}

void FindingsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showCurrent(); // the links take the theme's link colour
}

} // namespace ballast
