#include "LayerBuilder.h"

#include "Compressors.h"
#include "TarWriter.h"

#include <nlohmann/json.hpp>

namespace ballast::test {
namespace {

const char *tocTypeName(char type)
{
    switch (type) {
    case '1':
        return "hardlink";
    case '2':
        return "symlink";
    case '3':
        return "char";
    case '4':
        return "block";
    case '5':
        return "dir";
    case '6':
        return "fifo";
    default:
        return "reg";
    }
}

QByteArray tocJson(const LayerSpec &spec, const std::vector<int64_t> &chunkOffsets)
{
    nlohmann::json entries = nlohmann::json::array();
    for (size_t i = 0; i < spec.entries.size(); ++i) {
        const EntrySpec &e = spec.entries[i];
        nlohmann::json item { { "name", e.path }, { "type", tocTypeName(e.type) }, { "mode", e.mode } };
        if (e.type == '0') {
            item["size"] = e.content.size();
            item["offset"] = i < chunkOffsets.size() ? chunkOffsets[i] : 0;
        }
        if (!e.link.empty())
            item["linkName"] = e.link;
        entries.push_back(item);
    }
    // dump() escapes invalid UTF-8 only when asked to: replace it, the TOC is informational here.
    const std::string text = nlohmann::json { { "version", 1 }, { "entries", entries } }.dump(
        1, '\t', false, nlohmann::json::error_handler_t::replace);
    return QByteArray::fromStdString(text);
}

} // namespace

void replaceBlob(BuiltLayer &layer, QByteArray blob)
{
    layer.blob = std::move(blob);
    layer.digest = sha256Digest(layer.blob);
}

BuiltLayer buildLayer(const LayerSpec &spec)
{
    BuiltLayer out;
    TarWriter tar;
    for (const EntrySpec &entry : spec.entries)
        tar.add(entry);

    if (spec.compression != LayerCompression::EStargz) {
        tar.finish();
        out.tar = tar.bytes();
        switch (spec.compression) {
        case LayerCompression::None:
            out.blob = out.tar;
            out.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar");
            break;
        case LayerCompression::Gzip:
            out.blob = gzipCompress(out.tar);
            out.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
            break;
        case LayerCompression::Zstd:
            out.blob = zstdCompress(out.tar);
            out.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar+zstd");
            break;
        case LayerCompression::Bzip2:
            out.blob = bzip2Compress(out.tar);
            out.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar+bzip2");
            break;
        case LayerCompression::Xz:
            out.blob = xzCompress(out.tar);
            out.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar+xz");
            break;
        case LayerCompression::EStargz:
            break;
        }
    } else {
        // Chunk boundaries: one gzip member per entry. The TOC lists each entry's member offset, which
        // is only known once the members before it are compressed: compress twice (the entry members do
        // not depend on the TOC).
        std::vector<int64_t> boundaries = tar.entryStarts();
        if (boundaries.empty() || boundaries.front() != 0)
            boundaries.insert(boundaries.begin(), 0);
        QByteArray entriesPart = tar.bytes();
        if (spec.estargzTocAfterEnd) {
            TarWriter end;
            end.finish();
            boundaries.push_back(entriesPart.size());
            entriesPart += end.bytes();
        }
        if (entriesPart.isEmpty())
            boundaries.clear();
        std::vector<int64_t> offsets;
        estargzCompress(entriesPart, boundaries, QByteArray(), &offsets);
        const QByteArray json = tocJson(spec, offsets);
        TarWriter tocTar;
        EntrySpec toc = fileEntry("stargz.index.json", json.toStdString());
        tocTar.add(toc);
        if (!spec.estargzTocAfterEnd)
            tocTar.finish();
        out.tar = entriesPart + tocTar.bytes();
        out.blob = estargzCompress(entriesPart, boundaries, tocTar.bytes());
        out.tocSize = json.size();
        out.tocDigest = sha256Digest(json);
        out.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
    }
    out.diffId = sha256Digest(out.tar);
    out.digest = sha256Digest(out.blob);
    return out;
}

} // namespace ballast::test
