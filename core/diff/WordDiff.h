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
};

WordDiff diffWords(const QString &a, const QString &b);

} // namespace ballast
