#pragma once
#include <string_view>

namespace ballast {

// Whether a layer entry is a file the package readers need the bytes of: a package manager's
// database or a file list that says which files a package installed. The loader keeps the bytes of
// exactly these files while it decodes each layer (LayerDecodeOptions::keep), so that reading the
// packages never means decoding a layer again. `path` is a normalised entry path ("var/lib/dpkg/status").
//  - deb: var/lib/dpkg/status, var/lib/dpkg/info/NAME.list, var/lib/dpkg/status.d/NAME and NAME.md5sums
//    (distroless, which has no .list files),
//    var/lib/apt/extended_states (which packages apt installed automatically)
//  - apk: lib/apk/db/installed
//  - rpm: rpmdb.sqlite in var/lib/rpm/ or usr/lib/sysimage/rpm/
//  - pypi: site-packages/ or dist-packages/ NAME.dist-info/RECORD and NAME.egg-info/installed-files.txt
//  - npm: node_modules/NAME/package.json and node_modules/@SCOPE/NAME/package.json, at any depth
bool isPackageDatabaseFile(std::string_view path);

} // namespace ballast
