#pragma once
// Internal to the package readers: scanning the lines of text databases, and splitting entry paths.
#include <string_view>

namespace ballast::detail {

// Calls `line` for each line of `text`, without its '\n' (and a '\r' before it).
template <typename Visit> void forEachLine(std::string_view text, Visit line)
{
    while (!text.empty()) {
        const size_t end = text.find('\n');
        std::string_view current = text.substr(0, end);
        if (current.ends_with('\r'))
            current.remove_suffix(1);
        line(current);
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
}

// `text` without leading and trailing blanks and tabs.
inline std::string_view trimmed(std::string_view text)
{
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The directory part of a normalised entry path ("" at the top), and its last component.
inline std::string_view parentOf(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

inline std::string_view nameOf(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace ballast::detail
