#include "TarIndex.h"

#include "util/LoadError.h"
#include "util/PathNormalizer.h"

#include <QFile>
#include <cstring>
#include <optional>

namespace ballast {
namespace {

constexpr int64_t Block = 512;

std::string fieldString(const char *field, size_t length)
{
    return std::string(field, strnlen(field, length));
}

// Octal, or GNU base-256 when the top bit of the first byte is set (sizes over 8 GiB).
std::optional<int64_t> parseNumber(const char *field, size_t length)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(field);
    if (bytes[0] & 0x80) {
        int64_t value = bytes[0] & 0x3f;
        for (size_t i = 1; i < length; ++i) {
            if (value > (INT64_MAX >> 8))
                return std::nullopt;
            value = (value << 8) | bytes[i];
        }
        return value;
    }
    int64_t value = 0;
    size_t i = 0;
    while (i < length && (field[i] == ' ' || field[i] == '\0'))
        ++i;
    for (; i < length && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (value > (INT64_MAX >> 3))
            return std::nullopt;
        value = value * 8 + (field[i] - '0');
    }
    for (; i < length; ++i)
        if (field[i] != ' ' && field[i] != '\0')
            return std::nullopt;
    return value;
}

bool checksumMatches(const char *header)
{
    auto stored = parseNumber(header + 148, 8);
    if (!stored)
        return false;
    int64_t sum = 0;
    for (int i = 0; i < Block; ++i)
        sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(header[i]);
    return sum == *stored;
}

bool isZeroBlock(const char *block)
{
    for (int i = 0; i < Block; ++i)
        if (block[i])
            return false;
    return true;
}

// pax extended header records: "<length> <key>=<value>\n"
void applyPax(const QByteArray &data, std::string *path, std::string *link, int64_t *size)
{
    int pos = 0;
    while (pos < data.size()) {
        int space = data.indexOf(' ', pos);
        if (space < 0)
            return;
        bool ok = false;
        int length = data.mid(pos, space - pos).toInt(&ok);
        if (!ok || length <= 0 || pos + length > data.size())
            return;
        QByteArray record = data.mid(space + 1, length - (space + 1 - pos) - 1);
        int eq = record.indexOf('=');
        if (eq > 0) {
            QByteArray key = record.left(eq);
            QByteArray value = record.mid(eq + 1);
            if (key == "path")
                *path = value.toStdString();
            else if (key == "linkpath")
                *link = value.toStdString();
            else if (key == "size")
                *size = value.toLongLong();
        }
        pos += length;
    }
}

} // namespace

bool TarIndex::looksLikeTarHeader(const char *block)
{
    return memcmp(block + 257, "ustar", 5) == 0 || (!isZeroBlock(block) && checksumMatches(block));
}

TarListing TarIndex::read(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        throw LoadError(QStringLiteral("%1: cannot open: %2").arg(fileName, file.errorString()));
    const int64_t fileSize = file.size();

    TarListing listing;
    listing.fileSize = fileSize;
    std::vector<TarMember> &members = listing.members;
    std::string longName, longLink, paxPath, paxLink;
    int64_t paxSize = -1; // -1: no pax size record
    int64_t offset = 0;
    char header[Block];
    while (offset + Block <= fileSize) {
        file.seek(offset);
        if (file.read(header, Block) != Block)
            throw LoadError(QStringLiteral("%1: read error at byte %2").arg(fileName).arg(offset));
        if (isZeroBlock(header)) {
            listing.endMarkerSeen = true; // end-of-archive marker
            break;
        }
        if (!checksumMatches(header))
            throw LoadError(
                QStringLiteral("%1: damaged tar header at byte %2 (checksum mismatch)").arg(fileName).arg(offset));
        const char type = header[156] ? header[156] : '0';
        std::string name = fieldString(header, 100);
        if (memcmp(header + 257, "ustar\0", 6) == 0 && header[345])
            name = fieldString(header + 345, 155).append("/").append(name);
        auto headerSize = parseNumber(header + 124, 12);
        if (!headerSize || *headerSize < 0)
            throw LoadError(QStringLiteral("%1: entry %2 at byte %3 has an invalid size field")
                                .arg(fileName, QString::fromStdString(name))
                                .arg(offset));
        int64_t size = paxSize >= 0 ? paxSize : *headerSize;
        const int64_t dataOffset = offset + Block;
        if (size > fileSize - dataOffset)
            throw LoadError(QStringLiteral("%1: entry %2 declares %3 bytes but the archive ends at byte %4")
                                .arg(fileName, displayPath(name))
                                .arg(size)
                                .arg(fileSize));
        offset = dataOffset + (size + Block - 1) / Block * Block;

        if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
            if (size > (1 << 20))
                throw LoadError(QStringLiteral("%1: extended header at byte %2 is %3 bytes, over the 1 MiB limit")
                                    .arg(fileName)
                                    .arg(dataOffset - Block)
                                    .arg(size));
            file.seek(dataOffset);
            QByteArray data = file.read(size);
            if (type == 'L')
                longName = std::string(data.constData(), strnlen(data.constData(), data.size()));
            else if (type == 'K')
                longLink = std::string(data.constData(), strnlen(data.constData(), data.size()));
            else if (type == 'x')
                applyPax(data, &paxPath, &paxLink, &paxSize);
            continue; // global pax headers ('g') carry nothing we need for member lookup
        }

        TarMember member;
        member.type = type;
        member.path = normalizeEntryPath(!paxPath.empty() ? paxPath : !longName.empty() ? longName : name);
        member.linkTarget = !paxLink.empty() ? paxLink : !longLink.empty() ? longLink : fieldString(header + 157, 100);
        member.dataOffset = dataOffset;
        member.size = (type == '0' || type == '7') ? size : 0;
        members.push_back(std::move(member));
        longName.clear();
        longLink.clear();
        paxPath.clear();
        paxLink.clear();
        paxSize = -1;
    }
    if (offset < fileSize && offset + Block > fileSize)
        throw LoadError(QStringLiteral("%1: the archive ends inside a tar header at byte %2 (truncated?)")
                            .arg(fileName)
                            .arg(offset));
    return listing;
}

} // namespace ballast
