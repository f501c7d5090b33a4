#include "ToolSandbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace

QString ToolRunResult::describe() const
{
    return QStringLiteral("%1\nexit %2\nstderr: %3\nstdout: %4")
        .arg(commandLine)
        .arg(exitCode)
        .arg(err, out.left(2000));
}

ToolRunResult runIn(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
    const QString &workingDirectory)
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    ToolRunResult run;
    run.commandLine = QStringList(QStringList { program } + arguments).join(QLatin1Char(' '));
    process.start(program, arguments);
    if (!process.waitForStarted(30000) || !process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("did not run to the end: %1").arg(process.errorString());
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString missingTools(const QStringList &tools)
{
    QStringList missing;
    for (const QString &tool : tools)
        if (QStandardPaths::findExecutable(tool).isEmpty())
            missing << tool;
    return missing.join(QStringLiteral(", "));
}

bool toolTestsSkipped()
{
    return qgetenv("BALLAST_SKIP_TOOL_TESTS") == "1";
}

nlohmann::json parseJson(const QString &text, QString &error)
{
    const std::string utf8 = text.toStdString();
    nlohmann::json value = nlohmann::json::parse(utf8, nullptr, false);
    if (value.is_discarded())
        error = QStringLiteral("not JSON: ") + text.left(500);
    return value;
}

QString jsonText(const nlohmann::json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString::fromStdString(value.dump());
}

ToolSandbox::ToolSandbox()
    : m_dir(QDir::tempPath() + QStringLiteral("/ballast-tools-XXXXXX"))
{ }

ToolSandbox::~ToolSandbox()
{
    for (qsizetype i = 0; i < m_names.size(); ++i) {
        const QByteArray name = m_names[i].toUtf8();
        if (m_wasSet[i])
            qputenv(name.constData(), m_saved[i]);
        else
            qunsetenv(name.constData());
    }
    // vfs layers are plain directories; QTemporaryDir removes them (we are root, nothing is read-only).
}

QString ToolSandbox::path(const QString &relative) const
{
    return relative.isEmpty() ? m_dir.path() : m_dir.filePath(relative);
}

void ToolSandbox::apply()
{
    const QString root = m_dir.path();
    writeFile(path(QStringLiteral("storage.conf")),
        QStringLiteral("[storage]\ndriver = \"vfs\"\ngraphroot = \"%1/graph\"\n"
                       "runroot = \"%1/run\"\n")
            .arg(root)
            .toUtf8());
    // events_logger and cgroup_manager: podman picks "file" and "cgroupfs" by itself without systemd;
    // named here so that a machine with systemd behaves the same.
    writeFile(path(QStringLiteral("containers.conf")),
        QStringLiteral("[engine]\ntmp_dir = \"%1/libpod-tmp\"\nevents_logger = \"file\"\n"
                       "events_logfile_path = \"%1/libpod-tmp/events.log\"\ncgroup_manager = \"cgroupfs\"\n")
            .arg(root)
            .toUtf8());
    writeFile(path(QStringLiteral("home/.config/containers/policy.json")),
        R"({"default": [{"type": "insecureAcceptAnything"}]})"
        "\n");
    writeRegistriesConf();
    QDir().mkpath(path(QStringLiteral("tmp")));

    const QList<std::pair<QString, QString>> variables = {
        { QStringLiteral("CONTAINERS_STORAGE_CONF"), path(QStringLiteral("storage.conf")) },
        { QStringLiteral("CONTAINERS_CONF"), path(QStringLiteral("containers.conf")) },
        { QStringLiteral("CONTAINERS_REGISTRIES_CONF"), path(QStringLiteral("registries.conf")) },
        { QStringLiteral("BUILDAH_ISOLATION"), QStringLiteral("chroot") },
        { QStringLiteral("HOME"), path(QStringLiteral("home")) },
        { QStringLiteral("TMPDIR"), path(QStringLiteral("tmp")) },
    };
    for (const auto &[name, value] : variables) {
        const QByteArray key = name.toUtf8();
        if (!m_names.contains(name)) {
            m_names << name;
            m_wasSet << qEnvironmentVariableIsSet(key.constData());
            m_saved << qgetenv(key.constData());
        }
        qputenv(key.constData(), value.toUtf8());
    }
}

void ToolSandbox::writeRegistriesConf(const QStringList &insecureHosts)
{
    QString text
        = QStringLiteral("# Written by ToolSandbox: no search registries, so a short name never reaches the network.\n"
                         "unqualified-search-registries = []\n");
    for (const QString &host : insecureHosts)
        text += QStringLiteral("\n[[registry]]\nlocation = \"%1\"\ninsecure = true\n").arg(host);
    writeFile(path(QStringLiteral("registries.conf")), text.toUtf8());
    writeFile(path(QStringLiteral("home/.config/containers/registries.conf")), text.toUtf8());
}

QString ToolSandbox::installFakeDocker(const QString &script)
{
    const QString bin = path(QStringLiteral("bin"));
    const QString docker = bin + QStringLiteral("/docker");
    QDir().mkpath(bin);
    QFile::remove(docker);
    if (!QFile::copy(script, docker))
        return {};
    if (!QFile::setPermissions(
            docker, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup))
        return {};
    return bin;
}

QStringList ToolSandbox::leftoverFetchDirectories() const
{
    return QDir(path(QStringLiteral("tmp")))
        .entryList({ QStringLiteral("ballast-fetch-*") }, QDir::AllEntries | QDir::Hidden);
}

QString ToolSandbox::machineStorageStamp()
{
    const QFileInfo images(QStringLiteral("/var/lib/containers/storage/vfs-images/images.json"));
    const QFileInfo overlay(QStringLiteral("/var/lib/containers/storage/overlay-images/images.json"));
    auto stamp = [](const QFileInfo &info) {
        return info.exists()
            ? info.lastModified().toString(Qt::ISODateWithMs) + QLatin1Char('/') + QString::number(info.size())
            : QString();
    };
    return stamp(images) + QLatin1Char('|') + stamp(overlay);
}
