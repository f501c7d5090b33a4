#include "View.h"

#include <array>
#include <utility>

namespace ballast {
namespace {

// "layers" is the Files tab: the name users and scripts have always passed for the layers beside
// their file tree, so it stays the name of that view.
constexpr std::array<std::pair<const char *, View>, 6> NamedViews { {
    { "layers", View::Files },
    { "treemap", View::Treemap },
    { "packages", View::Packages },
    { "dockerfile", View::Dockerfile },
    { "findings", View::Findings },
    { "compare", View::Compare },
} };

} // namespace

std::optional<View> viewNamed(const QString &name)
{
    for (const auto &[text, view] : NamedViews)
        if (name == QLatin1String(text))
            return view;
    return std::nullopt;
}

QStringList viewNames()
{
    QStringList names;
    for (const auto &entry : NamedViews)
        names << QLatin1String(entry.first);
    return names;
}

} // namespace ballast
