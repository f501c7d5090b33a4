// Damaged blobs: flipped bytes in compressed layers, digests that do not match, missing members and
// tar headers that declare more bytes than follow.
#include "CaseSupport.h"

#include "TarWriter.h"

namespace hostile {
namespace {

ArchiveSpec oneLayerImage(Format format, LayerCompression compression)
{
    ImageSpec image = baseImage(compression);
    image.layers.resize(1);
    return singleImage(format, image);
}

} // namespace

void addDamagedBlobCases(const QString &directory, std::vector<HostileCase> &cases)
{
    const QString layer0 = QStringLiteral("{path}: layer 0 ({layer0.path}): ");
    // Flipped bytes. The blob keeps being named after its bytes, so only decoding can notice.
    const int64_t gzipSize = [] {
        QTemporaryDir scratch;
        return writeScratch(oneLayerImage(Format::OciArchive, LayerCompression::Gzip), scratch, QStringLiteral("x"))
            .images[0]
            .layers[0]
            .blobSize;
    }();
    struct Flip {
        const char *where;
        int64_t at;
        QStringList stderrHas;
    };
    const std::vector<Flip> gzipFlips = {
        { "header CM byte", 2, { layer0 + "gzip data is corrupt near byte", "unknown compression method" } },
        { "header FLG byte", 3, { layer0 + "gzip data is corrupt near byte", "unknown header flags set" } },
        { "deflate data middle", gzipSize / 2, { layer0 + "gzip data is corrupt near byte", "incorrect data check" } },
        { "trailer CRC-32", -8, { layer0 + "gzip data is corrupt near byte", "incorrect data check" } },
        { "trailer ISIZE", -2, { layer0 + "gzip data is corrupt near byte", "incorrect length check" } },
    };
    for (const Flip &flip : gzipFlips) {
        ArchiveSpec spec = oneLayerImage(Format::OciArchive, LayerCompression::Gzip);
        spec.damage.blobLayer = 0;
        spec.damage.blobFlipAt = flip.at;
        cases.push_back(writeBroken(directory, QStringLiteral("flip-gzip-at%1.tar").arg(flip.at), spec,
            QStringLiteral("flip/gzip %1 (byte %2)").arg(QLatin1String(flip.where)).arg(flip.at),
            QStringLiteral("OCI, one gzip layer of %1 bytes, byte %2 inverted").arg(gzipSize).arg(flip.at),
            flip.stderrHas));
    }
    const int64_t zstdSize = [] {
        QTemporaryDir scratch;
        return writeScratch(oneLayerImage(Format::OciArchive, LayerCompression::Zstd), scratch, QStringLiteral("x"))
            .images[0]
            .layers[0]
            .blobSize;
    }();
    const std::vector<Flip> zstdFlips = {
        { "frame header descriptor", 4, { layer0 + "zstd data is corrupt near byte 0: Unsupported frame parameter" } },
        // This block still decodes, to other bytes: only the diff_id tells.
        { "block data middle", zstdSize / 2,
            { layer0 + "the uncompressed layer's sha256 is sha256:",
                "but the config's rootfs.diff_ids[0] is {layer0.diffId}" } },
        { "last byte", -1, { layer0 + "zstd data is corrupt near byte", "Data corruption detected" } },
    };
    for (const Flip &flip : zstdFlips) {
        ArchiveSpec spec = oneLayerImage(Format::OciArchive, LayerCompression::Zstd);
        spec.damage.blobLayer = 0;
        spec.damage.blobFlipAt = flip.at;
        cases.push_back(writeBroken(directory, QStringLiteral("flip-zstd-at%1.tar").arg(flip.at), spec,
            QStringLiteral("flip/zstd %1 (byte %2)").arg(QLatin1String(flip.where)).arg(flip.at),
            QStringLiteral("OCI, one zstd layer of %1 bytes, byte %2 inverted").arg(zstdSize).arg(flip.at),
            flip.stderrHas));
    }

    // Digests.
    const auto G = LayerCompression::Gzip;
    auto damaged = [&](Format format, const std::function<void(Damage &)> &edit) {
        ArchiveSpec spec = singleImage(format, baseImage(G));
        edit(spec.damage);
        return spec;
    };
    const QString blobMismatch = QStringLiteral("{path}: layer 1 ({layer1.path}): the blob's sha256 is {layer1.digest} "
                                                "but the manifest declares {layer1.declared}");
    cases.push_back(writeBroken(directory, QStringLiteral("digest-oci-blob.tar"),
        damaged(Format::OciArchive, [](Damage &d) { d.wrongBlobDigestLayer = 1; }),
        QStringLiteral("digest/oci blob sha256 differs from its name"),
        QStringLiteral("layer 1 stored and declared under sha256 of its bytes + \"!\""), { blobMismatch }));
    cases.push_back(writeBroken(directory, QStringLiteral("digest-docker25-blob.tar"),
        damaged(Format::Docker25, [](Damage &d) { d.wrongBlobDigestLayer = 1; }),
        QStringLiteral("digest/docker25 blob sha256 differs from its name"),
        QStringLiteral("Docker 25 archive, layer 1 stored under a wrong sha256"), { blobMismatch }));
    cases.push_back(writeBroken(directory, QStringLiteral("digest-docker-diffid.tar"),
        damaged(Format::DockerLegacy, [](Damage &d) { d.wrongDiffIdLayer = 0; }),
        QStringLiteral("digest/docker diff_id mismatch"),
        QStringLiteral("the config's rootfs.diff_ids[0] is the sha256 of another tar"),
        { layer0
            + "the uncompressed layer's sha256 is {layer0.diffId} but the config's rootfs.diff_ids[0] is sha256:" }));
    cases.push_back(writeBroken(directory, QStringLiteral("digest-oci-diffid.tar"),
        damaged(Format::OciArchive, [](Damage &d) { d.wrongDiffIdLayer = 1; }),
        QStringLiteral("digest/oci diff_id mismatch"),
        QStringLiteral("the config's rootfs.diff_ids[1] is the sha256 of another tar"),
        { "{path}: layer 1 ({layer1.path}): the uncompressed layer's sha256 is {layer1.diffId} but "
          "the config's rootfs.diff_ids[1] is sha256:" }));
    cases.push_back(writeBroken(directory, QStringLiteral("digest-oci-config.tar"),
        damaged(Format::OciArchive, [](Damage &d) { d.wrongConfigDigest = true; }),
        QStringLiteral("digest/oci config sha256 differs from its name"),
        QStringLiteral("the config stored and declared under a wrong sha256"),
        { "{path}: config {config}: sha256 is sha256:", "but its name says {configDigest}" }));
    // The image manifest is a blob too: its bytes must match the digest index.json names it by.
    cases.push_back(writeBroken(directory, QStringLiteral("digest-oci-manifest.tar"),
        singleImage(Format::OciArchive, baseImage(G)), QStringLiteral("digest/oci manifest bytes differ from its name"),
        QStringLiteral("a space appended to the manifest blob (still valid JSON), name unchanged"),
        { "{path}: blobs/sha256/{manifest}", "sha256" }, [](QByteArray &tar, const WrittenArchive &w) {
            editMember(tar, QStringLiteral("blobs/sha256/") + hexOf(w.images[0].manifestDigest),
                [](TarMemberCopy &m) { m.data += ' '; });
            return Replacements {};
        }));

    // Missing members.
    cases.push_back(writeBroken(directory, QStringLiteral("missing-docker-layer.tar"),
        damaged(Format::DockerLegacy, [](Damage &d) { d.missingBlobLayer = 1; }),
        QStringLiteral("missing/docker layer blob"), QStringLiteral("layer 1's layer.tar not stored"),
        { "{path}: the blob of layer 1 is missing: {layer1.path}" }));
    cases.push_back(writeBroken(directory, QStringLiteral("missing-oci-layer.tar"),
        damaged(Format::OciArchive, [](Damage &d) { d.missingBlobLayer = 0; }),
        QStringLiteral("missing/oci layer blob"), QStringLiteral("layer 0's blob not stored"),
        { "{path}: the blob of layer 0 is missing: {layer0.path}" }));
    for (Format format : { Format::DockerLegacy, Format::OciArchive }) {
        const QString flavour = format == Format::DockerLegacy ? QStringLiteral("docker") : QStringLiteral("oci");
        cases.push_back(writeBroken(directory, QStringLiteral("missing-%1-config.tar").arg(flavour),
            singleImage(format, baseImage(G)), QStringLiteral("missing/%1 config").arg(flavour),
            QStringLiteral("the config member removed"), { "{path}: {config} is missing" },
            [](QByteArray &tar, const WrittenArchive &w) {
                dropMember(tar, w.images[0].configPath);
                return Replacements {};
            }));
    }
    cases.push_back(writeBroken(directory, QStringLiteral("missing-oci-manifest.tar"),
        singleImage(Format::OciArchive, baseImage(G)), QStringLiteral("missing/oci image manifest"),
        QStringLiteral("the manifest blob index.json points at removed"),
        { "{path}: blobs/sha256/{manifest} is missing" }, [](QByteArray &tar, const WrittenArchive &w) {
            dropMember(tar, QStringLiteral("blobs/sha256/") + hexOf(w.images[0].manifestDigest));
            return Replacements {};
        }));

    // Tar headers that declare more bytes than follow: in the outer archive, and inside a layer.
    cases.push_back(writeBroken(directory, QStringLiteral("oversize-outer-member.tar"),
        singleImage(Format::DockerLegacy, baseImage(LayerCompression::None)),
        QStringLiteral("oversize/outer tar member"),
        QStringLiteral("layer 0's member header declares 1048576 bytes; the archive is far shorter"),
        { "{path}: entry {layer0.path} declares 1048576 bytes but the archive ends at byte " },
        [](QByteArray &tar, const WrittenArchive &w) {
            patchTarSize(tar, w.members.at(w.images[0].layers[0].archivePath).headerOffset, 1048576);
            return Replacements {};
        }));
    {
        ImageSpec image;
        image.tags = { "hostile/oversize:1" };
        LayerSpec layer;
        layer.entries = { fileEntry("small", "ok"), fileEntry("big.bin", filler(100000, 'b')) };
        image.layers = { layer };
        ArchiveSpec spec = singleImage(Format::OciArchive, image);
        spec.damage.blobLayer = 0;
        spec.damage.blobTruncateTo = 1024 + 512 + 1000; // small's header and data, big.bin's header, 1000 bytes
        cases.push_back(writeBroken(directory, QStringLiteral("oversize-layer-entry.tar"), spec,
            QStringLiteral("oversize/layer entry (uncompressed, stream ends)"),
            QStringLiteral("big.bin declares 100000 bytes; its blob ends 1000 bytes into them"),
            { layer0 + "entry \"big.bin\": Truncated tar archive (1000 of 100000 bytes read)" }));
    }
    {
        // The same lie inside a gzip layer whose tar is otherwise complete (end blocks follow the 1000 bytes).
        QTemporaryDir scratch;
        TarWriter tar;
        tar.add(fileEntry("small", "ok"));
        const auto big = tar.add(fileEntry("big.bin", filler(1000, 'b')));
        tar.finish();
        QByteArray bytes = tar.bytes();
        patchTarSize(bytes, big.headerOffset, 100000);
        const StreamedBlob blob = writeStreamedBlob(scratch.filePath(QStringLiteral("blob")), LayerCompression::Gzip,
            [&](StreamingCompressor &out) { out.write(bytes); });
        StreamedOci oci;
        oci.blobs = { blob };
        const QString file = QStringLiteral("oversize-layer-entry-gzip.tar");
        writeStreamedOci(QDir(directory).filePath(file), oci);
        cases.push_back(broken(QStringLiteral("oversize/layer entry (gzip, end blocks follow)"), file,
            QStringLiteral("big.bin declares 100000 bytes, 1000 and the end blocks follow"),
            // 1000 bytes padded to 1024, then the two end blocks: 2048 bytes read as big.bin's data.
            { QStringLiteral("{path}: layer 0 (blobs/sha256/%1): entry \"big.bin\": Truncated tar archive "
                             "(2048 of 100000 bytes read)")
                    .arg(hexOf(blob.digest)) }));
    }
}

} // namespace hostile
