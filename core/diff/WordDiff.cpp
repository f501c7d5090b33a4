#include "WordDiff.h"

#include <algorithm>

namespace ballast {
namespace {

// Past this many cells the table (4 bytes each) is not worth it: the differing middle is marked as a
// whole. Instructions are rarely longer than a few hundred words.
constexpr size_t MaxTableCells = 4'000'000;

std::vector<TextSpan> wordsOf(const QString &text)
{
    std::vector<TextSpan> words;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        const qsizetype start = i;
        while (i < n && !text[i].isSpace())
            ++i;
        if (i > start)
            words.push_back({ start, i - start });
    }
    return words;
}

QStringView wordAt(const QString &text, const TextSpan &word)
{
    return QStringView(text).mid(word.start, word.length);
}

// Joins changed words that follow each other into spans (the whitespace between them included).
std::vector<TextSpan> spansOf(const std::vector<TextSpan> &words, const std::vector<bool> &changed)
{
    std::vector<TextSpan> spans;
    bool previousChanged = false;
    for (size_t i = 0; i < words.size(); ++i) {
        if (changed[i] && previousChanged)
            spans.back().length = words[i].start + words[i].length - spans.back().start;
        else if (changed[i])
            spans.push_back(words[i]);
        previousChanged = changed[i];
    }
    return spans;
}

} // namespace

WordDiff diffWords(const QString &a, const QString &b)
{
    const std::vector<TextSpan> wa = wordsOf(a), wb = wordsOf(b);
    auto same = [&](size_t i, size_t j) { return wordAt(a, wa[i]) == wordAt(b, wb[j]); };
    std::vector<bool> changedA(wa.size(), true), changedB(wb.size(), true);
    // The common prefix and suffix match without the table.
    size_t prefix = 0;
    while (prefix < wa.size() && prefix < wb.size() && same(prefix, prefix))
        changedA[prefix] = changedB[prefix] = false, ++prefix;
    size_t suffix = 0;
    while (suffix < wa.size() - prefix && suffix < wb.size() - prefix
        && same(wa.size() - 1 - suffix, wb.size() - 1 - suffix)) {
        changedA[wa.size() - 1 - suffix] = changedB[wb.size() - 1 - suffix] = false;
        ++suffix;
    }
    const size_t n = wa.size() - prefix - suffix, m = wb.size() - prefix - suffix;
    if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MaxTableCells) {
        // lcs[i][j]: length of the longest common subsequence of the middles' suffixes from i and j.
        std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
        auto at = [&](size_t i, size_t j) -> uint32_t & { return lcs[i * (m + 1) + j]; };
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                at(i, j) = same(prefix + i, prefix + j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        for (size_t i = 0, j = 0; i < n && j < m;) {
            if (same(prefix + i, prefix + j)) {
                changedA[prefix + i++] = false;
                changedB[prefix + j++] = false;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                ++i;
            } else {
                ++j;
            }
        }
    }
    WordDiff out { spansOf(wa, changedA), spansOf(wb, changedB), wa.size(), wb.size(), 0 };
    out.commonWords = size_t(std::count(changedA.begin(), changedA.end(), false));
    return out;
}

} // namespace ballast
