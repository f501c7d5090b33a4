#pragma once
// Fake `docker` and `skopeo` executables for the GUI suites of image sources: no Docker engine or registry
// runs here, so these answer the commands the core runs (core/source/*.cpp) the way the real tools
// do, from the committed sample archive. Every call is appended to calls.log. PATH is set to their
// directory alone, so the machine's own podman, buildah and skopeo stay out of sight.
// moc's tokenizer trips over the scripts' raw strings (quotes, braces); it needs nothing from here.
#ifndef Q_MOC_RUN
#include "SampleOracle.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace uitest {

// Three images, as `docker image ls --format '{{json .}}'` prints them (Docker 24).
inline const char *const FakeDockerImages = R"(
{"Containers":"N/A","CreatedAt":"2024-05-01 10:00:00 +0000 UTC","CreatedSince":"12 months ago","Digest":"<none>","ID":"0123456789ab","Repository":"ballast/sample","SharedSize":"N/A","Size":"1.25MB","Tag":"1","UniqueSize":"N/A","VirtualSize":"1.25MB"}
{"Containers":"N/A","CreatedAt":"2024-01-27 00:30:48 +0000 UTC","CreatedSince":"16 months ago","Digest":"<none>","ID":"05455a08881e","Repository":"alpine","SharedSize":"N/A","Size":"7.38MB","Tag":"3.19","UniqueSize":"N/A","VirtualSize":"7.38MB"}
{"Containers":"N/A","CreatedAt":"2024-06-12 08:15:00 +0000 UTC","CreatedSince":"11 months ago","Digest":"<none>","ID":"9f8e7d6c5b4a","Repository":"registry.example.com/team/api","SharedSize":"N/A","Size":"312MB","Tag":"2.0","UniqueSize":"N/A","VirtualSize":"312MB"}
)";

// The ID the fake `docker build` writes to --iidfile.
inline const QString FakeBuiltId = QStringLiteral("feedfacecafe0123");

class FakeTools {
public:
    bool create()
    {
        if (!m_dir.isValid() || !QDir().mkpath(binDir()) || !QDir().mkpath(emptyDir()))
            return false;
        const QString sample = oracle::samplePath();
        const QString log = callsLog();
        // image save: "slow/image:1" sends 1 MB then hangs (for the fetch banner and Esc), "missing"
        // fails as docker does for an unknown image, anything else streams the sample.
        // build: a Dockerfile containing FAIL fails, SLOW hangs, anything else "builds" FakeBuiltId.
        const QString docker = QStringLiteral(R"(#!/bin/bash
echo "docker $*" >> '%1'
case "$1 $2" in
"image ls")
    /usr/bin/cat <<'JSON'
%2
JSON
    ;;
"image save")
    case "$3" in
    slow/image:1) /usr/bin/head -c 1000000 '%3'; exec /usr/bin/sleep 30 ;;
    missing*) echo "Error response from daemon: reference does not exist" >&2; exit 1 ;;
    *) exec /usr/bin/cat '%3' ;;
    esac
    ;;
"build "*)
    shift
    while [ $# -gt 0 ]; do
        case "$1" in
        --iidfile) iidfile="$2"; shift ;;
        -f) dockerfile="$2"; shift ;;
        esac
        shift
    done
    echo "Step 1/2 : FROM scratch"
    if /usr/bin/grep -q FAIL "$dockerfile"; then
        echo "Error response from daemon: dockerfile parse error on line 3: unknown instruction: FAIL" >&2
        exit 1
    fi
    if /usr/bin/grep -q SLOW "$dockerfile"; then exec /usr/bin/sleep 30; fi
    echo "Step 2/2 : COPY busybox /bin/busybox"
    echo "Successfully built %4"
    echo "sha256:%4" > "$iidfile"
    ;;
*) echo "fake docker: unexpected command: $*" >&2; exit 2 ;;
esac
)")
                                   .arg(log, QString::fromLatin1(FakeDockerImages).trimmed(), sample, FakeBuiltId);
        // copy … docker://REF oci:DIR:image: a reference with "refused" fails as skopeo does when
        // nothing listens; anything else writes 2 000 000 bytes into DIR and hangs.
        const QString skopeo = QStringLiteral(R"(#!/bin/bash
echo "skopeo $*" >> '%1'
source="${@: -2:1}"
dest="${@: -1}"; dir="${dest#oci:}"; dir="${dir%:image}"
case "$source" in
*refused*)
    echo "time=\"2024-06-01T10:00:00Z\" level=fatal msg=\"initializing source $source: pinging container registry 127.0.0.1:5000: Get \\\"https://127.0.0.1:5000/v2/\\\": dial tcp 127.0.0.1:5000: connect: connection refused\"" >&2
    exit 1 ;;
esac
/usr/bin/mkdir -p "$dir"
/usr/bin/head -c 2000000 /dev/zero > "$dir/partial-blob"
exec /usr/bin/sleep 30
)")
                                   .arg(log);
        return write(QStringLiteral("docker"), docker) && write(QStringLiteral("skopeo"), skopeo);
    }

    QString binDir() const { return m_dir.filePath(QStringLiteral("bin")); }
    QString emptyDir() const { return m_dir.filePath(QStringLiteral("empty")); }
    QString callsLog() const { return m_dir.filePath(QStringLiteral("calls.log")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QStringList calls() const
    {
        QFile file(callsLog());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    void clearCalls() const { QFile::remove(callsLog()); }

    // Only the fakes are found; an empty directory: no tool at all.
    void useFakes() const { qputenv("PATH", QFile::encodeName(binDir())); }
    void useNoTools() const { qputenv("PATH", QFile::encodeName(emptyDir())); }

private:
    bool write(const QString &name, const QString &script) const
    {
        QFile file(QDir(binDir()).filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(script.toUtf8()) > 0
            && file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    QTemporaryDir m_dir;
};

} // namespace uitest
#endif // Q_MOC_RUN
