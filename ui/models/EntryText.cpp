#include "EntryText.h"

namespace ballast {

QString permissionString(const LayerEntry *entry, bool directory)
{
    QString text(10, QLatin1Char('-'));
    const EntryType type = entry ? entry->type : EntryType::Directory;
    switch (type) {
    case EntryType::Directory: text[0] = QLatin1Char('d'); break;
    case EntryType::Symlink: text[0] = QLatin1Char('l'); break;
    case EntryType::CharDevice: text[0] = QLatin1Char('c'); break;
    case EntryType::BlockDevice: text[0] = QLatin1Char('b'); break;
    case EntryType::Fifo: text[0] = QLatin1Char('p'); break;
    case EntryType::Socket: text[0] = QLatin1Char('s'); break;
    case EntryType::Hardlink: text[0] = QLatin1Char('h'); break;
    default: text[0] = directory ? QLatin1Char('d') : QLatin1Char('-'); break;
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
    case NodeStatus::Added: return dark ? QColor(0x7e, 0xe0, 0x8a) : QColor(0x1a, 0x7f, 0x37);
    case NodeStatus::Modified: return dark ? QColor(0xf0, 0xc6, 0x74) : QColor(0x9a, 0x67, 0x00);
    case NodeStatus::Removed: return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    default: return palette.color(QPalette::Text);
    }
}

} // namespace ballast
