#include "dockerfile/parse/Instructions.h"

namespace ballast {

const std::vector<InstructionKind> &instructionKinds()
{
    static const std::vector<InstructionKind> kinds = {
        { QStringLiteral("ADD"),
            { QStringLiteral("chown"), QStringLiteral("chmod"), QStringLiteral("link"), QStringLiteral("checksum"),
                QStringLiteral("keep-git-dir"), QStringLiteral("exclude"), QStringLiteral("unpack") },
            true },
        { QStringLiteral("ARG"), {}, true },
        { QStringLiteral("CMD"), {}, false },
        { QStringLiteral("COPY"),
            { QStringLiteral("from"), QStringLiteral("chown"), QStringLiteral("chmod"), QStringLiteral("link"),
                QStringLiteral("parents"), QStringLiteral("exclude") },
            true },
        { QStringLiteral("ENTRYPOINT"), {}, false },
        { QStringLiteral("ENV"), {}, true },
        { QStringLiteral("EXPOSE"), {}, true },
        { QStringLiteral("FROM"), { QStringLiteral("platform") }, true, false },
        { QStringLiteral("HEALTHCHECK"),
            { QStringLiteral("interval"), QStringLiteral("timeout"), QStringLiteral("start-period"),
                QStringLiteral("start-interval"), QStringLiteral("retries") },
            false },
        { QStringLiteral("LABEL"), {}, true },
        { QStringLiteral("MAINTAINER"), {}, false, false },
        { QStringLiteral("ONBUILD"), {}, false, false },
        { QStringLiteral("RUN"),
            { QStringLiteral("mount"), QStringLiteral("network"), QStringLiteral("security"),
                QStringLiteral("device") },
            false },
        { QStringLiteral("SHELL"), {}, false },
        { QStringLiteral("STOPSIGNAL"), {}, true },
        { QStringLiteral("USER"), {}, true },
        { QStringLiteral("VOLUME"), {}, true },
        { QStringLiteral("WORKDIR"), {}, true },
    };
    return kinds;
}

const InstructionKind *instructionKind(const QString &upperKeyword)
{
    for (const InstructionKind &kind : instructionKinds())
        if (kind.keyword == upperKeyword)
            return &kind;
    return nullptr;
}

} // namespace ballast
