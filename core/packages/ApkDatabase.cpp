#include "ApkDatabase.h"
#include "ReaderSupport.h"
#include "util/PathNormalizer.h"

namespace ballast {

std::vector<ApkPackage> readApkInstalled(std::string_view text)
{
    std::vector<ApkPackage> out;
    ApkPackage current;
    std::string directory; // of the R: lines that follow an F: line
    auto endRecord = [&] {
        if (!current.name.empty())
            out.push_back(std::move(current));
        current = ApkPackage();
        directory.clear();
    };
    detail::forEachLine(text, [&](std::string_view line) {
        if (line.empty())
            return endRecord();
        if (line.size() < 2 || line[1] != ':')
            return;
        const std::string_view value = line.substr(2);
        switch (line[0]) {
        case 'P':
            current.name = value;
            break;
        case 'V':
            current.version = value;
            break;
        case 'A':
            current.architecture = value;
            break;
        case 'F':
            directory = value;
            break;
        case 'R':
            if (std::string path = normalizeEntryPath(directory + '/' + std::string(value)); !path.empty())
                current.files.push_back(std::move(path));
            break;
        default:
            break;
        }
    });
    endRecord();
    return out;
}

} // namespace ballast
