#pragma once
#include "analysis/Finding.h"

#include <vector>

namespace ballast {

// The findings of two analyses side by side: what B fixed, what B brought, and what both still have.
struct FindingsDiff {
    struct Kept {
        Finding a, b;
        int64_t deltaBytes() const { return b.bytes - a.bytes; }
    };
    std::vector<Finding> resolved; // A has it, B does not; in A's order
    std::vector<Finding> introduced; // B has it, A does not ("new"); in B's order
    std::vector<Kept> stillPresent; // in A's order
};

// The key that says two findings are the same problem: the same category, and at least one path in
// common, or no path on either side (a finding about the image as a whole, such as "runs as root").
// Layer numbers and titles are not part of it: they move when a step is added or removed.
bool sameFinding(const Finding &a, const Finding &b);

// Pairs each finding of A with the unpaired finding of B that has the same key and the most paths in
// common. The list of largest files describes an image rather than a problem in it, so it is left out.
FindingsDiff diffFindings(const std::vector<Finding> &a, const std::vector<Finding> &b);

} // namespace ballast
