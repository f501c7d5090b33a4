#include "LoadLimitsSettings.h"

#include "LoadLimitsDialog.h"

#include <QAction>
#include <QSettings>
#include <limits>

namespace ballast {
namespace {

// Settings keys are the CLI option names, so both spell each limit the same way.
QString keyOf(const char *option)
{
    return QStringLiteral("limits/") + QLatin1String(option);
}

template <typename T> T positiveOr(const QSettings &settings, const char *option, T fallback)
{
    bool ok = false;
    const qlonglong value = settings.value(keyOf(option)).toLongLong(&ok);
    if (!ok || value < 1 || value > std::numeric_limits<T>::max())
        return fallback;
    return T(value);
}

} // namespace

LoadLimits loadLimitsFromSettings()
{
    const QSettings settings;
    LoadLimits limits;
    limits.maxEntries = positiveOr(settings, MaxEntriesOption, limits.maxEntries);
    limits.maxPathDepth = positiveOr(settings, MaxPathDepthOption, limits.maxPathDepth);
    limits.maxNameLength = positiveOr(settings, MaxNameLengthOption, limits.maxNameLength);
    limits.maxJsonBytes = positiveOr(settings, MaxJsonBytesOption, limits.maxJsonBytes);
    limits.maxJsonDepth = positiveOr(settings, MaxJsonDepthOption, limits.maxJsonDepth);
    limits.maxUncompressedBytes = positiveOr(settings, MaxUncompressedBytesOption, limits.maxUncompressedBytes);
    limits.maxPackageDatabaseBytes
        = positiveOr(settings, MaxPackageDatabaseBytesOption, limits.maxPackageDatabaseBytes);
    return limits;
}

void saveLoadLimitsToSettings(const LoadLimits &limits)
{
    QSettings settings;
    settings.setValue(keyOf(MaxEntriesOption), qlonglong(limits.maxEntries));
    settings.setValue(keyOf(MaxPathDepthOption), limits.maxPathDepth);
    settings.setValue(keyOf(MaxNameLengthOption), limits.maxNameLength);
    settings.setValue(keyOf(MaxJsonBytesOption), qlonglong(limits.maxJsonBytes));
    settings.setValue(keyOf(MaxJsonDepthOption), limits.maxJsonDepth);
    settings.setValue(keyOf(MaxUncompressedBytesOption), qlonglong(limits.maxUncompressedBytes));
    settings.setValue(keyOf(MaxPackageDatabaseBytesOption), qlonglong(limits.maxPackageDatabaseBytes));
}

LoadOptions withSavedLimits(LoadOptions options)
{
    options.limits = loadLimitsFromSettings();
    return options;
}

QAction *createLoadLimitsAction(QWidget *parent)
{
    auto *action = new QAction(QObject::tr("Load &Limits…"), parent);
    action->setToolTip(QObject::tr("Limits that keep a hostile or broken image from exhausting memory or disk"));
    QObject::connect(action, &QAction::triggered, parent, [parent] {
        LoadLimitsDialog dialog(parent);
        dialog.exec();
    });
    return action;
}

} // namespace ballast
