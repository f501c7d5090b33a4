#include "FindingsModel.h"

#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QApplication>
#include <QStyle>

namespace ballast {

QString pathsSummary(const Finding &finding)
{
    if (finding.paths.empty())
        return QStringLiteral("–");
    QString first = QLatin1Char('/') + displayPath(finding.paths.front());
    if (finding.paths.size() == 1)
        return first;
    return FindingsModel::tr("%1 +%n more", nullptr, int(finding.paths.size() - 1)).arg(first);
}

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FindingsModel::setAnalysis(std::shared_ptr<const ImageAnalysis> analysis)
{
    beginResetModel();
    m_analysis = std::move(analysis);
    m_links.assign(m_analysis ? m_analysis->findings.size() : 0, DockerfileLink {});
    endResetModel();
}

void FindingsModel::setDockerfileLinks(std::vector<DockerfileLink> links)
{
    links.resize(m_links.size());
    m_links = std::move(links);
    if (!m_links.empty())
        emit dataChanged(index(0, LineColumn), index(int(m_links.size()) - 1, FixColumn));
}

const Finding *FindingsModel::finding(int row) const
{
    return m_analysis && row >= 0 && row < int(m_analysis->findings.size()) ? &m_analysis->findings[size_t(row)]
                                                                            : nullptr;
}

const FindingsModel::DockerfileLink &FindingsModel::link(int row) const
{
    static const DockerfileLink none;
    return row >= 0 && row < int(m_links.size()) ? m_links[size_t(row)] : none;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_analysis ? 0 : int(m_analysis->findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::display(const Finding &finding, const DockerfileLink &link, int column) const
{
    switch (column) {
    case FindingColumn:
        return finding.title;
    case SavesColumn:
        return findingSavesBytes(finding) ? formatBytes(finding.bytes) : QStringLiteral("–");
    case LayerColumn:
        return finding.layer >= 0 ? QString::number(finding.layer) : QStringLiteral("–");
    case LineColumn:
        return link.line > 0 ? QString::number(link.line) : QStringLiteral("–");
    case PathsColumn:
        return pathsSummary(finding);
    case FixColumn:
        return link.fix ? tr("Fix") : QString(); // the view puts a button over it
    }
    return {};
}

QVariant FindingsModel::sortKey(const Finding &finding, const DockerfileLink &link, int column) const
{
    switch (column) {
    case FindingColumn:
        return finding.title;
    // Findings that save nothing (security, the largest files) sort below every one that does.
    case SavesColumn:
        return qint64(findingSavesBytes(finding) ? finding.bytes : -1);
    case LayerColumn:
        return finding.layer;
    case LineColumn:
        return link.line;
    case PathsColumn:
        return finding.paths.empty() ? QString() : QString::fromStdString(finding.paths.front());
    case FixColumn:
        return link.fix ? 1 : 0;
    }
    return {};
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    const Finding *f = index.isValid() ? finding(index.row()) : nullptr;
    if (!f)
        return {};
    const DockerfileLink &l = link(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(*f, l, index.column());
    case SortRole:
        return sortKey(*f, l, index.column());
    case FindingRole:
        return index.row();
    case Qt::TextAlignmentRole:
        return index.column() == SavesColumn || index.column() == LayerColumn || index.column() == LineColumn
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    case Qt::DecorationRole:
        if (index.column() != FindingColumn)
            return {};
        return QApplication::style()->standardIcon(f->severity == Severity::Error ? QStyle::SP_MessageBoxCritical
                : f->severity == Severity::Warning                                ? QStyle::SP_MessageBoxWarning
                                                                                  : QStyle::SP_MessageBoxInformation);
    case Qt::ToolTipRole:
        if (index.column() == PathsColumn && f->paths.size() > 1) {
            QStringList paths;
            for (const std::string &path : f->paths)
                paths << QLatin1Char('/') + displayPath(path);
            return paths.join(QLatin1Char('\n'));
        }
        if (index.column() == FixColumn && l.fix)
            return l.fix->title;
        if (index.column() == FindingColumn)
            return tr("%1: %2").arg(QLatin1String(severityName(f->severity)), f->advice);
        return {};
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case FindingColumn:
            return tr("Finding");
        case SavesColumn:
            return tr("Saves");
        case LayerColumn:
            return tr("Layer");
        case LineColumn:
            return tr("Line");
        case PathsColumn:
            return tr("Paths");
        case FixColumn:
            return tr("Fix");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case SavesColumn:
            return tr("Bytes the image would lose by acting on the finding (findings may overlap)");
        case LayerColumn:
            return tr("The layer that made the bytes");
        case LineColumn:
            return tr("The Dockerfile line that made that layer");
        case FixColumn:
            return tr("A one-click edit of the Dockerfile, where the change is mechanical");
        }
    }
    return {};
}

} // namespace ballast
