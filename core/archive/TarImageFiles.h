#pragma once
#include "ImageFiles.h"
#include "TarIndex.h"

#include <string>
#include <unordered_map>

namespace ballast {

class TarImageFiles : public ImageFiles {
public:
    // `tarFile` is the uncompressed tar to read (the source itself, or its inflated copy).
    TarImageFiles(QString sourcePath, const QString &tarFile);
    bool isDirectory() const override { return false; }
    std::optional<FileRange> find(const QString &member) const override;
    QStringList topLevelNames() const override;
    QString damageNote() const override;
    void adoptTemporaryDir(std::unique_ptr<QTemporaryDir> dir, QString compression);

private:
    QString m_tarFile;
    std::vector<TarMember> m_members;
    bool m_endMarkerSeen = true;
    int64_t m_fileSize = 0;
    std::unordered_map<std::string, size_t> m_byPath; // the last member of a path wins, as tar extraction does
};

class DirectoryImageFiles : public ImageFiles {
public:
    explicit DirectoryImageFiles(QString directory);
    bool isDirectory() const override { return true; }
    std::optional<FileRange> find(const QString &member) const override;
    QStringList topLevelNames() const override;

private:
    QString m_canonicalRoot;
};

} // namespace ballast
