#pragma once
// Hand-written tar headers (ustar, pax extended and global headers, GNU ././@LongLink), so that the
// tests control every byte: raw names with '..', leading '/', invalid UTF-8, very long names.
#include "ImageSpec.h"

#include <QByteArray>
#include <cstdint>
#include <string>
#include <vector>

namespace ballast::test {

class TarWriter {
public:
    struct Placement {
        int64_t headerOffset = 0; // the entry's own header (after any pax / long-name headers)
        int64_t dataOffset = 0;
        int64_t size = 0;
    };

    Placement add(const EntrySpec &entry);
    void addGlobalPax(const std::vector<std::pair<std::string, std::string>> &records);
    // Appends the end-of-archive marker (two zero blocks).
    void finish();
    // Appends bytes as they are (e.g. data after the end marker).
    void appendRaw(const QByteArray &bytes) { m_bytes += bytes; }

    const QByteArray &bytes() const { return m_bytes; }
    // Offsets where each add() started; the last element is the current end. Used to cut eStargz chunks.
    const std::vector<int64_t> &entryStarts() const { return m_starts; }

private:
    void header(const std::string &name, char type, int64_t size, const EntrySpec &meta, const std::string &link,
        bool gnuMagic, const std::string &prefix = {});
    void data(const std::string &content);
    QByteArray m_bytes;
    std::vector<int64_t> m_starts;
};

// One 512-byte header block, exactly as TarWriter writes it: for tests that stream archives too big
// to hold in memory.
QByteArray tarHeaderBlock(const std::string &name, char type, int64_t size, const EntrySpec &meta,
    const std::string &link = {}, bool gnuMagic = false, const std::string &prefix = {});
// Rewrites the size field of a header block (base-256 from 8 GiB on, as GNU tar does) and its checksum.
void setTarHeaderSize(char *header, int64_t size);

// "<len> key=value\n" records of a pax extended header.
std::string paxRecords(const std::vector<std::pair<std::string, std::string>> &records);

} // namespace ballast::test
