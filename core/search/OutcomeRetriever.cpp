#include "search/OutcomeRetriever.h"

#include "filter/FilterScope.h"
#include "storage/MemoryStore.h"
#include "util/Error.h"

namespace memscope {

using nlohmann::json;

OutcomeRetriever::OutcomeRetriever(MemoryStore& store)
    : m_store(store)
{
}

RelevantOutcomes OutcomeRetriever::fetch(const OutcomeQuery& q)
{
    if (q.taskType.empty())
        throw Error(Error::Kind::InvalidArgument, "fetching outcomes needs a task_type");
    std::vector<json> parts = {json{{"task_type", q.taskType}}, json{{"collection", q.collection}}};
    if (!q.toolName.empty())
        parts.push_back(json{{"tool_name", q.toolName}});
    if (!q.version.empty())
        parts.push_back(json{{"version", q.version}});
    if (q.since)
        parts.push_back(json{{"created_at", {{"gte", formatIsoTime(*q.since)}}}});
    SearchRequest request;
    request.query = q.description.empty() ? "Previous outcomes for task type: " + q.taskType : q.description;
    request.userIds = {"global"};
    if (!q.userId.empty() && q.userId != "global")
        request.userIds.push_back(q.userId);
    request.limit = q.maxItems;
    request.options.recencyHalfLifeDays = q.recencyHalfLifeDays;

    RelevantOutcomes out;
    auto withOutcome = [&](const char* outcome) {
        auto p = parts;
        p.push_back(json{{"outcome_type", outcome}});
        return FilterScope::allOf(p);
    };
    request.filter = withOutcome("success");
    out.filter = request.filter;
    out.successes = m_store.search(request).hits;
    request.filter = withOutcome("failure");
    out.failures = m_store.search(request).hits;
    return out;
}

} // namespace memscope
