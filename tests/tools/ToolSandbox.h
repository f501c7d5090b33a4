#pragma once
// A private world for the suites that run the real container tools (podman, buildah, skopeo): their
// storage, configuration, home and temporary directory all live in one QTemporaryDir, selected through
// the environment only, because Ballast runs plain `podman image save` without flags. Measured with
// podman 4.3.1, buildah 1.28.2 and skopeo 1.9.3 (see tests/tools/README.md):
//   CONTAINERS_STORAGE_CONF     podman and buildah storage: vfs, graphroot and runroot in the sandbox
//   CONTAINERS_CONF             podman's tmp_dir (else /run/libpod, remembered in the store's database)
//   CONTAINERS_REGISTRIES_CONF  podman and buildah; no search registries, so nothing is pulled
//   HOME                        skopeo 1.9 ignores CONTAINERS_REGISTRIES_CONF and reads
//                               $HOME/.config/containers/registries.conf (and policy.json) instead
//   BUILDAH_ISOLATION=chroot    no runc or user namespaces needed in a container
//   TMPDIR                      where Ballast's fetch directories go, so a test can see them removed
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

struct ToolRunResult {
    int exitCode = -1; // -1 when the program crashed, did not start or timed out
    QString out;
    QString err;
    QString commandLine; // for failure messages

    // "exit 2, stderr: …" for QVERIFY2 messages.
    QString describe() const;
};

// Runs a program with the given environment (the test process's own when empty).
ToolRunResult runIn(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment = {},
    const QString &workingDirectory = {});

// The tools a suite needs that are not on PATH, as "podman, skopeo" (empty when all are there).
QString missingTools(const QStringList &tools);

// BALLAST_SKIP_TOOL_TESTS=1: the only way these suites skip; a missing tool is a failure otherwise.
bool toolTestsSkipped();

// Parses a command's stdout as JSON; on failure returns a discarded value and sets `error`.
nlohmann::json parseJson(const QString &text, QString &error);

// nlohmann string → QString (dump() for non-strings, so a wrong type shows in the message).
QString jsonText(const nlohmann::json &value);

class ToolSandbox {
public:
    ToolSandbox();
    ~ToolSandbox(); // puts the environment back as it was

    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &relative = {}) const;

    // Points the container tools of this process and its children at the sandbox (qputenv).
    void apply();

    // Rewrites both registries.conf files (the one CONTAINERS_REGISTRIES_CONF names and the one in
    // the sandbox's HOME) with an `insecure = true` entry for each of `insecureHosts`.
    void writeRegistriesConf(const QStringList &insecureHosts = {});

    // Copies the fake Docker CLI (tests/tools/fake-docker/docker) into the sandbox's bin/, alone and
    // with the execute bit set whatever the checkout did with the mode; returns bin/ ("" on failure).
    QString installFakeDocker(const QString &script);

    // The Ballast fetch directories (ballast-fetch-*) left in the sandbox's TMPDIR.
    QStringList leftoverFetchDirectories() const;

    // The modification time of the machine's default container storage's image list, to show that a
    // test never wrote to it ("" when there is no such store).
    static QString machineStorageStamp();

private:
    QTemporaryDir m_dir;
    QStringList m_names; // variables apply() set
    QList<QByteArray> m_saved; // their values before
    QList<bool> m_wasSet;
};

// QVERIFY-style guard for initTestCase(): skips on BALLAST_SKIP_TOOL_TESTS=1, fails when a tool is missing.
#define BALLAST_REQUIRE_TOOLS(...)                                                                                     \
    do {                                                                                                               \
        if (toolTestsSkipped())                                                                                        \
            QSKIP("BALLAST_SKIP_TOOL_TESTS=1");                                                                        \
        const QString missing = missingTools(QStringList { __VA_ARGS__ });                                             \
        QVERIFY2(missing.isEmpty(),                                                                                    \
            qPrintable(QStringLiteral("not on PATH: %1 (scripts/install-deps.sh installs them; "                       \
                                      "BALLAST_SKIP_TOOL_TESTS=1 skips this suite)")                                   \
                           .arg(missing)));                                                                            \
    } while (false)
