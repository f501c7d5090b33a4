#include "PathNormalizer.h"

#include <vector>

namespace ballast {

namespace {

// Appends the components of `path` to `parts`, applying "." and "..". Returns false when a ".."
// would climb above the top (and then drops it).
bool walkComponents(std::string_view path, std::vector<std::string_view> &parts)
{
    bool stayedInside = true;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos)
            slash = path.size();
        std::string_view part = path.substr(start, slash - start);
        if (part == "..") {
            if (parts.empty())
                stayedInside = false;
            else
                parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    return stayedInside;
}

std::string joinComponents(const std::vector<std::string_view> &parts)
{
    std::string out;
    for (auto part : parts) {
        if (!out.empty())
            out.push_back('/');
        out.append(part);
    }
    return out;
}

} // namespace

std::optional<std::string> resolveInside(std::string_view directory, std::string_view target)
{
    if (!target.empty() && target.front() == '/')
        return std::nullopt;
    std::vector<std::string_view> parts;
    if (!walkComponents(directory, parts) || !walkComponents(target, parts))
        return std::nullopt;
    return joinComponents(parts);
}

std::string normalizeEntryPath(std::string_view raw)
{
    std::vector<std::string_view> parts;
    walkComponents(raw, parts); // a ".." at the top is dropped: entries never escape the root
    return joinComponents(parts);
}

QString displayPath(std::string_view bytes)
{
    QString out;
    out.reserve(int(bytes.size()));
    size_t i = 0;
    const auto *b = reinterpret_cast<const unsigned char *>(bytes.data());
    while (i < bytes.size()) {
        unsigned char c = b[i];
        int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        bool valid = length > 0 && i + length <= bytes.size();
        for (int k = 1; valid && k < length; ++k)
            valid = (b[i + k] & 0xc0) == 0x80;
        if (valid && c >= 0x20 && c != 0x7f) {
            out += QString::fromUtf8(bytes.data() + i, length);
            i += length;
        } else {
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
            ++i;
        }
    }
    return out;
}

} // namespace ballast
