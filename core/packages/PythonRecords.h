#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ballast {

// A Python distribution's name and version, from the name of its metadata directory:
// "requests-2.31.0.dist-info", "PyYAML-6.0.1-py3.11.egg-info". The name part cannot hold a '-' (the
// installer writes it as '_'), so the version starts after the first one. A name without a version
// ("mypkg.egg-info", as a development install writes) gives an empty version.
struct PythonDistribution {
    std::string name;
    std::string version;
};
PythonDistribution pythonDistributionOf(std::string_view metadataDirectoryName);

// The paths in the first column of a *.dist-info/RECORD file (CSV: "path,hash,size", a path with a
// comma or quote is quoted with "" for a quote). The paths are as written: relative to the
// site-packages directory, possibly climbing out of it ("../../../bin/flask"), or absolute.
std::vector<std::string> readPythonRecord(std::string_view text);

// The paths of a *.egg-info/installed-files.txt: one per line, relative to the .egg-info directory.
std::vector<std::string> readEggInstalledFiles(std::string_view text);

} // namespace ballast
