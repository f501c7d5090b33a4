// Helpers that build EntrySpec values.
#include "ImageSpec.h"

namespace ballast::test {

EntrySpec fileEntry(std::string path, std::string content, int mode)
{
    EntrySpec e;
    e.path = std::move(path);
    e.content = std::move(content);
    e.mode = mode;
    return e;
}

EntrySpec dirEntry(std::string path, int mode)
{
    EntrySpec e;
    e.path = std::move(path);
    e.type = '5';
    e.mode = mode;
    return e;
}

EntrySpec symlinkEntry(std::string path, std::string target)
{
    EntrySpec e;
    e.path = std::move(path);
    e.type = '2';
    e.link = std::move(target);
    e.mode = 0777;
    return e;
}

EntrySpec hardlinkEntry(std::string path, std::string target)
{
    EntrySpec e;
    e.path = std::move(path);
    e.type = '1';
    e.link = std::move(target);
    return e;
}

EntrySpec whiteoutEntry(std::string dir, const std::string &name)
{
    return fileEntry(dir.empty() ? ".wh." + name : dir + "/.wh." + name, {}, 0);
}

EntrySpec opaqueEntry(std::string dir)
{
    return fileEntry(dir + "/.wh..wh..opq", {}, 0);
}

EntrySpec specialEntry(std::string path, char type, int major, int minor)
{
    EntrySpec e;
    e.path = std::move(path);
    e.type = type;
    e.devMajor = major;
    e.devMinor = minor;
    e.mode = 0666;
    return e;
}

std::string filler(size_t size, char seed)
{
    // A line-structured text with a counter: compressible, but not a run of one byte.
    std::string out;
    out.reserve(size);
    uint32_t state = uint32_t(seed) * 2654435761u;
    while (out.size() < size) {
        state = state * 1103515245u + 12345u;
        out += char('a' + (state >> 16) % 26);
        if (out.size() % 64 == 63)
            out += '\n';
    }
    out.resize(size);
    return out;
}

} // namespace ballast::test
