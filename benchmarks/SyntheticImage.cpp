#include "SyntheticImage.h"

#include "util/Sha256.h"

#include <QFile>
#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

// A minimal ustar writer: the benchmark must not depend on the code it measures.
class TarWriter {
public:
    explicit TarWriter(std::string *out)
        : m_out(out)
    { }
    void add(const std::string &path, char type, const char *data, size_t size, unsigned mode = 0644)
    {
        char header[512] = {};
        std::string name = path, prefix;
        if (name.size() > 99) {
            size_t split = name.rfind('/', 154);
            prefix = name.substr(0, split);
            name = name.substr(split + 1);
        }
        memcpy(header, name.data(), name.size());
        snprintf(header + 100, 8, "%07o", mode);
        snprintf(header + 108, 8, "%07o", 0);
        snprintf(header + 116, 8, "%07o", 0);
        snprintf(header + 124, 12, "%011llo", static_cast<unsigned long long>(size));
        snprintf(header + 136, 12, "%011o", 1700000000u);
        header[156] = type;
        memcpy(header + 257,
            "ustar\0"
            "00",
            8);
        memcpy(header + 345, prefix.data(), prefix.size());
        memset(header + 148, ' ', 8);
        unsigned sum = 0;
        for (unsigned char c : header)
            sum += c;
        snprintf(header + 148, 8, "%06o", sum);
        m_out->append(header, 512);
        m_out->append(data, size);
        m_out->append((512 - size % 512) % 512, '\0');
    }
    void finish() { m_out->append(1024, '\0'); }

private:
    std::string *m_out;
};

std::string hexDigest(const std::string &bytes)
{
    ballast::Sha256 hash;
    hash.update(bytes.data(), bytes.size());
    return hash.finishDigest().toStdString();
}

} // namespace

// var/lib/dpkg/status and info/NAME.list for layer 0's files: usr/share/wide (WideDirectoryEntries
// files) and usr/lib/d0 … d(directories - 1), DirectoriesPerPackage directories per package.
// Returns the number of entries written.
int64_t addDpkgDatabase(TarWriter &layer, int64_t directories, int filesPerDirectory)
{
    int64_t written = 0;
    std::string status;
    auto addPackage = [&](const std::string &name, const std::string &list) {
        status += "Package: " + name + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0-1\n\n";
        layer.add("var/lib/dpkg/info/" + name + ".list", '0', list.data(), list.size());
        ++written;
    };
    std::string wide = "/.\n/usr\n/usr/share\n/usr/share/wide\n";
    for (int f = 0; f < WideDirectoryEntries; ++f)
        wide += "/usr/share/wide/item" + std::to_string(f) + "\n";
    addPackage("wide", wide);
    for (int64_t first = 0; first < directories; first += DirectoriesPerPackage) {
        std::string list = "/.\n/usr\n/usr/lib\n";
        for (int64_t d = first; d < std::min(directories, first + DirectoriesPerPackage); ++d) {
            list += "/usr/lib/d" + std::to_string(d) + "\n";
            for (int f = 0; f < filesPerDirectory; ++f)
                list += "/usr/lib/d" + std::to_string(d) + "/f" + std::to_string(f) + "\n";
        }
        addPackage("package" + std::to_string(first / DirectoriesPerPackage), list);
    }
    layer.add("var/lib/dpkg/status", '0', status.data(), status.size());
    return written + 1;
}

SyntheticImageFigures writeSyntheticDockerArchive(
    const QString &path, int layerCount, int64_t entries, uint64_t seed, bool withDpkgDatabase)
{
    std::mt19937_64 random(seed);
    std::vector<char> noise(1 << 16);
    for (char &c : noise)
        c = char(random());
    auto content = [&](size_t size) { return noise.data() + random() % (noise.size() - size); };

    SyntheticImageFigures figures;
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    std::string outer;
    TarWriter archive(&outer);
    auto flushOuter = [&] {
        out.write(outer.data(), qint64(outer.size()));
        figures.archiveBytes += int64_t(outer.size());
        outer.clear();
    };
    std::vector<std::string> diffIds, layerPaths;
    const int64_t baseEntries = entries * 4 / 10;
    const int64_t perUpper = layerCount > 1 ? (entries - baseEntries) / (layerCount - 1) : 0;
    const int filesPerDir = 100;
    const int64_t baseDirs = baseEntries / (filesPerDir + 1);
    for (int l = 0; l < layerCount; ++l) {
        std::string tar;
        TarWriter layer(&tar);
        int64_t written = 0;
        const int64_t budget = l == 0 ? baseEntries : perUpper;
        if (l > 0) {
            // Delete a few base directories, make one opaque and rewrite files of another.
            for (int k = 0; k < 20; ++k, ++written)
                layer.add("usr/lib/d" + std::to_string((l * 131 + k * 7) % baseDirs) + "/.wh.f" + std::to_string(k),
                    '0', nullptr, 0);
            layer.add("usr/lib/d" + std::to_string(l * 17 % baseDirs) + "/.wh..wh..opq", '0', nullptr, 0);
            ++written;
            for (int k = 0; k < 2000 && written < budget; ++k, ++written) {
                size_t size = random() % 2048;
                layer.add("usr/lib/d" + std::to_string((l * 53 + k / filesPerDir) % baseDirs) + "/f"
                        + std::to_string(k % filesPerDir),
                    '0', content(size), size);
            }
        }
        if (l == 0) {
            // One very wide directory, for the GUI benchmark's "expand 10 000 entries".
            layer.add("usr/share/wide/", '5', nullptr, 0, 0755);
            ++written;
            for (int f = 0; f < WideDirectoryEntries && written < budget; ++f, ++written) {
                size_t size = random() % 2048;
                layer.add("usr/share/wide/item" + std::to_string(f), '0', content(size), size);
            }
        }
        int64_t directories = 0;
        for (; written < budget; ++directories) {
            const std::string dir
                = (l == 0 ? "usr/lib/d" : "opt/layer" + std::to_string(l) + "/d") + std::to_string(directories);
            layer.add(dir + "/", '5', nullptr, 0, 0755);
            ++written;
            for (int f = 0; f < filesPerDir && written < budget; ++f, ++written) {
                size_t size = random() % 2048;
                layer.add(dir + "/f" + std::to_string(f), '0', content(size), size);
            }
        }
        if (l == 0 && withDpkgDatabase)
            written += addDpkgDatabase(layer, directories, filesPerDir);
        layer.finish();
        figures.entries += written;
        diffIds.push_back(hexDigest(tar));
        const std::string name = diffIds.back().substr(7) + "/layer.tar";
        layerPaths.push_back(name);
        archive.add(name, '0', tar.data(), tar.size());
        flushOuter();
    }
    std::string config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[)";
    std::string history, layers;
    for (int l = 0; l < layerCount; ++l) {
        config += (l ? ",\"" : "\"") + diffIds[l] + "\"";
        history
            += std::string(l ? "," : "") + R"({"created_by":"/bin/sh -c synthetic layer )" + std::to_string(l) + "\"}";
        layers += (l ? ",\"" : "\"") + layerPaths[l] + "\"";
    }
    config += "]},\"history\":[" + history + "]}";
    const std::string configName = hexDigest(config).substr(7) + ".json";
    archive.add(configName, '0', config.data(), config.size());
    const std::string manifest
        = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"synthetic:1\"],\"Layers\":[" + layers + "]}]";
    archive.add("manifest.json", '0', manifest.data(), manifest.size());
    archive.finish();
    flushOuter();
    return figures;
}
