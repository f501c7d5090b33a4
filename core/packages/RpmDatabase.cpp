#include "RpmDatabase.h"
#include "util/PathNormalizer.h"

#include <sqlite3.h>

#include <cstdint>
#include <memory>

namespace ballast {
namespace {

// The tags and types of rpm's header format that name a package and its files.
enum RpmTag : uint32_t {
    TagName = 1000,
    TagVersion = 1001,
    TagRelease = 1002,
    TagEpoch = 1003,
    TagArch = 1022,
    TagOldFileNames = 1027,
    TagDirIndexes = 1116,
    TagBaseNames = 1117,
    TagDirNames = 1118,
};
enum RpmType : uint32_t { TypeInt32 = 4, TypeString = 6, TypeStringArray = 8, TypeI18nString = 9 };

// rpm itself refuses headers past these sizes; so does the reader.
constexpr uint32_t MaxIndexEntries = 0xffff;
constexpr uint32_t MaxDataBytes = 256u << 20;

uint32_t bigEndian32(const char *at)
{
    const auto *b = reinterpret_cast<const unsigned char *>(at);
    return uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 | uint32_t(b[2]) << 8 | uint32_t(b[3]);
}

class HeaderReader {
public:
    explicit HeaderReader(std::string_view blob)
        : m_blob(blob)
    { }

    bool valid()
    {
        if (m_blob.size() < 8)
            return false;
        m_count = bigEndian32(m_blob.data());
        const uint32_t dataBytes = bigEndian32(m_blob.data() + 4);
        if (m_count == 0 || m_count > MaxIndexEntries || dataBytes > MaxDataBytes)
            return false;
        const uint64_t dataStart = 8 + uint64_t(m_count) * 16;
        if (m_blob.size() < dataStart + dataBytes)
            return false;
        m_data = m_blob.substr(dataStart, dataBytes);
        return true;
    }

    // The strings of `tag` (one for a string, `count` for an array); empty when absent or damaged.
    std::vector<std::string_view> strings(RpmTag tag) const
    {
        std::vector<std::string_view> out;
        const auto entry = find(tag);
        if (!entry || (entry->type != TypeString && entry->type != TypeStringArray && entry->type != TypeI18nString))
            return out;
        const uint32_t count = entry->type == TypeString ? 1 : entry->count;
        size_t at = entry->offset;
        for (uint32_t i = 0; i < count; ++i) {
            if (at >= m_data.size())
                return {};
            const size_t end = m_data.find('\0', at);
            if (end == std::string_view::npos)
                return {};
            out.push_back(m_data.substr(at, end - at));
            at = end + 1;
        }
        return out;
    }

    std::vector<uint32_t> integers(RpmTag tag) const
    {
        std::vector<uint32_t> out;
        const auto entry = find(tag);
        if (!entry || entry->type != TypeInt32 || entry->offset > m_data.size()
            || (m_data.size() - entry->offset) / 4 < entry->count)
            return out;
        out.reserve(entry->count);
        for (uint32_t i = 0; i < entry->count; ++i)
            out.push_back(bigEndian32(m_data.data() + entry->offset + size_t(i) * 4));
        return out;
    }

    std::string string(RpmTag tag) const
    {
        const auto values = strings(tag);
        return values.empty() ? std::string() : std::string(values.front());
    }

private:
    struct Entry {
        uint32_t type, offset, count;
    };

    std::optional<Entry> find(RpmTag tag) const
    {
        for (uint32_t i = 0; i < m_count; ++i) {
            const char *at = m_blob.data() + 8 + size_t(i) * 16;
            if (bigEndian32(at) == tag)
                return Entry { bigEndian32(at + 4), bigEndian32(at + 8), bigEndian32(at + 12) };
        }
        return std::nullopt;
    }

    std::string_view m_blob;
    std::string_view m_data;
    uint32_t m_count = 0;
};

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

} // namespace

std::optional<RpmPackage> readRpmHeader(std::string_view blob)
{
    HeaderReader header(blob);
    if (!header.valid())
        return std::nullopt;
    RpmPackage package;
    package.name = header.string(TagName);
    if (package.name.empty())
        return std::nullopt;
    package.version = header.string(TagVersion) + '-' + header.string(TagRelease);
    if (const auto epoch = header.integers(TagEpoch); !epoch.empty())
        package.version = std::to_string(epoch.front()) + ':' + package.version;
    package.architecture = header.string(TagArch);

    const auto baseNames = header.strings(TagBaseNames);
    const auto dirNames = header.strings(TagDirNames);
    const auto dirIndexes = header.integers(TagDirIndexes);
    if (!baseNames.empty() && dirIndexes.size() == baseNames.size()) {
        for (size_t i = 0; i < baseNames.size(); ++i)
            if (dirIndexes[i] < dirNames.size())
                if (std::string path
                    = normalizeEntryPath(std::string(dirNames[dirIndexes[i]]) + std::string(baseNames[i]));
                    !path.empty())
                    package.files.push_back(std::move(path));
    } else {
        for (const std::string_view name : header.strings(TagOldFileNames)) // rpm before 4.0
            if (std::string path = normalizeEntryPath(name); !path.empty())
                package.files.push_back(std::move(path));
    }
    return package;
}

RpmDatabase readRpmSqlite(std::string_view bytes)
{
    RpmDatabase out;
    // A database rpm left in write-ahead-log mode says so in bytes 18 and 19; from memory SQLite
    // reads it only as a rollback-journal database, which the main file is once checkpointed.
    std::string copy(bytes);
    if (copy.size() >= 100 && copy[18] == 2 && copy[19] == 2)
        copy[18] = copy[19] = 1;

    sqlite3 *opened = nullptr;
    const int openResult = sqlite3_open_v2(":memory:", &opened, SQLITE_OPEN_READWRITE, nullptr);
    Database db(opened, &sqlite3_close);
    if (openResult != SQLITE_OK) {
        out.error = "SQLite could not start";
        return out;
    }
    // A hostile database must not be able to change anything.
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    if (sqlite3_deserialize(db.get(), "main", reinterpret_cast<unsigned char *>(copy.data()),
            sqlite3_int64(copy.size()), sqlite3_int64(copy.size()), SQLITE_DESERIALIZE_READONLY)
        != SQLITE_OK) {
        out.error = sqlite3_errmsg(db.get());
        return out;
    }
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(db.get(), "SELECT blob FROM Packages ORDER BY hnum", -1, &prepared, nullptr) != SQLITE_OK) {
        out.error = sqlite3_errmsg(db.get());
        return out;
    }
    Statement statement(prepared, &sqlite3_finalize);
    int step;
    while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) {
        const auto *blob = static_cast<const char *>(sqlite3_column_blob(statement.get(), 0));
        const int size = sqlite3_column_bytes(statement.get(), 0);
        if (!blob)
            continue;
        if (std::optional<RpmPackage> package = readRpmHeader(std::string_view(blob, size_t(size))))
            out.packages.push_back(std::move(*package));
    }
    if (step != SQLITE_DONE)
        out.error = sqlite3_errmsg(db.get());
    return out;
}

} // namespace ballast
