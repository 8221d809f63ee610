#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace memscope::ui {

class FilterState;

// A FilterState as JSON text for saved views: facets, advanced filter, text and time range.
class SavedViewCodec {
public:
    struct View {
        QMap<QString, QStringList> facets;
        nlohmann::json advanced = nlohmann::json::object();
        QString text;
        QDateTime from, to;
    };

    static QByteArray encode(const FilterState& state);
    // Empty when the bytes are not a saved view (damaged settings never take the window down).
    static std::optional<View> decode(const QByteArray& bytes);
    static void apply(const View& view, FilterState& state);
};

} // namespace memscope::ui
