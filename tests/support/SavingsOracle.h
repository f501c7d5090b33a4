#pragma once
// What an image's findings would save, computed from a fixture's expected.json (the independent
// oracle's listing of every layer's tar and of the final filesystem) without any Ballast code: the
// layers are replayed here. Shared by the analysis suite and the Findings view's GUI suite.
#include <QFile>
#include <QString>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace savingsoracle {

inline nlohmann::json readExpected(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return nlohmann::json::parse(file.readAll().toStdString());
}

inline bool isUnder(const std::string &path, const std::string &dir)
{
    return path == dir || path.rfind(dir + "/", 0) == 0;
}

// Bytes of regular files that a later layer deletes or writes again: a whiteout `dir/.wh.NAME`
// deletes NAME and everything under it, an opaque `dir/.wh..wh..opq` everything under dir; any entry
// written at a path replaces the file there.
inline int64_t hiddenBytes(const nlohmann::json &expected)
{
    std::map<std::string, int64_t> files; // path → size of the regular file there now
    int64_t hidden = 0;
    auto removeUnder = [&](const std::string &dir, bool keepDir) {
        for (auto it = files.begin(); it != files.end();)
            if (isUnder(it->first, dir) && !(keepDir && it->first == dir)) {
                hidden += it->second;
                it = files.erase(it);
            } else {
                ++it;
            }
    };
    for (const auto &layer : expected.at("layers")) {
        for (const auto &e : layer.at("entries")) {
            const std::string path = e.at("path").get<std::string>();
            const std::string type = e.at("type").get<std::string>();
            const size_t slash = path.rfind('/');
            const std::string dir = slash == std::string::npos ? std::string() : path.substr(0, slash);
            const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
            if (name == ".wh..wh..opq") {
                removeUnder(dir, true);
            } else if (type == "whiteout" || name.rfind(".wh.", 0) == 0) {
                removeUnder((dir.empty() ? std::string() : dir + "/") + name.substr(4), false);
            } else {
                if (auto it = files.find(path); it != files.end()) {
                    hidden += it->second;
                    files.erase(it);
                }
                if (type == "file" && e.at("size").get<int64_t>() > 0)
                    files[path] = e.at("size").get<int64_t>();
            }
        }
    }
    return hidden;
}

// Bytes of the final filesystem's regular files at or under `paths`.
inline int64_t finalBytesUnder(const nlohmann::json &expected, const std::vector<std::string> &paths)
{
    int64_t total = 0;
    for (const auto &e : expected.at("finalFilesystem").at("entries"))
        for (const auto &p : paths)
            if (e.at("type") == "file" && isUnder(e.at("path").get<std::string>(), p))
                total += e.at("size").get<int64_t>();
    return total;
}

} // namespace savingsoracle
