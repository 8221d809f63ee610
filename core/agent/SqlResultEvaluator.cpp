#include "agent/SqlResultEvaluator.h"

#include "agent/AnswerText.h"
#include "agent/SqlSandbox.h"
#include "agent/TaskPack.h"
#include "util/Error.h"
#include "util/Strings.h"

namespace memscope {

using namespace answer_text;
using nlohmann::json;

namespace {

using Row = std::vector<std::string>;

bool cellsEqual(const std::string& a, const std::string& b)
{
    if (a == b)
        return true;
    const auto x = parseNumber(a), y = parseNumber(b);
    return x && y && numbersClose(*x, *y);
}

bool rowsEqual(const Row& a, const Row& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!cellsEqual(a[i], b[i]))
            return false;
    return true;
}

std::string formatRow(const Row& row)
{
    std::string out = "(";
    for (std::size_t i = 0; i < row.size(); ++i) {
        out += i ? ", " : "";
        if (row[i] == "NULL" || parseNumber(row[i])) {
            out += row[i];
        } else {
            std::string text = oneLine(row[i], 40);
            for (std::size_t q = text.find('\''); q != std::string::npos; q = text.find('\'', q + 2))
                text.insert(q, 1, '\'');
            out += "'" + text + "'";
        }
    }
    return out + ")";
}

std::string joinColumns(const std::vector<std::string>& columns)
{
    std::string out;
    for (const auto& column : columns)
        out += (out.empty() ? "" : ", ") + column;
    return out;
}

// "1 row", "3 rows" ("3+ rows" when more existed than were read).
std::string counted(std::size_t n, const std::string& noun, bool more = false)
{
    return std::to_string(n) + (more ? "+ " : " ") + noun + (n == 1 && !more ? "" : "s");
}

bool startsWithQuery(std::string_view text)
{
    const std::string folded = foldCase(trim(text).substr(0, 8));
    for (const std::string_view keyword : {"select", "with"})
        if (folded.starts_with(keyword) &&
            (folded.size() == keyword.size() ||
             std::string_view(" \t\r\n(").find(folded[keyword.size()]) != std::string_view::npos))
            return true;
    return false;
}

// Rows of `actual` matched to rows of `expected` (each used once), and what is left on each side.
struct Comparison {
    std::size_t matched = 0;
    std::vector<std::size_t> missing;    // indexes into expected
    std::vector<std::size_t> unexpected; // indexes into actual
    bool sameOrder = false;
};

Comparison compareRows(const std::vector<Row>& expected, const std::vector<Row>& actual)
{
    Comparison cmp;
    std::vector<bool> used(actual.size(), false);
    for (std::size_t e = 0; e < expected.size(); ++e) {
        bool found = false;
        for (std::size_t a = 0; a < actual.size() && !found; ++a)
            if (!used[a] && rowsEqual(expected[e], actual[a]))
                used[a] = found = true;
        if (found)
            ++cmp.matched;
        else
            cmp.missing.push_back(e);
    }
    for (std::size_t a = 0; a < actual.size(); ++a)
        if (!used[a])
            cmp.unexpected.push_back(a);
    cmp.sameOrder = expected.size() == actual.size();
    for (std::size_t i = 0; cmp.sameOrder && i < expected.size(); ++i)
        cmp.sameOrder = rowsEqual(expected[i], actual[i]);
    return cmp;
}

std::string someRows(const std::vector<Row>& rows, const std::vector<std::size_t>& which, json& list)
{
    std::string examples;
    for (std::size_t i = 0; i < which.size() && i < 3; ++i) {
        list.push_back(rows[which[i]]);
        examples += (i ? ", " : "") + formatRow(rows[which[i]]);
    }
    return examples;
}

} // namespace

SqlResultEvaluator::SqlResultEvaluator(const SqlSandbox& sandbox, json config)
    : m_sandbox(&sandbox)
    , m_config(config.is_object() ? std::move(config) : json::object())
{
}

SqlResultEvaluator::Extracted SqlResultEvaluator::extractSql(std::string_view answer,
                                                             const std::vector<std::string>& toolQueries)
{
    const auto blocks = fencedBlocks(answer);
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
        if ((it->language == "sql" || it->language == "sqlite") && !trim(it->code).empty())
            return {trim(it->code), "sql block"};
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
        if (startsWithQuery(it->code) || (it->language.empty() && !trim(it->code).empty()))
            return {trim(it->code), "code block"};
    if (startsWithQuery(answer))
        return {trim(answer), "answer"};
    for (auto it = toolQueries.rbegin(); it != toolQueries.rend(); ++it)
        if (!trim(*it).empty())
            return {trim(*it), "tool query"};
    return {};
}

Evaluation SqlResultEvaluator::evaluate(const EvaluationInput& input, const std::atomic_bool* cancel)
{
    json config = m_config;
    if (input.task)
        config.update(input.task->expected);
    const bool orderMatters = config.value("order_matters", false);
    const std::string label = taskLabel(input);
    Evaluation eval;
    eval.outcome = "failure";

    SqlSandbox::Result expected;
    try {
        expected = m_sandbox->queryAll(config.value("sql", std::string()));
    } catch (const Error& e) {
        eval.outcome = "unknown";
        eval.reason = std::string("The task's expected query fails: ") + e.what();
        return eval;
    }
    const Extracted found = extractSql(input.answer, input.toolQueries);
    if (found.sql.empty()) {
        eval.reason = "No SQL query found in the answer (no ```sql block, no SELECT, no query run with a tool).";
        eval.lesson = "For " + label + ": end the answer with the corrected query in a ```sql block.";
        return eval;
    }
    const SqlSandbox::Result actual = m_sandbox->query(found.sql, cancel);
    if (cancel && cancel->load())
        throw Error(Error::Kind::Cancelled, "evaluation cancelled");
    eval.details = {{"sql", found.sql},
                    {"sql_source", found.source},
                    {"expected_rows", expected.rows.size()},
                    {"expected_columns", expected.columns},
                    {"order_matters", orderMatters}};
    if (!actual.ok) {
        eval.details["error"] = actual.error;
        eval.reason = "The query fails: " + actual.error + ".";
        eval.lesson = "For " + label + ": the answer's query failed (" + oneLine(actual.error, 120) +
                      "); run the final query with run_sql and fix every error before answering.";
        return eval;
    }
    eval.details["returned_rows"] = actual.rows.size();
    eval.details["columns"] = actual.columns;
    if (actual.columns.size() != expected.columns.size()) {
        eval.reason = "The query returns " + counted(actual.columns.size(), "column") + " (" +
                      joinColumns(actual.columns) + "), expected " + std::to_string(expected.columns.size()) + " (" +
                      joinColumns(expected.columns) + ").";
        eval.lesson = "For " + label + ": the query returned " + counted(actual.columns.size(), "column") +
                      " instead of " + std::to_string(expected.columns.size()) +
                      "; select exactly the columns the task asks for, in the order it gives.";
        return eval;
    }

    const Comparison cmp = compareRows(expected.rows, actual.rows);
    const std::size_t unionSize = expected.rows.size() + actual.rows.size() - cmp.matched;
    const double jaccard = unionSize ? static_cast<double>(cmp.matched) / static_cast<double>(unionSize) : 1.0;
    eval.details["matched_rows"] = cmp.matched;
    const std::string expectedRows = counted(expected.rows.size(), "row");
    const std::string sql = oneLine(found.sql, 240);
    if (cmp.missing.empty() && cmp.unexpected.empty() && !actual.truncated) {
        if (orderMatters && !cmp.sameOrder) {
            eval.outcome = "partial";
            eval.score = 0.5;
            eval.reason = "The query returns the expected " + expectedRows + ", but in the wrong order.";
            eval.lesson = "For " + label +
                          ": the right rows came back in the wrong order; the ORDER BY must match "
                          "the requested order (columns, direction, tie-breaks).";
            return eval;
        }
        eval.outcome = "success";
        eval.score = 1;
        eval.reason =
            "The query returns the expected " + expectedRows + (orderMatters ? ", in the expected order." : ".");
        eval.lesson = "For " + label + ": this query returns exactly the expected rows: " + sql;
        return eval;
    }

    eval.score = jaccard;
    eval.outcome = cmp.matched > 0 && jaccard >= 0.5 ? "partial" : "failure";
    json missingRows = json::array(), unexpectedRows = json::array();
    const bool sameCount = actual.rows.size() == expected.rows.size() && !actual.truncated;
    const std::string returned = counted(actual.rows.size(), "row", actual.truncated);
    eval.reason = sameCount ? "The query returns the expected number of rows (" + std::to_string(actual.rows.size()) +
                                  "), but " + std::to_string(cmp.unexpected.size()) +
                                  (cmp.unexpected.size() == 1 ? " differs" : " differ")
                            : "The query returns " + returned + ", expected " + std::to_string(expected.rows.size());
    if (!cmp.missing.empty())
        eval.reason += "; " + counted(cmp.missing.size(), "expected row") + " missing, e.g. " +
                       someRows(expected.rows, cmp.missing, missingRows);
    if (!cmp.unexpected.empty())
        eval.reason += "; " + counted(cmp.unexpected.size(), "unexpected row", actual.truncated) + ", e.g. " +
                       someRows(actual.rows, cmp.unexpected, unexpectedRows);
    eval.reason += ".";
    eval.details["missing"] = missingRows;
    eval.details["unexpected"] = unexpectedRows;

    std::string hint;
    if (cmp.unexpected.empty() || (!cmp.missing.empty() && actual.rows.size() < expected.rows.size()))
        hint = "check that joins and WHERE conditions do not drop rows (LEFT JOIN, NULL comparisons, date bounds)";
    else if (cmp.missing.empty())
        hint = "check the filters, the join conditions and duplicates (DISTINCT, GROUP BY)";
    else
        hint = "check the computed values: aggregates, arithmetic (integer division), grouping and joins";
    eval.lesson = "For " + label + ": the query returned " +
                  (sameCount ? "the right number of rows (" + std::to_string(actual.rows.size()) + ") but " +
                                   counted(cmp.unexpected.size(), "wrong one")
                             : returned + " instead of " + std::to_string(expected.rows.size()) + " (" +
                                   std::to_string(cmp.missing.size()) + " missing, " +
                                   std::to_string(cmp.unexpected.size()) + " unexpected)") +
                  "; " + hint + ". The failing query was: " + sql;
    return eval;
}

} // namespace memscope
