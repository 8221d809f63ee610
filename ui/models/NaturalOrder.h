#pragma once

#include <QString>

namespace memscope::ui {

// Compares version-like strings with their numbers as numbers (v1.9 < v1.10, 1.2.10 > 1.2.9), the same in
// every locale (QCollator's numeric mode depends on the platform's collation and is off in the C locale).
class NaturalOrder {
public:
    // <0, 0, >0 like strcmp.
    static int compare(const QString& a, const QString& b);
    static bool less(const QString& a, const QString& b) { return compare(a, b) < 0; }
};

} // namespace memscope::ui
