#include "TarWriter.h"

#include <cstring>
#include <stdexcept>

namespace ballast::test {
namespace {

constexpr int Block = 512;

void putOctal(char *field, size_t width, int64_t value)
{
    // width-1 octal digits and a NUL, as GNU tar and Go write them.
    std::string digits(width - 1, '0');
    for (size_t i = width - 1; i-- > 0 && value > 0; value >>= 3)
        digits[i] = char('0' + (value & 7));
    if (value != 0)
        throw std::runtime_error("tar numeric field overflow");
    memcpy(field, digits.data(), width - 1);
    field[width - 1] = '\0';
}

void putBase256(char *field, size_t width, int64_t value)
{
    memset(field, 0, width);
    for (size_t i = width; i-- > 1; value >>= 8)
        field[i] = char(value & 0xff);
    field[0] = char(0x80);
}

void putChecksum(char *h)
{
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < Block; ++i)
        sum += static_cast<unsigned char>(h[i]);
    putOctal(h + 148, 7, sum); // six digits, NUL, and the space already there
}

void putString(char *field, size_t width, const std::string &value)
{
    memcpy(field, value.data(), std::min(width, value.size()));
}

std::string baseName(const std::string &path)
{
    std::string trimmed = path;
    while (trimmed.size() > 1 && trimmed.back() == '/')
        trimmed.pop_back();
    auto slash = trimmed.rfind('/');
    return slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
}

} // namespace

std::string paxRecords(const std::vector<std::pair<std::string, std::string>> &records)
{
    std::string out;
    for (const auto &[key, value] : records) {
        const size_t body = key.size() + value.size() + 3; // ' ', '=', '\n'
        size_t length = body + 1;
        while (std::to_string(length).size() + body != length)
            length = std::to_string(length).size() + body;
        out += std::to_string(length) + " " + key + "=" + value + "\n";
    }
    return out;
}

QByteArray tarHeaderBlock(const std::string &name, char type, int64_t size, const EntrySpec &meta,
    const std::string &link, bool gnuMagic, const std::string &prefix)
{
    QByteArray block(Block, '\0');
    char *h = block.data();
    putString(h, 100, name);
    putOctal(h + 100, 8, meta.mode & 07777);
    putOctal(h + 108, 8, meta.uid);
    putOctal(h + 116, 8, meta.gid);
    if (meta.sizeField == SizeField::Base256 && type != 'x' && type != 'g' && type != 'L' && type != 'K')
        putBase256(h + 124, 12, size);
    else if (meta.sizeField == SizeField::PaxOnly && type != 'x' && type != 'g' && type != 'L' && type != 'K')
        putOctal(h + 124, 12, 0);
    else
        putOctal(h + 124, 12, size);
    putOctal(h + 136, 12, meta.mtime);
    h[156] = type;
    putString(h + 157, 100, link);
    if (gnuMagic)
        memcpy(h + 257, "ustar  ", 8); // magic "ustar " + version " \0"
    else
        memcpy(h + 257,
            "ustar\0"
            "00",
            8);
    putString(h + 265, 32, "root");
    putString(h + 297, 32, "root");
    putString(h + 345, 155, prefix);
    if (type == '3' || type == '4') {
        putOctal(h + 329, 8, meta.devMajor);
        putOctal(h + 337, 8, meta.devMinor);
    }
    putChecksum(h);
    return block;
}

void setTarHeaderSize(char *header, int64_t size)
{
    if (size < (int64_t(1) << 33)) // 11 octal digits
        putOctal(header + 124, 12, size);
    else
        putBase256(header + 124, 12, size);
    putChecksum(header);
}

void TarWriter::header(const std::string &name, char type, int64_t size, const EntrySpec &meta, const std::string &link,
    bool gnuMagic, const std::string &prefix)
{
    m_bytes += tarHeaderBlock(name, type, size, meta, link, gnuMagic, prefix);
}

void TarWriter::data(const std::string &content)
{
    m_bytes.append(content.data(), qsizetype(content.size()));
    const qsizetype pad = (Block - content.size() % Block) % Block;
    m_bytes.append(QByteArray(pad, '\0'));
}

void TarWriter::addGlobalPax(const std::vector<std::pair<std::string, std::string>> &records)
{
    const std::string body = paxRecords(records);
    EntrySpec meta;
    header("pax_global_header", 'g', int64_t(body.size()), meta, {}, false);
    data(body);
}

TarWriter::Placement TarWriter::add(const EntrySpec &entry)
{
    m_starts.push_back(m_bytes.size());
    if (entry.paxGlobalHeaderBefore)
        addGlobalPax({ { "comment", "synthetic global header" }, { "mtime", "1700000000" } });
    const int64_t size = entry.type == '0' ? int64_t(entry.content.size()) : 0;
    const bool gnu = entry.longName == LongName::Gnu;
    const bool longPath = entry.path.size() > 100;
    const bool longLink = entry.link.size() > 100;
    std::string name = entry.path;
    std::string link = entry.link;
    std::string prefix;

    // pax extended header: extra records, a size that the ustar field does not carry, long names.
    auto records = entry.paxRecords;
    if (entry.sizeField == SizeField::PaxOnly)
        records.emplace_back("size", std::to_string(size));
    if (!gnu && (entry.longName == LongName::Pax || (entry.longName == LongName::Auto && longPath)))
        records.emplace_back("path", entry.path);
    if (!gnu && longLink)
        records.emplace_back("linkpath", entry.link);
    if (!records.empty()) {
        const std::string body = paxRecords(records);
        EntrySpec meta;
        header(("PaxHeaders.0/" + baseName(entry.path)).substr(0, 100), 'x', int64_t(body.size()), meta, {}, false);
        data(body);
    }

    if (entry.longName == LongName::UstarPrefix) {
        std::string trimmed = name;
        while (trimmed.size() > 1 && trimmed.back() == '/')
            trimmed.pop_back();
        const auto slash = trimmed.rfind('/');
        if (slash != std::string::npos && slash > 0) {
            prefix = name.substr(0, slash);
            name = name.substr(slash + 1);
        }
        if (prefix.size() > 155 || name.size() > 100)
            throw std::runtime_error("name too long for a ustar prefix split: " + entry.path);
    } else if (gnu) {
        EntrySpec meta;
        meta.mode = 0;
        if (longLink) {
            header("././@LongLink", 'K', int64_t(link.size() + 1), meta, {}, true);
            data(link + '\0');
        }
        // Asked for explicitly, the long-name record is written even for short names.
        header("././@LongLink", 'L', int64_t(name.size() + 1), meta, {}, true);
        data(name + '\0');
    }
    if (longPath && prefix.empty())
        name = gnu ? name.substr(0, 100) : baseName(entry.path).substr(0, 100);
    if (longLink)
        link = link.substr(0, 100);

    Placement placement;
    placement.headerOffset = m_bytes.size();
    header(name, entry.type, size, entry, link, gnu, prefix);
    placement.dataOffset = m_bytes.size();
    placement.size = size;
    if (entry.type == '0')
        data(entry.content);
    return placement;
}

void TarWriter::finish()
{
    m_starts.push_back(m_bytes.size());
    m_bytes.append(QByteArray(2 * Block, '\0'));
}

} // namespace ballast::test
