#include "DpkgDatabase.h"
#include "ReaderSupport.h"
#include "util/PathNormalizer.h"

namespace ballast {
using detail::forEachLine;
using detail::trimmed;

std::vector<DpkgPackage> readDpkgStatus(std::string_view text, bool statusRequired)
{
    std::vector<DpkgPackage> out;
    DpkgPackage current;
    bool installed = false;
    auto endParagraph = [&] {
        if (!current.name.empty() && (installed || !statusRequired))
            out.push_back(std::move(current));
        current = DpkgPackage();
        installed = false;
    };
    forEachLine(text, [&](std::string_view line) {
        if (trimmed(line).empty())
            return endParagraph();
        if (line.front() == ' ' || line.front() == '\t')
            return; // a continuation of a multi-line field (Description:, Conffiles:)
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            return;
        const std::string_view field = line.substr(0, colon);
        const std::string_view value = trimmed(line.substr(colon + 1));
        if (field == "Package")
            current.name = value;
        else if (field == "Version")
            current.version = value;
        else if (field == "Architecture")
            current.architecture = value;
        else if (field == "Multi-Arch")
            current.multiArchSame = value == "same";
        else if (field == "Status") // "WANT FLAG STATE": the state is the last word
            installed = value.ends_with(" installed"); // not "half-installed", "not-installed"
    });
    endParagraph();
    return out;
}

std::string dpkgListName(const DpkgPackage &package)
{
    return package.multiArchSame && !package.architecture.empty() ? package.name + ':' + package.architecture
                                                                  : package.name;
}

std::vector<std::string> readDpkgList(std::string_view text)
{
    std::vector<std::string> out;
    forEachLine(text, [&](std::string_view line) {
        std::string path = normalizeEntryPath(line);
        if (!path.empty())
            out.push_back(std::move(path));
    });
    return out;
}

std::vector<std::string> readDpkgMd5sums(std::string_view text)
{
    std::vector<std::string> out;
    forEachLine(text, [&](std::string_view line) {
        const size_t space = line.find(' ');
        if (space == std::string_view::npos)
            return;
        std::string path = normalizeEntryPath(trimmed(line.substr(space)));
        if (!path.empty())
            out.push_back(std::move(path));
    });
    return out;
}

} // namespace ballast
