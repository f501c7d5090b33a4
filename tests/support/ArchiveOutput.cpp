#include "ArchiveOutput.h"

#include "Compressors.h"
#include "TarWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <stdexcept>

namespace ballast::test {

void writeFileBytes(const QString &file, const QByteArray &bytes)
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
        throw std::runtime_error(("cannot write " + file + ": " + out.errorString()).toStdString());
}

QByteArray readFileBytes(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw std::runtime_error(("cannot read " + file).toStdString());
    return in.readAll();
}

bool ArchiveOutput::contains(const QString &path) const
{
    for (const Member &m : m_members)
        if (m.path == path)
            return true;
    return false;
}

void ArchiveOutput::addFile(const QString &path, const QByteArray &bytes)
{
    if (!contains(path))
        m_members.push_back({ path, '0', bytes, {} });
}

void ArchiveOutput::addDirectory(const QString &path)
{
    if (!contains(path))
        m_members.push_back({ path, '5', {}, {} });
}

void ArchiveOutput::addSymlink(const QString &path, const QString &target)
{
    if (!contains(path))
        m_members.push_back({ path, '2', {}, target });
}

std::map<QString, MemberLocation> ArchiveOutput::writeTar(const QString &file, const ArchiveSpec &style) const
{
    using Names = ArchiveSpec::MemberNames;
    const Names names = style.memberNames;
    TarWriter tar;
    std::map<QString, MemberLocation> locations;
    if (style.globalHeaderFirst)
        tar.addGlobalPax({ { "comment", "0123456789abcdef0123456789abcdef01234567" } });
    if (names == Names::DotSlash)
        tar.add(dirEntry("./"));
    for (const Member &m : m_members) {
        EntrySpec entry;
        entry.path = (names == Names::DotSlash ? "./" : "") + m.path.toStdString();
        entry.longName = names == Names::Pax ? LongName::Pax
            : names == Names::Gnu            ? LongName::Gnu
            : names == Names::UstarPrefix    ? LongName::UstarPrefix
                                             : LongName::Auto;
        entry.sizeField = style.memberSizes;
        entry.type = m.type;
        entry.content = m.bytes.toStdString();
        entry.link = m.link.toStdString();
        entry.mode = m.type == '5' ? 0755 : m.type == '2' ? 0777 : 0644;
        const auto placed = tar.add(entry);
        locations[m.path] = { placed.headerOffset, placed.dataOffset, placed.size };
    }
    tar.finish();
    switch (style.outer) {
    case OuterCompression::None:
        writeFileBytes(file, tar.bytes());
        break;
    case OuterCompression::Gzip:
        writeFileBytes(file, gzipCompress(tar.bytes(), 1));
        break;
    case OuterCompression::Zstd:
        writeFileBytes(file, zstdCompress(tar.bytes(), 1));
        break;
    }
    return locations;
}

void ArchiveOutput::writeDirectory(const QString &directory) const
{
    QDir root(directory);
    if (!root.mkpath(QStringLiteral(".")))
        throw std::runtime_error(("cannot create " + directory).toStdString());
    for (const Member &m : m_members) {
        const QString target = root.filePath(m.path);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (m.type == '5')
            QDir().mkpath(target);
        else if (m.type == '2')
            QFile::link(m.link, target);
        else
            writeFileBytes(target, m.bytes);
    }
}

} // namespace ballast::test
