// npm: each node_modules/NAME/package.json and node_modules/@SCOPE/NAME/package.json. A package owns
// its folder, minus the node_modules folders inside it, which hold packages of their own (a nested
// copy of another version is its own entry).
#include "packages/PackageReaders.h"
#include "packages/ReaderSupport.h"

#include <nlohmann/json.hpp>

namespace ballast::detail {
namespace {

// The name and version a package.json declares; the folder's name, and no version, when it declares
// none or is not JSON.
std::pair<std::string, std::string> declaredNameAndVersion(const std::string &manifest, std::string_view folder)
{
    std::string name(nameOf(folder));
    if (const std::string_view scope = nameOf(parentOf(folder)); scope.starts_with('@'))
        name = std::string(scope) + '/' + name;
    std::string version;
    const nlohmann::json json = nlohmann::json::parse(manifest, nullptr, false);
    if (json.is_object()) {
        if (const auto it = json.find("name");
            it != json.end() && it->is_string() && !it->get_ref<const std::string &>().empty())
            name = it->get<std::string>();
        if (const auto it = json.find("version"); it != json.end() && it->is_string())
            version = it->get<std::string>();
    }
    return { name, version };
}

// Every path under `folder` that some layer wrote, outside nested node_modules folders.
void collectOwnFiles(const MergedTree &tree, MergedTree::NodeId folder, std::vector<std::string> &paths)
{
    std::vector<MergedTree::NodeId> pending { folder };
    while (!pending.empty()) {
        const MergedTree::NodeId node = pending.back();
        pending.pop_back();
        for (const MergedTree::NodeId child : tree.children(node)) {
            if (!tree.children(child).empty()) {
                if (tree.name(child) != "node_modules")
                    pending.push_back(child);
            } else {
                paths.push_back(tree.path(child));
            }
        }
    }
}

} // namespace

std::vector<PackageClaim> readNpmPackages(const KeptDatabases &kept)
{
    std::vector<PackageClaim> out;
    const MergedTree &tree = kept.image().tree;
    for (const std::string &path : kept.finalKeptPaths()) {
        if (nameOf(path) != "package.json")
            continue;
        const std::string *manifest = kept.finalBytes(path);
        if (!manifest)
            continue;
        const std::string_view folder = parentOf(path);
        auto [name, version] = declaredNameAndVersion(*manifest, folder);
        const auto copies = kept.layerCopies(path);
        PackageClaim &claim = out.emplace_back(
            newClaim("npm", std::move(name), std::move(version), copies.empty() ? -1 : copies.front().first));
        collectOwnFiles(tree, tree.find(folder), claim.paths);
    }
    return out;
}

} // namespace ballast::detail
