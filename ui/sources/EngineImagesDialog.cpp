#include "EngineImagesDialog.h"

#include "util/ByteFormat.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ballast {
namespace {

constexpr int SortRole = Qt::UserRole; // numbers for Size, dates for Created, text elsewhere
constexpr int SourceRole = Qt::UserRole + 1; // the image's URI, on every cell of its row
constexpr int SearchRole = Qt::UserRole + 2; // "engine name tag id", on the first cell

// Every word typed must appear in the engine, name, tag or ID: "podman alpine" finds podman's alpine.
class ImageFilterModel : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWords(const QString &text)
    {
        m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QString subject = sourceModel()->index(row, 0, parent).data(SearchRole).toString();
        return std::all_of(m_words.begin(), m_words.end(),
            [&](const QString &word) { return subject.contains(word, Qt::CaseInsensitive); });
    }

private:
    QStringList m_words;
};

QList<QStandardItem *> rowOf(const EngineImage &image)
{
    const QString source = image.sourceUri();
    const auto cell = [&](const QString &text, const QVariant &sortKey) {
        auto *item = new QStandardItem(text);
        item->setData(sortKey, SortRole);
        item->setData(source, SourceRole);
        item->setToolTip(EngineImagesDialog::tr("Opens %1").arg(source));
        item->setEditable(false);
        return item;
    };
    QList<QStandardItem *> row {
        cell(image.engine, image.engine),
        cell(image.repository, image.repository.toLower()),
        cell(image.tag, image.tag.toLower()),
        cell(image.id, image.id),
        cell(image.size >= 0 ? formatBytes(image.size) : QString(), qint64(image.size)),
        cell(
            image.created.isValid() ? QLocale().toString(image.created.toLocalTime(), QLocale::ShortFormat) : QString(),
            image.created),
    };
    row[EngineImagesDialog::SizeColumn]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    row[0]->setData(
        QStringList { image.engine, image.repository, image.tag, image.id }.join(QLatin1Char(' ')), SearchRole);
    return row;
}

} // namespace

EngineImagesDialog::EngineImagesDialog(QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new ImageFilterModel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
    , m_open(m_buttons->button(QDialogButtonBox::Open))
    , m_refresh(m_buttons->addButton(tr("Refresh"), QDialogButtonBox::ResetRole))
{
    setObjectName(QStringLiteral("engineImagesDialog"));
    setWindowTitle(tr("Open from Engine"));
    m_filter->setObjectName(QStringLiteral("engineImagesFilter"));
    m_filter->setPlaceholderText(tr("Filter by engine, name, tag or ID"));
    m_filter->setToolTip(tr("Show only the images whose engine, name, tag or ID contain every word typed"));
    m_filter->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("engineImagesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_model->setHorizontalHeaderLabels({ tr("Engine"), tr("Name"), tr("Tag"), tr("ID"), tr("Size"), tr("Created") });
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_table->setObjectName(QStringLiteral("engineImagesTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CreatedColumn, Qt::DescendingOrder); // the image just built comes first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->setToolTip(tr("Local images; double-click one to open it. Click a column header to sort."));

    m_open->setToolTip(tr("Open the selected image (Enter)"));
    m_open->setDefault(true);
    m_refresh->setToolTip(tr("List the engines' images again"));
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without opening an image"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(820, 480);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        static_cast<ImageFilterModel *>(m_proxy)->setWords(text);
        if (!m_table->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
            m_table->selectRow(0); // so that Enter opens the best match
        updateOpenButton();
    });
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &EngineImagesDialog::updateOpenButton);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        m_table->selectRow(index.row());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EngineImagesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &EngineImagesDialog::refresh);
    connect(&m_watcher, &QFutureWatcher<EngineListing>::finished, this, [this] { showListing(m_watcher.result()); });
    refresh();
}

// The listing may still be running (a hung daemon): it finishes on its own and nobody hears of it.
EngineImagesDialog::~EngineImagesDialog() = default;

void EngineImagesDialog::refresh()
{
    m_model->removeRows(0, m_model->rowCount());
    m_status->setText(tr("Listing images…"));
    m_refresh->setEnabled(false);
    m_listing = true;
    updateOpenButton();
    m_watcher.setFuture(QtConcurrent::run(&listAllEngineImages));
}

void EngineImagesDialog::showListing(const EngineListing &listing)
{
    m_refresh->setEnabled(true);
    m_listing = false;
    for (const EngineImage &image : listing.images)
        m_model->appendRow(rowOf(image));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);

    QString summary;
    if (listing.engines.isEmpty())
        summary = tr("Neither docker nor podman is installed: install one, or open a tarball");
    else if (!listing.images.empty())
        summary
            = (listing.images.size() == 1 ? tr("1 image from %1") : tr("%1 images from %2").arg(listing.images.size()))
                  .arg(listing.engines.join(tr(" and ")));
    else if (listing.problems.isEmpty())
        summary = tr("No images in %1 yet: pull or build one, then Refresh").arg(listing.engines.join(tr(" or ")));
    // A problem is red; so is the summary when nothing could be listed at all.
    const auto red = [](const QString &text) {
        return QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(text.toHtmlEscaped());
    };
    QStringList lines;
    if (!summary.isEmpty())
        lines << (listing.engines.isEmpty() ? red(summary) : summary.toHtmlEscaped());
    for (const QString &problem : listing.problems)
        lines << red(problem);
    m_status->setText(lines.join(QStringLiteral("<br>")));
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    updateOpenButton();
}

QString EngineImagesDialog::selectedSource() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(SourceRole).toString();
}

void EngineImagesDialog::updateOpenButton()
{
    m_open->setEnabled(!selectedSource().isEmpty());
}

void EngineImagesDialog::accept()
{
    const QString source = selectedSource();
    if (source.isEmpty())
        return;
    QDialog::accept();
    emit sourceChosen(source);
}

} // namespace ballast
