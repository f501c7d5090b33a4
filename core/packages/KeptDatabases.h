#pragma once
// Internal to the package readers: the files the loader kept, looked up by path.
#include "image/Image.h"

#include <QStringList>
#include <string>
#include <string_view>
#include <vector>

namespace ballast::detail {

class KeptDatabases {
public:
    explicit KeptDatabases(const Image &image);

    // The bytes of `path` as the final filesystem holds it; nullptr when it is absent there, was not
    // kept, or was over the budget (then named in skipped()).
    const std::string *finalBytes(std::string_view path) const;
    // Each layer's own copy of `path`, in layer order, kept ones only.
    std::vector<std::pair<int, const std::string *>> layerCopies(std::string_view path) const;
    // The present children of a directory of the final filesystem, by name.
    std::vector<std::string> finalChildren(std::string_view directory) const;
    // The paths of the kept files the final filesystem holds (over the budget or not), sorted: for
    // databases found anywhere, as Python's and npm's are.
    std::vector<std::string> finalKeptPaths() const;
    // Names a database that was found but cannot be read, and why.
    void skip(const QString &why) const;
    const QStringList &skipped() const { return m_skipped; }
    const Image &image() const { return m_image; }

private:
    const KeptFile *keptAt(int layer, uint32_t entry) const;

    const Image &m_image;
    int m_last;
    mutable QStringList m_skipped;
};

} // namespace ballast::detail
