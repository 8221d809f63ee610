#pragma once

#include "agent/Evaluator.h"

#include <string_view>

namespace memscope {

// "sql_result": runs the answer's SQL in the sandbox and compares its rows with those of the config's `sql`
// (the expected query): as multisets of rows, or in order when `order_matters` is true. Cells that both read
// as numbers compare numerically (1e-6 relative), other cells as text; column names do not matter, their
// count and order do. success: the same rows; partial: the same column count and an overlap of at least half
// (Jaccard), or the right rows in the wrong order; failure otherwise (no SQL, an SQL error, wrong rows).
class SqlResultEvaluator : public Evaluator {
public:
    SqlResultEvaluator(const SqlSandbox& sandbox, nlohmann::json config);
    Evaluation evaluate(const EvaluationInput& input, const std::atomic_bool* cancel) override;

    struct Extracted {
        std::string sql;    // empty: none found
        std::string source; // "sql block", "code block", "answer", "tool query"
    };
    // The answer's query: its last ```sql block, else its last ``` block, else the whole answer when it starts
    // with SELECT or WITH, else the last of `toolQueries`.
    static Extracted extractSql(std::string_view answer, const std::vector<std::string>& toolQueries);

private:
    const SqlSandbox* m_sandbox;
    nlohmann::json m_config;
};

} // namespace memscope
