#include "EntryText.h"

#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QCoreApplication>

namespace ballast {

QString permissionString(const LayerEntry *entry, bool directory)
{
    QString text(10, QLatin1Char('-'));
    const EntryType type = entry ? entry->type : EntryType::Directory;
    switch (type) {
    case EntryType::Directory:
        text[0] = QLatin1Char('d');
        break;
    case EntryType::Symlink:
        text[0] = QLatin1Char('l');
        break;
    case EntryType::CharDevice:
        text[0] = QLatin1Char('c');
        break;
    case EntryType::BlockDevice:
        text[0] = QLatin1Char('b');
        break;
    case EntryType::Fifo:
        text[0] = QLatin1Char('p');
        break;
    case EntryType::Socket:
        text[0] = QLatin1Char('s');
        break;
    // `tar -tv` marks a link member 'h', but on disk it is one more name of a regular file.
    default:
        text[0] = directory ? QLatin1Char('d') : QLatin1Char('-');
        break;
    }
    const uint32_t mode = entry ? entry->mode : 0755;
    const char *letters = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        if (mode & (1u << (8 - i)))
            text[i + 1] = QLatin1Char(letters[i]);
    auto special = [&](int position, uint32_t bit, char withExec, char withoutExec) {
        if (mode & bit)
            text[position] = QLatin1Char(text[position] == QLatin1Char('x') ? withExec : withoutExec);
    };
    special(3, 04000, 's', 'S');
    special(6, 02000, 's', 'S');
    special(9, 01000, 't', 'T');
    return text;
}

QColor statusColor(NodeStatus status, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (status) {
    case NodeStatus::Added:
        return dark ? QColor(0x7e, 0xe0, 0x8a) : QColor(0x1a, 0x7f, 0x37);
    case NodeStatus::Modified:
        return dark ? QColor(0xf0, 0xc6, 0x74) : QColor(0x9a, 0x67, 0x00);
    case NodeStatus::Removed:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    default:
        return palette.color(QPalette::Text);
    }
}

QString absolutePath(const MergedTree &tree, MergedTree::NodeId node)
{
    return QLatin1Char('/') + displayPath(tree.path(node));
}

QString hardlinkSizeText(const MergedTree::HardlinkShare &share)
{
    return QStringLiteral("⇒ ") + (share.carrier ? formatBytes(share.carrier->size) : QStringLiteral("?"));
}

QString hardlinkSentence(const MergedTree::HardlinkShare &share, const QString &target)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("EntryText", text); };
    if (!share.carrier)
        return tr("hardlink to %1, which holds no regular file of the image").arg(target);
    const QString size = formatBytes(share.carrier->size);
    if (share.countedAtTarget)
        return tr("%1, hardlink to %2, whose %1 are counted there").arg(size, target);
    return tr("%1, hardlink to %2 as it was when the link was written; a later layer replaced or removed %2, "
              "so no total counts these bytes")
        .arg(size, target);
}

QString directorySizeText(int64_t bytes, int64_t linkedBytes)
{
    return bytes == 0 && linkedBytes > 0 ? QStringLiteral("⇒ ") + formatBytes(linkedBytes) : formatBytes(bytes);
}

QString linkedBytesSentence(int64_t bytes, int64_t linkedBytes)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("EntryText", text); };
    if (bytes == 0)
        return tr("0 B counted here: the hardlinks below it name %1, counted once at their other names outside this "
                  "directory.")
            .arg(formatBytes(linkedBytes));
    return tr(
        "%1 counted here. Hardlinks below it name %2 more, counted once at their other names outside this directory.")
        .arg(formatBytes(bytes), formatBytes(linkedBytes));
}

QString namesList(const QStringList &names, int shown)
{
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    return QCoreApplication::translate("EntryText", "%1 and %2 more")
        .arg(names.mid(0, shown).join(QStringLiteral(", ")))
        .arg(names.size() - shown);
}

} // namespace ballast
