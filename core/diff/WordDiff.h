#pragma once
#include <QString>
#include <vector>

namespace ballast {

// A run of characters in a text: [start, start + length).
struct TextSpan {
    qsizetype start = 0;
    qsizetype length = 0;
    bool operator==(const TextSpan &) const = default;
};

// What two texts do not share, word by word (words are separated by whitespace): the words outside
// their longest common subsequence of words. Neighbouring changed words form one span, so that
// "--no-install-recommends curl" reads as one change.
struct WordDiff {
    std::vector<TextSpan> onlyInA; // character spans of `a`, in order
    std::vector<TextSpan> onlyInB; // character spans of `b`, in order
    size_t wordsA = 0, wordsB = 0;
    size_t commonWords = 0; // the length of the common subsequence
    // 2 × common / (words of A + words of B), as difflib's ratio: 1 for the same words, 0 for none shared.
    double similarity() const { return wordsA + wordsB ? 2.0 * double(commonWords) / double(wordsA + wordsB) : 1.0; }
};

WordDiff diffWords(const QString &a, const QString &b);

} // namespace ballast
