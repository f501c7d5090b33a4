#include "Versions.h"

#include <archive.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <xxhash.h>
#include <zlib.h>
#include <zstd.h>

#include <QtGlobal>

namespace ballast {

QString ballastVersion()
{
    return QStringLiteral(BALLAST_VERSION);
}

std::vector<std::pair<QString, QString>> libraryVersions()
{
    const unsigned xxh = XXH_versionNumber();
    QString libarchive = QString::fromLatin1(archive_version_string());
    libarchive.remove(QStringLiteral("libarchive "));
    return {
        { QStringLiteral("Qt"), QString::fromLatin1(qVersion()) },
        { QStringLiteral("libarchive"), libarchive },
        { QStringLiteral("zlib"), QString::fromLatin1(zlibVersion()) },
        { QStringLiteral("zstd"), QString::fromLatin1(ZSTD_versionString()) },
        { QStringLiteral("OpenSSL"),
            QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)).section(QLatin1Char(' '), 1, 1) },
        { QStringLiteral("xxHash"), QStringLiteral("%1.%2.%3").arg(xxh / 10000).arg(xxh / 100 % 100).arg(xxh % 100) },
        { QStringLiteral("nlohmann_json"),
            QStringLiteral("%1.%2.%3")
                .arg(NLOHMANN_JSON_VERSION_MAJOR)
                .arg(NLOHMANN_JSON_VERSION_MINOR)
                .arg(NLOHMANN_JSON_VERSION_PATCH) },
    };
}

} // namespace ballast
