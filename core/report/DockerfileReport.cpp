#include "report/DockerfileReport.h"

#include "util/ByteFormat.h"

namespace ballast {
namespace {

using Json = nlohmann::ordered_json;

Json intOrNull(int64_t value, bool present)
{
    return present ? Json(value) : Json(nullptr);
}

QString shortened(const QString &text, int max)
{
    const QString flat = text.simplified();
    return flat.size() > max ? flat.left(max - 1) + QChar(0x2026) : flat;
}

} // namespace

Json dockerfileJson(const QString &path, const Dockerfile &df, const LayerMapping &mapping, const Image &image)
{
    Json rows = Json::array();
    for (const InstructionLayers &row : mapping.rows) {
        const DockerfileInstruction &in = df.instructions[size_t(row.instruction)];
        const bool isFrom = in.keyword == QLatin1String("FROM");
        Json item = {
            { "line", in.line },
            { "endLine", in.endLine },
            { "instruction", in.keyword.toStdString() },
            { "text", shortened(in.original, 200).toStdString() },
            { "layerIndex", intOrNull(row.layer(), !isFrom && row.layer() >= 0) },
            { "sizeBytes", intOrNull(row.sizeBytes(image), !row.layers.empty()) },
            { "confidence", confidenceName(row.confidence) },
            { "historyIndex",
                intOrNull(row.history.empty() ? 0 : row.history.back(), !isFrom && !row.history.empty()) },
        };
        if (isFrom) {
            Json base = Json::array();
            for (int l : row.layers)
                base.push_back(l);
            item["baseLayers"] = base;
        }
        rows.push_back(item);
    }
    Json errors = Json::array();
    for (const DockerfileError &e : df.errors)
        errors.push_back({ { "line", e.line }, { "column", e.column }, { "message", e.message.toStdString() } });
    Json notes = Json::array();
    for (const QString &note : mapping.notes)
        notes.push_back(note.toStdString());
    const DockerfileStage *stage = df.final();
    return {
        { "path", path.toStdString() },
        { "finalStage",
            stage ? Json({ { "index", df.finalStage }, { "name", stage->name.toStdString() },
                { "base", stage->baseName.toStdString() } })
                  : Json(nullptr) },
        { "instructions", rows },
        { "notes", notes },
        { "errors", errors },
    };
}

QString dockerfileText(const Dockerfile &df, const LayerMapping &mapping, const Image &image)
{
    QString out = QStringLiteral("\nDOCKERFILE (final stage)\n");
    out += QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(QStringLiteral("LINES"), -9)
               .arg(QStringLiteral("LAYER"), 5)
               .arg(QStringLiteral("SIZE"), 9)
               .arg(QStringLiteral("MATCH"), -9)
               .arg(QStringLiteral("INSTRUCTION"));
    for (const InstructionLayers &row : mapping.rows) {
        const DockerfileInstruction &in = df.instructions[size_t(row.instruction)];
        const QString lines
            = in.line == in.endLine ? QString::number(in.line) : QStringLiteral("%1-%2").arg(in.line).arg(in.endLine);
        QString layer = QStringLiteral("-");
        if (row.layers.size() == 1)
            layer = QString::number(row.layers.front());
        else if (!row.layers.empty())
            layer = QStringLiteral("%1-%2").arg(row.layers.front()).arg(row.layers.back());
        const QString size = row.layers.empty() ? QStringLiteral("-") : formatBytes(row.sizeBytes(image));
        out += QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(lines, -9)
                   .arg(layer, 5)
                   .arg(size, 9)
                   .arg(QLatin1String(confidenceName(row.confidence)), -9)
                   .arg(shortened(in.original, 70));
    }
    for (const QString &note : mapping.notes)
        out += QStringLiteral("note: %1\n").arg(note);
    return out;
}

Json lintJson(const QString &path, const std::vector<LintFinding> &findings)
{
    Json list = Json::array();
    for (const LintFinding &f : findings) {
        Json item = {
            { "line", f.line },
            { "column", f.column },
            { "endLine", f.endLine },
            { "rule", f.rule.toStdString() },
            { "severity", lintSeverityName(f.severity) },
            { "message", f.message.toStdString() },
        };
        if (f.bytes)
            item["bytes"] = *f.bytes;
        list.push_back(item);
    }
    return { { "file", path.toStdString() }, { "findings", list } };
}

QString lintText(const QString &path, const std::vector<LintFinding> &findings)
{
    QString out;
    for (const LintFinding &f : findings)
        out += QStringLiteral("%1:%2:%3 %4 %5: %6\n")
                   .arg(path)
                   .arg(f.line)
                   .arg(f.column)
                   .arg(f.rule, QLatin1String(lintSeverityName(f.severity)), f.message);
    out += findings.empty() ? QStringLiteral("no findings\n") : QStringLiteral("%1 findings\n").arg(findings.size());
    return out;
}

} // namespace ballast
