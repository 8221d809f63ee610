#pragma once

#include <query/RecordListing.h>

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

namespace memscope::ui {

// What the record table shows: every record matching a filter in an order, or, when there is search text,
// the best hybrid-search hits for it under the same filter.
struct RecordQuery {
    nlohmann::json filter = nlohmann::json::object(); // complete Mem0 filter (state included)
    QString text;                                     // free text: hybrid search
    QStringList userIds;                              // search scopes (global plus a user), optional
    ListingOrder order;
    int searchLimit = 500;

    bool isSearch() const { return !text.trimmed().isEmpty(); }
};

} // namespace memscope::ui
