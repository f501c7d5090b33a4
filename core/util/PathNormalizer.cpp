#include "PathNormalizer.h"

#include <vector>

namespace ballast {

std::string normalizeEntryPath(std::string_view raw)
{
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= raw.size()) {
        size_t slash = raw.find('/', start);
        if (slash == std::string_view::npos)
            slash = raw.size();
        std::string_view part = raw.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty())
                parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    out.reserve(raw.size());
    for (auto part : parts) {
        if (!out.empty())
            out.push_back('/');
        out.append(part);
    }
    return out;
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
