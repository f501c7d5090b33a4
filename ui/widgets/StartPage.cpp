#include "StartPage.h"

#include "sources/SourceText.h"

#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ballast {

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
    , m_sample(new QPushButton(tr("Open the sample image"), this))
{
    setObjectName(QStringLiteral("startPage"));
    auto *title = new QLabel(
        tr("<h1>Ballast</h1><p>See what makes a container image heavy, and how to make it lighter.</p>"), this);
    auto *hint = new QLabel(
        tr("<p>Open an image archive — <code>docker save</code>, <code>podman save</code>, buildah, kaniko or an "
           "OCI layout — with <b>File › Open</b> (Ctrl+O), or drop it on this window. "
           "New here? The sample image shows every view.</p>"),
        this);
    hint->setWordWrap(true);
    auto *open = new QPushButton(tr("Open an image…"), this);
    open->setToolTip(tr("Open an image archive or OCI layout (Ctrl+O)"));
    m_sample->setToolTip(tr("A small, deliberately wasteful image bundled with Ballast"));
    m_recent->setToolTip(tr("Double-click to open again"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    layout->addWidget(title);
    layout->addWidget(hint);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(m_sample);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(new QLabel(tr("<b>Recent images</b>"), this));
    layout->addWidget(m_recent, 1);
    connect(open, &QPushButton::clicked, this, &StartPage::openRequested);
    connect(m_sample, &QPushButton::clicked, this, [this] { emit openPathRequested(m_samplePath); });
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const QString path = item->data(Qt::UserRole).toString(); !path.isEmpty())
            emit openPathRequested(path);
    });
}

void StartPage::setRecentFiles(const QStringList &files)
{
    m_recent->clear();
    for (const QString &file : files) {
        const QString text = isPlainPath(file)
            ? QStringLiteral("%1 — %2").arg(QFileInfo(file).fileName(), QFileInfo(file).absolutePath())
            : file; // a URI says it all, and QFileInfo would mangle it
        auto *item = new QListWidgetItem(text, m_recent);
        item->setData(Qt::UserRole, file);
        item->setToolTip(file);
    }
    if (files.isEmpty())
        new QListWidgetItem(tr("(none yet)"), m_recent);
}

void StartPage::setSamplePath(const QString &path)
{
    m_samplePath = path;
    m_sample->setEnabled(!path.isEmpty());
}

} // namespace ballast
