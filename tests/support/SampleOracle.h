#pragma once
// What the file tree must show for the committed sample image, derived only from
// resources/sample/expected.json (written by the independent Python oracle) and the facts in
// resources/sample/README.md. No Ballast code is used to compute these expectations.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <map>
#include <vector>

namespace oracle {

inline QString samplePath()
{
    return QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar");
}

enum class Status { Absent, Added, Modified, Removed, Unchanged }; // mirrors ballast::NodeStatus by meaning

struct Entry {
    QString type; // "file", "dir", "symlink", "hardlink", … or "implied" (a parent no layer wrote so far)
    int mode = 0, uid = 0, gid = 0;
    qint64 size = 0;
    QString link;
};
using State = std::map<QString, Entry>; // path (relative, no leading '/') → entry

struct Filter {
    bool aggregated = true;
    bool showAdded = true, showModified = true, showRemoved = true, showUnchanged = true;
    qint64 minimumBytes = 0;
    QString search;
    bool regex = false;
};

inline bool isUnder(const QString &path, const QString &dir)
{
    return path == dir || path.startsWith(dir + QLatin1Char('/'));
}

inline QStringList ancestors(const QString &path)
{
    QStringList out;
    for (qsizetype slash = path.indexOf(QLatin1Char('/')); slash >= 0;
         slash = path.indexOf(QLatin1Char('/'), slash + 1))
        out << path.left(slash);
    return out;
}

class Sample {
public:
    Sample()
    {
        QFile file(QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/expected.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read expected.json");
        json = QJsonDocument::fromJson(file.readAll()).object();
        State state;
        for (const auto layerValue : json[QStringLiteral("layers")].toArray()) {
            const QJsonObject layer = layerValue.toObject();
            State written;
            QStringList removedTargets;
            for (const auto entryValue : layer[QStringLiteral("entries")].toArray()) {
                const QJsonObject e = entryValue.toObject();
                const QString path = e[QStringLiteral("path")].toString();
                if (e[QStringLiteral("type")].toString() == QLatin1String("whiteout")) {
                    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
                    removedTargets << path.left(slash + 1) + path.mid(slash + 1 + 4); // dir/.wh.name → dir/name
                    continue;
                }
                written[path] = Entry { e[QStringLiteral("type")].toString(),
                    e[QStringLiteral("mode")].toString().toInt(nullptr, 8), e[QStringLiteral("uid")].toInt(),
                    e[QStringLiteral("gid")].toInt(), qint64(e[QStringLiteral("size")].toDouble()),
                    e[QStringLiteral("linkname")].toString() };
            }
            const State before = state;
            // Whiteouts hide what lower layers hold, then the layer's own entries are applied.
            for (const QString &target : removedTargets)
                for (auto it = state.begin(); it != state.end();)
                    it = isUnder(it->first, target) ? state.erase(it) : std::next(it);
            for (const auto &[path, entry] : written) {
                state[path] = entry;
                for (const QString &parent : ancestors(path))
                    if (!state.count(parent))
                        state[parent].type = QStringLiteral("implied");
            }
            states.push_back(state);
            previous.push_back(before);
            writes.push_back(written);
        }
    }

    int layerCount() const { return int(states.size()); }
    const State &after(int layer) const { return states[size_t(layer)]; }

    // Files whose content changed without any change of size, mode or owner (README: layer 6 runs
    // `sed -i 's/VERSION_ID=1/VERSION_ID=2/' /etc/os-release`).
    static bool contentChanged(int layer, const QString &path)
    {
        return layer == 6 && path == QLatin1String("etc/os-release");
    }

    Status status(int layer, const QString &path) const
    {
        const State &now = states[size_t(layer)], &was = previous[size_t(layer)];
        const auto n = now.find(path), w = was.find(path);
        if (n == now.end())
            return w == was.end() ? Status::Absent : Status::Removed;
        if (w == was.end())
            return Status::Added;
        const auto written = writes[size_t(layer)].find(path);
        if (written == writes[size_t(layer)].end())
            return Status::Unchanged; // untouched, or only needed as a parent
        const Entry &a = w->second, &b = written->second;
        auto kind = [](const Entry &e) { return e.type == QLatin1String("implied") ? QStringLiteral("dir") : e.type; };
        if (kind(a) != kind(b))
            return Status::Modified;
        if (a.type == QLatin1String("implied"))
            return Status::Unchanged;
        const bool same = a.mode == b.mode && a.uid == b.uid && a.gid == b.gid && a.size == b.size && a.link == b.link
            && !contentChanged(layer, path);
        return same ? Status::Unchanged : Status::Modified;
    }

    // Regular-file bytes at or below `path` after `layer`; a node removed in `layer` keeps its bytes.
    qint64 bytes(int layer, const QString &path) const
    {
        const State &now = states[size_t(layer)];
        const State &source = now.count(path) ? now : previous[size_t(layer)];
        qint64 total = 0;
        for (auto it = source.lower_bound(path); it != source.end() && it->first.startsWith(path); ++it)
            if (isUnder(it->first, path) && it->second.type == QLatin1String("file"))
                total += it->second.size;
        return total;
    }

    bool isDirectory(int layer, const QString &path) const
    {
        const State &now = states[size_t(layer)];
        const State &source = now.count(path) ? now : previous[size_t(layer)];
        const auto it = source.find(path);
        return it != source.end()
            && (it->second.type == QLatin1String("dir") || it->second.type == QLatin1String("implied"));
    }

    // What "layer changes only" sizes a node by: the bytes of the files the layer added, modified or
    // removed at or below it (a removed file counts the bytes it had).
    qint64 changedBytes(int layer, const QString &path) const
    {
        qint64 total = 0;
        for (const QString &p : pathsAt(layer)) {
            const Status s = status(layer, p);
            if (isUnder(p, path) && (s == Status::Added || s == Status::Modified || s == Status::Removed)
                && !isDirectory(layer, p))
                total += bytes(layer, p);
        }
        return total;
    }

    // Every path the merged tree knows of at `layer` (present now or just removed).
    QStringList pathsAt(int layer) const
    {
        QSet<QString> all;
        for (const auto &[path, entry] : states[size_t(layer)])
            all.insert(path);
        for (const auto &[path, entry] : previous[size_t(layer)])
            all.insert(path);
        return all.values();
    }

    bool matches(int layer, const QString &path, const Filter &filter) const
    {
        const Status s = status(layer, path);
        const bool inScope = filter.aggregated ? s != Status::Absent
                                               : (s == Status::Added || s == Status::Modified || s == Status::Removed);
        const bool statusShown = (s == Status::Added && filter.showAdded)
            || (s == Status::Modified && filter.showModified) || (s == Status::Removed && filter.showRemoved)
            || (s == Status::Unchanged && filter.showUnchanged);
        if (!inScope || !statusShown || bytes(layer, path) < filter.minimumBytes)
            return false;
        if (filter.search.isEmpty())
            return true;
        // A directory the search matches keeps its contents: they pass the search too.
        if (searchMatches(path, filter))
            return true;
        for (const QString &parent : ancestors(path))
            if (searchMatches(parent, filter))
                return true;
        return false;
    }

    // The search alone: the name (with a '/' in the search, the whole path) matches.
    static bool searchMatches(const QString &path, const Filter &filter)
    {
        const QString subject = filter.search.contains(QLatin1Char('/')) ? path : path.section(QLatin1Char('/'), -1);
        if (filter.regex) {
            const QRegularExpression regex(filter.search, QRegularExpression::CaseInsensitiveOption);
            return regex.isValid() && regex.match(subject).hasMatch(); // an invalid pattern matches nothing
        }
        return subject.contains(filter.search, Qt::CaseInsensitive);
    }

    // What the match counter counts: paths that pass the filter and whose own name matches the search.
    QSet<QString> searchHits(int layer, const Filter &filter) const
    {
        QSet<QString> out;
        if (filter.search.isEmpty())
            return out;
        for (const QString &path : matching(layer, filter))
            if (searchMatches(path, filter))
                out.insert(path);
        return out;
    }

    QSet<QString> matching(int layer, const Filter &filter) const
    {
        QSet<QString> out;
        for (const QString &path : pathsAt(layer))
            if (matches(layer, path, filter))
                out.insert(path);
        return out;
    }

    // What the tree shows: the matches and their ancestors as context.
    QSet<QString> visible(int layer, const Filter &filter) const
    {
        QSet<QString> out;
        for (const QString &path : matching(layer, filter)) {
            out.insert(path);
            for (const QString &parent : ancestors(path))
                out.insert(parent);
        }
        return out;
    }

    QSet<QString> finalPaths() const
    {
        QSet<QString> out;
        for (const auto e : json[QStringLiteral("finalFilesystem")].toObject()[QStringLiteral("entries")].toArray())
            out.insert(e.toObject()[QStringLiteral("path")].toString());
        return out;
    }

    QJsonObject json;

private:
    std::vector<State> states, previous, writes;
};

} // namespace oracle
