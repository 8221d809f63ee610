#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace memscope::ui {

// One look for each outcome everywhere (table, facets, charts): colours chosen to stay readable on light and
// dark palettes alike.
class OutcomeStyle {
public:
    static QColor color(const QString& outcome);
    // A filled dot in the outcome's colour (cached).
    static QIcon icon(const QString& outcome);
    // The translated name ("Success", ...); unknown values come back as given.
    static QString label(const QString& outcome);
    static const QStringList& outcomes(); // success, partial, failure, unknown
};

} // namespace memscope::ui
