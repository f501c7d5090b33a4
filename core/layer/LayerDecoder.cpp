#include "LayerDecoder.h"

#include "layer/BlobStream.h"
#include "util/LoadError.h"
#include "util/PathNormalizer.h"

#include <archive.h>
#include <archive_entry.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>

namespace ballast {
namespace {

struct ReadContext {
    BlobStream *stream;
    std::exception_ptr error; // exceptions must not cross libarchive's C frames
};

la_ssize_t readCallback(struct archive *, void *opaque, const void **buffer)
{
    auto *context = static_cast<ReadContext *>(opaque);
    try {
        auto chunk = context->stream->next();
        *buffer = chunk.data();
        return la_ssize_t(chunk.size());
    } catch (...) {
        context->error = std::current_exception();
        return -1;
    }
}

struct ArchiveDeleter {
    void operator()(struct archive *a) const { archive_read_free(a); }
};
struct HashStateDeleter {
    void operator()(XXH3_state_t *s) const { XXH3_freeState(s); }
};

EntryType typeOf(struct archive_entry *entry)
{
    if (archive_entry_hardlink(entry))
        return EntryType::Hardlink;
    switch (archive_entry_filetype(entry)) {
    case AE_IFDIR:
        return EntryType::Directory;
    case AE_IFLNK:
        return EntryType::Symlink;
    case AE_IFCHR:
        return EntryType::CharDevice;
    case AE_IFBLK:
        return EntryType::BlockDevice;
    case AE_IFIFO:
        return EntryType::Fifo;
    case AE_IFSOCK:
        return EntryType::Socket;
    default:
        return EntryType::File;
    }
}

// libarchive hides the raw typeflag; these are the values Go's archive/tar (and so dive) reports.
char tarTypeOf(EntryType type)
{
    switch (type) {
    case EntryType::Hardlink:
        return '1';
    case EntryType::Symlink:
        return '2';
    case EntryType::CharDevice:
        return '3';
    case EntryType::BlockDevice:
        return '4';
    case EntryType::Directory:
        return '5';
    case EntryType::Fifo:
        return '6';
    default:
        return '0';
    }
}

uint32_t appendString(std::string &arena, std::string_view text, const QString &label)
{
    if (arena.size() + text.size() > UINT32_MAX)
        throw LoadError(label + QStringLiteral(": entry names exceed 4 GiB"));
    auto offset = uint32_t(arena.size());
    arena.append(text);
    return offset;
}

// Counts one more entry against limits.maxEntries. With a counter shared by parallel decoders only
// the decoder that takes it over the limit reports it; the others stop quietly.
void countEntry(std::atomic<int64_t> &seen, const LoadLimits &limits, const QString &label)
{
    const int64_t before = seen.fetch_add(1, std::memory_order_relaxed);
    if (before < limits.maxEntries)
        return;
    if (before > limits.maxEntries)
        throw LoadCancelled();
    throw LoadError(QStringLiteral("%1: %2 entries, %3")
                        .arg(label)
                        .arg(before + 1)
                        .arg(overTheLimit(limits.maxEntries, MaxEntriesOption)));
}

// Components of `path` and the length of its longest one, in one pass of memchr.
struct PathShape {
    int64_t depth = 0;
    int64_t longestName = 0;
};

PathShape shapeOf(std::string_view path)
{
    PathShape shape;
    const char *p = path.data(), *end = p + path.size();
    while (p < end) {
        const char *slash = static_cast<const char *>(memchr(p, '/', size_t(end - p)));
        const char *stop = slash ? slash : end;
        if (stop > p) { // empty components ("a//b", a leading '/') are not names
            ++shape.depth;
            shape.longestName = std::max(shape.longestName, int64_t(stop - p));
        }
        p = stop + 1;
    }
    return shape;
}

// Entry paths and link targets deeper or with longer names than the limits would make every walk of the
// tree (and every path shown) as big as the attacker likes.
void checkPath(
    std::string_view path, const std::string &entry, const char *what, const LoadLimits &limits, const QString &label)
{
    const PathShape shape = shapeOf(path);
    if (shape.depth <= limits.maxPathDepth && shape.longestName <= limits.maxNameLength)
        return;
    QString subject = QStringLiteral("%1: entry \"%2\"").arg(label, shortenMiddle(displayPath(entry)));
    if (what)
        subject += QStringLiteral(": %1 \"%2\"").arg(QLatin1String(what), shortenMiddle(displayPath(path)));
    if (shape.depth > limits.maxPathDepth)
        throw LoadError(QStringLiteral("%1: %2 levels deep, %3")
                            .arg(subject)
                            .arg(shape.depth)
                            .arg(overTheLimit(limits.maxPathDepth, MaxPathDepthOption)));
    throw LoadError(QStringLiteral("%1: a name of %2 bytes, %3")
                        .arg(subject)
                        .arg(shape.longestName)
                        .arg(overTheLimit(limits.maxNameLength, MaxNameLengthOption)));
}

// Starts keeping the bytes of the file entry about to be appended to `layer` when the options ask for
// it: reserves its size from the image's budget, or records it as over the budget.
KeptFile *startKeeping(
    Layer &layer, std::string_view path, int64_t size, const LayerDecodeOptions &options, std::atomic<int64_t> &kept)
{
    if (!options.keep || !options.keep(path))
        return nullptr;
    size = std::max<int64_t>(size, 0);
    KeptFile &file = layer.kept.emplace_back();
    file.entry = uint32_t(layer.entries.size());
    if (kept.fetch_add(size, std::memory_order_relaxed) + size > options.limits.maxPackageDatabaseBytes) {
        kept.fetch_sub(size, std::memory_order_relaxed);
        file.overBudget = true;
        return nullptr;
    }
    file.bytes.reserve(size_t(size));
    return &file;
}

// Appends a block of a kept file, holes of a sparse file as zeros; never past the size reserved.
void keepBlock(std::string &bytes, const void *block, size_t blockSize, int64_t blockOffset, int64_t size)
{
    const auto end = size_t(std::clamp<int64_t>(blockOffset, 0, size));
    if (bytes.size() < end)
        bytes.resize(end, '\0');
    const size_t room = size_t(size) - bytes.size();
    bytes.append(static_cast<const char *>(block), std::min(blockSize, room));
}

} // namespace

Layer decodeLayer(const FileRange &blob, const QString &label, const LayerDecodeOptions &options)
{
    BlobStream stream(blob, label,
        BlobStream::Options { options.hashBlobs, options.hashBlobs, options.cancelled, options.storedBytesRead,
            options.limits.maxUncompressedBytes, options.uncompressedBytes });
    std::atomic<int64_t> ownEntries { 0 };
    std::atomic<int64_t> &entriesSeen = options.entriesSeen ? *options.entriesSeen : ownEntries;
    std::atomic<int64_t> ownKeptBytes { 0 };
    std::atomic<int64_t> &keptBytes = options.keptBytes ? *options.keptBytes : ownKeptBytes;
    ReadContext context { &stream, nullptr };
    std::unique_ptr<struct archive, ArchiveDeleter> reader(archive_read_new());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_gnutar(reader.get());
    archive_read_support_format_empty(reader.get());
    if (archive_read_open(reader.get(), &context, nullptr, readCallback, nullptr) != ARCHIVE_OK) {
        if (context.error)
            std::rethrow_exception(context.error);
        throw LoadError(QStringLiteral("%1: not a tar stream: %2")
                            .arg(label, QString::fromLocal8Bit(archive_error_string(reader.get()))));
    }

    Layer layer;
    layer.compression = stream.compression();
    std::unique_ptr<XXH3_state_t, HashStateDeleter> hashState(XXH3_createState());
    std::string lastPath; // for error messages; converted for display only when one is thrown
    while (true) {
        struct archive_entry *entry = nullptr;
        int rc = archive_read_next_header(reader.get(), &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc < ARCHIVE_WARN) {
            if (context.error)
                std::rethrow_exception(context.error);
            throw LoadError(QStringLiteral("%1: %2 (after entry \"%3\", uncompressed byte %4)")
                                .arg(label, QString::fromLocal8Bit(archive_error_string(reader.get())),
                                    lastPath.empty() ? QStringLiteral("(none)") : displayPath(lastPath))
                                .arg(stream.uncompressedBytes()));
        }
        const char *rawPath = archive_entry_pathname(entry);
        if (!rawPath)
            rawPath = archive_entry_pathname_utf8(entry);
        const std::string path = normalizeEntryPath(rawPath ? rawPath : "");
        lastPath = path;
        if (path.empty())
            continue; // the root directory itself ("./")
        countEntry(entriesSeen, options.limits, label);
        checkPath(path, path, nullptr, options.limits, label);

        LayerEntry record;
        record.type = typeOf(entry);
        record.tarType = tarTypeOf(record.type);
        std::string_view base
            = std::string_view(path).substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
        if (base.starts_with(".wh.")) // whiteout markers are empty regular files in the tar
            record.type = base == ".wh..wh..opq" ? EntryType::OpaqueWhiteout : EntryType::Whiteout;
        record.size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
        if (record.type == EntryType::Hardlink || record.type == EntryType::Directory)
            record.size = 0;
        record.mtime = archive_entry_mtime(entry);
        record.mode = uint32_t(archive_entry_mode(entry)) & 07777;
        record.uid = uint32_t(archive_entry_uid(entry));
        record.gid = uint32_t(archive_entry_gid(entry));
        record.pathOffset = appendString(layer.strings, path, label);
        record.pathLength = uint32_t(path.size());
        const char *link = record.type == EntryType::Hardlink ? archive_entry_hardlink(entry)
            : record.type == EntryType::Symlink               ? archive_entry_symlink(entry)
                                                              : nullptr;
        if (link) {
            // Hardlinks name another entry of the image; symlink targets are kept as written.
            std::string target = record.type == EntryType::Hardlink ? normalizeEntryPath(link) : std::string(link);
            checkPath(target, path, "link target", options.limits, label);
            record.linkOffset = appendString(layer.strings, target, label);
            record.linkLength = uint32_t(target.size());
        }
        if (record.type == EntryType::File) {
            KeptFile *kept = startKeeping(layer, path, record.size, options, keptBytes);
            XXH3_64bits_reset(hashState.get());
            const void *block = nullptr;
            size_t blockSize = 0;
            la_int64_t blockOffset = 0;
            int64_t seen = 0;
            while ((rc = archive_read_data_block(reader.get(), &block, &blockSize, &blockOffset)) == ARCHIVE_OK) {
                XXH3_64bits_update(hashState.get(), block, blockSize);
                seen += int64_t(blockSize);
                if (kept)
                    keepBlock(kept->bytes, block, blockSize, blockOffset, record.size);
            }
            if (rc != ARCHIVE_EOF) {
                if (context.error)
                    std::rethrow_exception(context.error);
                throw LoadError(
                    QStringLiteral("%1: entry \"%2\": %3 (%4 of %5 bytes read)")
                        .arg(label, displayPath(lastPath), QString::fromLocal8Bit(archive_error_string(reader.get())))
                        .arg(seen)
                        .arg(record.size));
            }
            record.contentHash = XXH3_64bits_digest(hashState.get());
            if (kept) // a sparse file may end in a hole
                kept->bytes.resize(size_t(std::max<int64_t>(record.size, 0)), '\0');
        }
        layer.size += record.size;
        layer.entries.push_back(record);
    }
    stream.drain();
    layer.compressedSize = stream.storedBytes();
    layer.uncompressedSize = stream.uncompressedBytes();
    layer.digest = stream.storedDigest();
    layer.diffId = stream.uncompressedDigest();
    return layer;
}

} // namespace ballast
