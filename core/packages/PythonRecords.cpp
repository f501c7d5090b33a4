#include "PythonRecords.h"
#include "ReaderSupport.h"

namespace ballast {

PythonDistribution pythonDistributionOf(std::string_view directoryName)
{
    for (const std::string_view suffix : { std::string_view(".dist-info"), std::string_view(".egg-info") })
        if (directoryName.ends_with(suffix)) {
            directoryName.remove_suffix(suffix.size());
            break;
        }
    const size_t dash = directoryName.find('-');
    if (dash == std::string_view::npos)
        return { std::string(directoryName), {} };
    std::string_view version = directoryName.substr(dash + 1);
    if (const size_t python = version.find("-py"); python != std::string_view::npos) // egg: "-py3.11"
        version = version.substr(0, python);
    return { std::string(directoryName.substr(0, dash)), std::string(version) };
}

std::vector<std::string> readPythonRecord(std::string_view text)
{
    std::vector<std::string> out;
    detail::forEachLine(text, [&](std::string_view line) {
        std::string path;
        if (line.starts_with('"')) {
            for (size_t i = 1; i < line.size(); ++i) {
                if (line[i] != '"') {
                    path += line[i];
                } else if (i + 1 < line.size() && line[i + 1] == '"') {
                    path += '"';
                    ++i;
                } else {
                    break;
                }
            }
        } else {
            path = line.substr(0, line.find(','));
        }
        if (!path.empty())
            out.push_back(std::move(path));
    });
    return out;
}

std::vector<std::string> readEggInstalledFiles(std::string_view text)
{
    std::vector<std::string> out;
    detail::forEachLine(text, [&](std::string_view line) {
        if (!detail::trimmed(line).empty())
            out.emplace_back(line);
    });
    return out;
}

} // namespace ballast
