#pragma once
// One hostile input and what `ballast-cli analyze` must do with it. Committed cases are stored as
// corpus/<file> with their expectations in corpus/cases.json (written by hostile_corpus_gen from the
// same builders); the big ones are built by the test into a temporary directory.
#include <QString>
#include <QStringList>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

namespace hostile {

// A value in the JSON output: the node at `pointer` (RFC 6901) equals `value`. With `pathsOf`, the
// node is an array of objects whose "path" members, sorted, must equal `value` (a sorted array).
struct JsonCheck {
    std::string pointer;
    nlohmann::json value;
    bool pathsOf = false;
};

struct HostileCase {
    QString name; // also the QTest row name
    QString file; // the input's file name (in corpus/ or in the case's own temporary directory)
    QString what; // how it was built
    QStringList options; // after `analyze FILE`
    QString format = QStringLiteral("json");
    int exitCode = 0;
    QStringList stderrHas; // "{path}" stands for the input path as passed to ballast-cli
    std::vector<JsonCheck> checks;
};

// A case built at test time (too big to commit): the builder writes the input into `directory`.
struct GeneratedCase {
    QString name;
    QString what;
    std::function<HostileCase(const QString &directory)> build;
};

// Writes every committed case into `directory` (hostile_corpus_gen) and returns them.
std::vector<HostileCase> writeCommittedCases(const QString &directory);
// The cases the test builds itself.
std::vector<GeneratedCase> generatedCases();

nlohmann::json toJson(const HostileCase &c);
HostileCase fromJson(const nlohmann::json &j);
QString expectedOutcome(const HostileCase &c); // one line for the README table

} // namespace hostile
