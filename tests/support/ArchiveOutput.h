#pragma once
// The members of an outer archive in the order they are stored, written either as a tar file
// (optionally compressed as a whole) or as a directory tree.
#include "ImageSpec.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <vector>

namespace ballast::test {

struct MemberLocation {
    int64_t headerOffset = 0; // offsets in the uncompressed outer tar
    int64_t dataOffset = 0;
    int64_t size = 0;
};

class ArchiveOutput {
public:
    void addFile(const QString &path, const QByteArray &bytes); // a second add of the same path is ignored
    void addDirectory(const QString &path);
    void addSymlink(const QString &path, const QString &target);
    bool contains(const QString &path) const;

    // Writes a tar to `file`; returns where each member landed in the uncompressed tar.
    // Locations are keyed by the member's path as added (without the "./" of DotSlash).
    std::map<QString, MemberLocation> writeTar(const QString &file, const ArchiveSpec &style) const;
    void writeDirectory(const QString &directory) const;

private:
    struct Member {
        QString path;
        char type; // '0', '2', '5'
        QByteArray bytes;
        QString link;
    };
    std::vector<Member> m_members;
};

void writeFileBytes(const QString &file, const QByteArray &bytes);
QByteArray readFileBytes(const QString &file);

} // namespace ballast::test
