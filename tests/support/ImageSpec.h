#pragma once
// Declarative description of a synthetic image archive for the tests: what the layers hold, how the
// image is packaged (format, compression) and how it is damaged for error tests. writeArchive()
// (ImageWriter.h) turns one ArchiveSpec into files on disk and reports every digest it computed.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ballast::test {

// Layer blob encodings. Bzip2 and Xz exist only to produce unsupported layers for error tests.
enum class LayerCompression { None, Gzip, Zstd, EStargz, Bzip2, Xz };
// How the whole archive is compressed (`docker save | gzip`); ignored for OCI directories.
enum class OuterCompression { None, Gzip, Zstd };

enum class Format {
    DockerLegacy, // <id>/layer.tar, <id>/json, <id>/VERSION, <hex>.json, repositories, manifest.json last
    BuildahDockerArchive, // like DockerLegacy, but <id>/layer.tar is a symlink to ../<sha>.tar
    Docker25, // OCI layout + manifest.json naming blobs/sha256/<hex>
    Kaniko, // <hex>.tar.gz layers, config named sha256:<hex>
    OciArchive, // oci-layout, index.json, blobs/sha256/* in a tar
    OciDirectory, // the same as a directory on disk
};
const char *formatName(Format format);
const char *compressionName(LayerCompression compression);
bool isTarFormat(Format format);

// How a name longer than the 100-byte ustar field is written.
// How an entry name is written: Auto uses a pax record only for names over 100 bytes; Pax and Gnu
// (././@LongLink) always write the long-name record; UstarPrefix splits the name at its last '/' into
// the ustar prefix and name fields (as Go's archive/tar does for names up to 256 bytes).
enum class LongName { Auto, Pax, Gnu, UstarPrefix };
// How the size field is written: octal (the usual), GNU base-256 (what tars use over 8 GiB), or only
// as a pax "size" record with 0 in the ustar field (what Go's archive/tar writes over 8 GiB).
enum class SizeField { Octal, Base256, PaxOnly };

// One tar entry. `type` is the raw typeflag: '0' file, '1' hardlink, '2' symlink, '3' char device,
// '4' block device, '5' directory, '6' fifo. Only '0' entries carry `content`; the header size of
// every other type is 0.
struct EntrySpec {
    std::string path; // written as is (may start with '/', './', contain '..' or invalid UTF-8)
    char type = '0';
    std::string content;
    std::string link; // hardlink / symlink target
    int mode = 0644;
    int uid = 0;
    int gid = 0;
    int64_t mtime = 1700000000;
    int devMajor = 0;
    int devMinor = 0;
    LongName longName = LongName::Auto;
    SizeField sizeField = SizeField::Octal;
    bool paxGlobalHeaderBefore = false; // emit a pax global header ('g') just before this entry
    std::vector<std::pair<std::string, std::string>> paxRecords; // extra pax records (xattrs, …)
};

EntrySpec fileEntry(std::string path, std::string content, int mode = 0644);
EntrySpec dirEntry(std::string path, int mode = 0755);
EntrySpec symlinkEntry(std::string path, std::string target);
EntrySpec hardlinkEntry(std::string path, std::string target);
EntrySpec whiteoutEntry(std::string dir, const std::string &name); // dir/.wh.name (dir may be empty)
EntrySpec opaqueEntry(std::string dir); // dir/.wh..wh..opq
EntrySpec specialEntry(std::string path, char type, int major = 0, int minor = 0); // '3', '4', '6'
std::string filler(size_t size, char seed = 'a'); // deterministic, mildly compressible content

struct LayerSpec {
    std::vector<EntrySpec> entries;
    LayerCompression compression = LayerCompression::None;
    std::string createdBy;
    // eStargz as containerd's estargz writes it: every entry in its own gzip member, then one member with
    // the TOC as the tar's last regular entry `stargz.index.json` followed by the end blocks, then the
    // 51-byte footer. A plain tar reader sees the TOC as a file. With tocAfterEnd the end blocks come
    // first and the TOC entry after them (as the eStargz spec lays it out): a tar reader stops before it.
    bool estargzTocAfterEnd = false;
};

struct HistorySpec {
    std::string createdBy;
    bool emptyLayer = false;
};

struct ImageSpec {
    std::vector<LayerSpec> layers;
    // Unset: one non-empty step per layer, created_by taken from the layer. Set: written as given.
    std::optional<std::vector<HistorySpec>> history;
    std::vector<std::string> tags; // "name:tag"
    std::string os = "linux";
    std::string architecture = "amd64";
    std::string variant;
};

// Damage for error tests. Layer indexes count from 0 in the first image.
struct Damage {
    int wrongDiffIdLayer = -1; // the config declares a wrong diff_id for this layer
    int wrongBlobDigestLayer = -1; // OCI/Docker25: the blob is stored under (and described by) a wrong digest
    int missingBlobLayer = -1; // the blob is not written at all
    enum class Json { None, Manifest, Index, Config } invalidJson = Json::None; // that member is cut JSON
    // Buildah: layer 0's <id>/layer.tar -> ../loop-a.tar -> loop-b.tar -> ./loop-a.tar.
    // OCI: layer 0's blob is a link blobs/sha256/<hex> -> ../../loop-a -> loop-b -> ./loop-a.
    bool layerLinkLoop = false;
    // Buildah: layer 0's <id>/layer.tar -> ../../outside.tar. OCI: blobs/sha256/<hex> -> ../../../outside.tar,
    // a real file beside the layout directory (the blob's bytes) when the layout is a directory.
    bool layerLinkOutside = false;
    int blobLayer = -1; // the stored blob of this layer is damaged (and named after its new bytes):
    int64_t blobFlipAt = INT64_MIN; //   byte at this offset (negative: from the end) is inverted
    int64_t blobTruncateTo = -1; //   cut to this many bytes
    int64_t truncateArchiveAt = -1; // the archive file is cut to this many bytes
    int64_t flipArchiveByteAt = -1; // this byte of the archive file is inverted
    int wrongSizeLayer = -1; // OCI: the layer descriptor declares one byte more than the blob has
    bool wrongConfigDigest = false; // OCI/Docker25: the config is stored under (and described by) a wrong digest
    bool dropLastDiffId = false; // the config lists one diff_id fewer than there are layers
};

struct ArchiveSpec {
    Format format = Format::OciArchive;
    // One entry per image. Docker formats: one manifest.json entry each. OCI: one index.json descriptor
    // per tag (ref.name annotation; one without annotation when untagged) unless multiPlatform.
    std::vector<ImageSpec> images;
    bool multiPlatform = false; // OCI: index.json -> one nested image index whose manifests are the images
    bool attestations = false; // multiPlatform: an attestation manifest (unknown/unknown) per image
    std::string indexTag; // multiPlatform: ref.name annotation of the nested index
    bool reverseBlobOrder = false; // layer blobs stored in the archive in reverse manifest order
    OuterCompression outer = OuterCompression::None;
    // How the outer tar names its members: as they are, with a "./" prefix (and a "./" root entry, as
    // `tar -C dir -cf x.tar .` writes them), or with one of the long-name encodings.
    enum class MemberNames { Plain, DotSlash, Pax, Gnu, UstarPrefix } memberNames = MemberNames::Plain;
    SizeField memberSizes = SizeField::Octal; // how the outer tar writes its members' sizes
    bool globalHeaderFirst = false; // the outer tar starts with a pax global header (git archive)
    Damage damage;
};

} // namespace ballast::test
