#include "DockerfileFindingsModel.h"

#include "util/ByteFormat.h"

namespace ballast {

DockerfileFindingsModel::DockerfileFindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DockerfileFindingsModel::setFindings(std::vector<ShownFinding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

int DockerfileFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int DockerfileFindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DockerfileFindingsModel::display(const ShownFinding &shown, int column) const
{
    const LintFinding &finding = shown.finding;
    switch (column) {
    case LineColumn:
        return QString::number(finding.line);
    case RuleColumn:
        return finding.rule;
    case SeverityColumn:
        return QLatin1String(lintSeverityName(finding.severity));
    case BytesColumn:
        return finding.bytes ? formatBytes(*finding.bytes) : QString();
    case MessageColumn:
        return shown.beforeEdits ? tr("%1 (measured before your edits)").arg(finding.message) : finding.message;
    }
    return {};
}

QVariant DockerfileFindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ShownFinding &shown = m_findings[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(shown, index.column());
    case Qt::TextAlignmentRole: // top: beside a message wrapped onto several lines
        return int((index.column() == BytesColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    case LineRole:
        return shown.finding.line;
    case BeforeEditsRole:
        return shown.beforeEdits;
    }
    return {};
}

QVariant DockerfileFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LineColumn:
        return tr("Line");
    case RuleColumn:
        return tr("Rule");
    case SeverityColumn:
        return tr("Severity");
    case BytesColumn:
        return tr("Bytes");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QString DockerfileFindingsModel::summary(const std::vector<ShownFinding> &findings)
{
    int errors = 0, warnings = 0;
    for (const ShownFinding &shown : findings) {
        errors += shown.finding.severity == LintSeverity::Error;
        warnings += shown.finding.severity == LintSeverity::Warning;
    }
    // Spelled out for one and for many: without a translation loaded, tr()'s %n keeps "(s)".
    const auto count = [](qsizetype n, const QString &one, const QString &many) { return n == 1 ? one : many.arg(n); };
    QStringList parts { count(qsizetype(findings.size()), tr("1 finding"), tr("%1 findings")) };
    if (findings.empty())
        parts = QStringList { tr("No findings") };
    if (errors)
        parts << count(errors, tr("1 error"), tr("%1 errors"));
    if (warnings)
        parts << count(warnings, tr("1 warning"), tr("%1 warnings"));
    return parts.join(QStringLiteral(", "));
}

} // namespace ballast
