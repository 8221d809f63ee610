#include "models/SavedViewCodec.h"

#include "models/FilterState.h"

#include <filter/FilterCompiler.h>

namespace memscope::ui {

using nlohmann::json;

QByteArray SavedViewCodec::encode(const FilterState& state)
{
    json facets = json::object();
    const auto selections = state.facetSelections();
    for (auto it = selections.cbegin(); it != selections.cend(); ++it) {
        json values = json::array();
        for (const auto& v : it.value())
            values.push_back(v.toStdString());
        facets[it.key().toStdString()] = values;
    }
    json doc = {{"facets", facets}, {"advanced", state.advancedFilter()}, {"text", state.text().toStdString()}};
    if (state.from().isValid())
        doc["from"] = state.from().toUTC().toString(Qt::ISODate).toStdString();
    if (state.to().isValid())
        doc["to"] = state.to().toUTC().toString(Qt::ISODate).toStdString();
    return QByteArray::fromStdString(doc.dump());
}

std::optional<SavedViewCodec::View> SavedViewCodec::decode(const QByteArray& bytes)
{
    const json doc = json::parse(bytes.toStdString(), nullptr, false);
    if (!doc.is_object())
        return std::nullopt;
    View view;
    if (auto it = doc.find("facets"); it != doc.end() && it->is_object()) {
        for (const auto& [field, values] : it->items()) {
            if (!values.is_array())
                return std::nullopt;
            QStringList list;
            for (const auto& v : values)
                if (v.is_string())
                    list.append(QString::fromStdString(v.get<std::string>()));
            if (!list.isEmpty())
                view.facets.insert(QString::fromStdString(field), list);
        }
    }
    if (auto it = doc.find("advanced"); it != doc.end() && it->is_object()) {
        // A filter this build cannot compile (saved by a newer one, or edited by hand) is not applied.
        if (!FilterCompiler::validate(*it).empty())
            return std::nullopt;
        view.advanced = *it;
    }
    if (auto it = doc.find("text"); it != doc.end() && it->is_string())
        view.text = QString::fromStdString(it->get<std::string>());
    auto time = [&](const char* key) {
        auto it = doc.find(key);
        return it != doc.end() && it->is_string()
                   ? QDateTime::fromString(QString::fromStdString(it->get<std::string>()), Qt::ISODate)
                   : QDateTime();
    };
    view.from = time("from");
    view.to = time("to");
    return view;
}

void SavedViewCodec::apply(const View& view, FilterState& state)
{
    state.restore(view.facets, view.advanced, view.text, view.from, view.to);
}

} // namespace memscope::ui
