#include "CaseSupport.h"

namespace hostile {

QString expand(QString text, const WrittenArchive &written)
{
    const WrittenImage &image = written.images.front();
    text.replace(QStringLiteral("{config}"), image.configPath);
    text.replace(QStringLiteral("{configDigest}"), image.configDigest);
    text.replace(QStringLiteral("{manifest}"), hexOf(image.manifestDigest));
    for (size_t k = 0; k < image.layers.size(); ++k) {
        const QString prefix = QStringLiteral("{layer%1.").arg(k);
        text.replace(prefix + QStringLiteral("path}"), image.layers[k].archivePath);
        text.replace(prefix + QStringLiteral("digest}"), image.layers[k].digest);
        text.replace(prefix + QStringLiteral("declared}"), image.layers[k].declaredDigest);
        text.replace(prefix + QStringLiteral("diffId}"), image.layers[k].diffId);
    }
    return text;
}

HostileCase writeBroken(const QString &directory, const QString &file, const ArchiveSpec &spec, QString name,
    QString what, const QStringList &stderrHas, const ArchiveEdit &edit)
{
    QTemporaryDir scratch;
    const WrittenArchive written = writeArchive(spec, scratch.path(), QStringLiteral("x"));
    QByteArray bytes = readFileBytes(written.path);
    Replacements replacements;
    if (edit)
        replacements = edit(bytes, written);
    writeFileBytes(QDir(directory).filePath(file), bytes);
    QStringList expected;
    for (QString text : stderrHas) {
        for (const auto &[key, value] : replacements)
            text.replace(key, value);
        expected << expand(text, written);
    }
    return broken(std::move(name), file, std::move(what), expected);
}

void dropMember(QByteArray &tar, const QString &path)
{
    auto members = readTarMembers(tar);
    const auto before = members.size();
    std::erase_if(members, [&](const TarMemberCopy &m) { return m.path == path.toStdString(); });
    if (members.size() == before)
        throw std::runtime_error("dropMember: no member " + path.toStdString());
    tar = writeTarMembers(members);
}

void editMember(QByteArray &tar, const QString &path, const std::function<void(TarMemberCopy &)> &edit)
{
    auto members = readTarMembers(tar);
    bool found = false;
    for (TarMemberCopy &m : members)
        if (m.path == path.toStdString()) {
            edit(m);
            found = true;
        }
    if (!found)
        throw std::runtime_error("editMember: no member " + path.toStdString());
    tar = writeTarMembers(members);
}

QString rewriteOciManifest(
    QByteArray &tar, const WrittenArchive &written, const std::function<void(nlohmann::json &)> &edit)
{
    const QString oldHex = hexOf(written.images[0].manifestDigest);
    auto members = readTarMembers(tar);
    QString newHex;
    QByteArray newBytes;
    for (TarMemberCopy &m : members) {
        if (m.path != "blobs/sha256/" + oldHex.toStdString())
            continue;
        nlohmann::json manifest = nlohmann::json::parse(m.data.toStdString());
        edit(manifest);
        newBytes = QByteArray::fromStdString(manifest.dump());
        newHex = sha256Hex(newBytes);
        m.path = "blobs/sha256/" + newHex.toStdString();
        m.data = newBytes;
    }
    for (TarMemberCopy &m : members) {
        if (m.path != "index.json")
            continue;
        nlohmann::json index = nlohmann::json::parse(m.data.toStdString());
        for (auto &d : index["manifests"])
            if (d["digest"] == "sha256:" + oldHex.toStdString()) {
                d["digest"] = "sha256:" + newHex.toStdString();
                d["size"] = newBytes.size();
            }
        m.data = QByteArray::fromStdString(index.dump());
    }
    if (newHex.isEmpty())
        throw std::runtime_error("rewriteOciManifest: no manifest blob");
    tar = writeTarMembers(members);
    return newHex;
}

} // namespace hostile
