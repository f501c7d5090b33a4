// Writes the committed hostile corpus: every small case's input, corpus/cases.json (what the test
// expects of each) and corpus/README.md. Run it after changing a builder:
//   build/tests/hostile_corpus_gen tests/hostile/corpus
#include "HostileCase.h"

#include <QDir>
#include <QFile>
#include <QTextStream>
#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: hostile_corpus_gen CORPUS_DIR\n");
        return 2;
    }
    const QString directory = QString::fromLocal8Bit(argv[1]);
    QDir dir(directory);
    dir.mkpath(QStringLiteral("."));
    for (const QString &name : dir.entryList(QDir::Files))
        dir.remove(name);
    const auto cases = hostile::writeCommittedCases(directory);
    nlohmann::json table = nlohmann::json::array();
    for (const auto &c : cases)
        table.push_back(hostile::toJson(c));
    QFile json(dir.filePath(QStringLiteral("cases.json")));
    json.open(QIODevice::WriteOnly);
    json.write(QByteArray::fromStdString(table.dump(1)));
    json.write("\n");

    QFile readme(dir.filePath(QStringLiteral("README.md")));
    readme.open(QIODevice::WriteOnly);
    QTextStream out(&readme);
    out << "# Hostile inputs\n\n"
           "Written by `hostile_corpus_gen` (tests/hostile/hostile_corpus_gen.cpp) from the builders in\n"
           "tests/hostile/*Cases.cpp; `cases.json` holds what `test_hostile` expects of each. Regenerate both\n"
           "after changing a builder: `build/tests/hostile_corpus_gen tests/hostile/corpus`.\n\n"
           "Each case runs `ballast-cli analyze FILE --format F [options]` in a sandbox (fresh cwd, HOME,\n"
           "TMPDIR, XDG dirs; 60 s; 400 MiB peak RSS) and must exit as listed, never by a signal, leaving\n"
           "the input byte-identical and nothing behind. `{path}` is the input as passed.\n\n"
           "| case | file | what | expected |\n|---|---|---|---|\n";
    auto cell = [](QString text) {
        return text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    for (const auto &c : cases)
        out << "| " << cell(c.name) << " | `" << c.file << "` | " << cell(c.what) << " | "
            << (c.options.isEmpty() ? QString()
                                    : QStringLiteral("options `%1`; ").arg(c.options.join(QLatin1Char(' '))))
            << hostile::expectedOutcome(c) << " |\n";
    out << "\n## Generated at test time\n\n"
           "Too big to commit; `test_hostile` builds each into its own temporary directory (tests/hostile/\n"
           "GeneratedCases.cpp states the expected outcome next to the builder).\n\n"
           "| case | what |\n|---|---|\n";
    for (const auto &g : hostile::generatedCases())
        out << "| " << cell(g.name) << " | " << cell(g.what) << " |\n";
    printf("%zu cases written to %s\n", cases.size(), argv[1]);
    return 0;
}
