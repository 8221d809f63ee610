#pragma once

#include "model/HistoryEntry.h"

#include <optional>
#include <vector>

namespace memscope {

class Connection;

// Reads and writes the `history` table. Writing happens inside the caller's transaction, so a change and its
// history row land together or not at all.
class HistoryLog {
public:
    explicit HistoryLog(Connection& connection);

    std::int64_t append(const std::string& memoryId, HistoryEvent event, const nlohmann::json& oldValue,
                        const nlohmann::json& newValue, const ChangeContext& context, Micros at);

    std::vector<HistoryEntry> forMemory(const std::string& memoryId);
    std::optional<HistoryEntry> entry(std::int64_t historyId);
    std::vector<HistoryEntry> batch(const std::string& batchId);

private:
    Connection& m_connection;
};

} // namespace memscope
