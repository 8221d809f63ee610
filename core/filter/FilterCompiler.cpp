#include "filter/FilterCompiler.h"

#include "filter/FilterField.h"
#include "util/Error.h"
#include "util/Time.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <variant>

namespace memscope {

using nlohmann::json;

namespace {

using Kind = FilterField::Kind;

constexpr int kMaxDepth = 32;
constexpr const char* kOperators = "eq, ne, in, nin, gt, gte, lt, lte, contains, icontains or \"*\"";

// A piece of SQL with the values of its placeholders. Pieces carry their own parameters so that joining
// them keeps text and parameters in the same order whatever order the pieces were built in.
struct Sql {
    std::string text;
    std::vector<SqlValue> params;

    Sql() = default;
    Sql(const char* t)
        : text(t)
    {
    }
    Sql(std::string t)
        : text(std::move(t))
    {
    }
};

Sql operator+(Sql a, const Sql& b)
{
    a.text += b.text;
    a.params.insert(a.params.end(), b.params.begin(), b.params.end());
    return a;
}

Sql bound(SqlValue value)
{
    Sql s("?");
    s.params.push_back(std::move(value));
    return s;
}

Sql join(const std::vector<Sql>& items, const char* op)
{
    if (items.size() == 1)
        return items.front();
    Sql out("(");
    for (std::size_t i = 0; i < items.size(); ++i)
        out = (i ? out + op : out) + items[i];
    return out + ")";
}

Sql boundList(const std::vector<SqlValue>& values)
{
    std::vector<Sql> items;
    for (const auto& v : values)
        items.push_back(bound(v));
    Sql out("(");
    for (std::size_t i = 0; i < items.size(); ++i)
        out = (i ? out + ", " : out) + items[i];
    return out + ")";
}

// --- messages

// The value as compact JSON for a message, cut (at a UTF-8 boundary) when long.
std::string describe(const json& v)
{
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    constexpr std::size_t kMax = 60;
    if (s.size() <= kMax)
        return s;
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    return s.substr(0, cut) + "...";
}

[[noreturn]] void failKey(const std::string& key, const std::string& reason)
{
    throw Error(Error::Kind::InvalidArgument, "filter: key '" + key + "': " + reason);
}

[[noreturn]] void failOp(const FilterField& field, const std::string& op, const std::string& reason)
{
    failKey(field.key(), "operator '" + op + "' " + reason);
}

std::string oneOf(const std::vector<std::string>& words)
{
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i)
            out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

// --- values

// Strings stay text and numbers stay numbers, so that 5 never equals "5" and numbers order as numbers.
std::optional<SqlValue> plainScalar(const json& v)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        return v.get<double>();
    if (v.is_number_integer())
        return v.get<std::int64_t>();
    if (v.is_number_float())
        return v.get<double>();
    return std::nullopt;
}

// A time as the columns hold it: ISO-8601 text in any zone, or an epoch number in s, ms or us.
Micros timeValue(const FilterField& field, const std::string& op, const json& v)
{
    if (v.is_number_integer() && !v.is_number_unsigned()) {
        const auto n = v.get<std::int64_t>();
        if (n >= 100000000000000LL || n <= -100000000000000LL) // already microseconds: keep every digit
            return n;
    }
    if (v.is_number()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && std::fabs(d) < 9.0e18)
            return microsFromEpochNumber(d);
        failOp(field, op, "needs a time within range, got " + describe(v));
    }
    if (v.is_string())
        if (const auto t = parseIsoTime(v.get<std::string>()))
            return *t;
    failOp(field, op, "needs an ISO-8601 time or a number, got " + describe(v));
}

// A value to compare the field with for equality (eq, ne, in, nin); not null, not a metadata boolean.
SqlValue fieldValue(const FilterField& field, const std::string& op, const json& v)
{
    switch (field.kind()) {
    case Kind::Time: return timeValue(field, op, v);
    case Kind::Enum:
        if (v.is_string())
            for (const auto& word : field.vocabulary())
                if (v.get<std::string>() == word)
                    return word;
        failOp(field, op, "needs one of " + oneOf(field.vocabulary()) + ", got " + describe(v));
    case Kind::Text:
        if (!v.is_string())
            failOp(field, op, "needs a string, got " + describe(v));
        return v.get<std::string>();
    case Kind::Tags:
        if (auto s = plainScalar(v))
            return *s;
        failOp(field, op, "needs a tag (a string or a number), got " + describe(v));
    case Kind::Typed:
    case Kind::Json:
        if (auto s = plainScalar(v))
            return *s;
        failOp(field, op, "needs a string, a number or a boolean, got " + describe(v));
    }
    failOp(field, op, "is not supported here");
}

// The typed columns hold only strings and numbers (RecordTable), so a boolean is matched in the JSON.
bool isMetadataBoolean(const FilterField& field, const json& v)
{
    return v.is_boolean() && (field.kind() == Kind::Typed || field.kind() == Kind::Json);
}

// --- expressions over the field

// The field's value: its column, or json_extract with the path bound as a parameter.
Sql valueOf(const FilterField& field)
{
    if (!field.column().empty())
        return Sql(field.column());
    return "json_extract(m.metadata, " + bound(field.jsonPath()) + ")";
}

Sql jsonValue(const FilterField& field) { return "json_extract(m.metadata, " + bound(field.jsonPath()) + ")"; }

Sql jsonType(const FilterField& field) { return "json_type(m.metadata, " + bound(field.jsonPath()) + ")"; }

// SQL type of the value (json_type tells true from 1; the typed columns hold no booleans).
Sql typeOf(const FilterField& field)
{
    if (field.kind() == Kind::Json)
        return jsonType(field);
    return "typeof(" + valueOf(field) + ")";
}

// True when an element of the list at the field's path satisfies `where` (over json_each's value/type).
Sql anyElement(const FilterField& field, const Sql& where)
{
    return "EXISTS (SELECT 1 FROM json_each(m.metadata, " + bound(field.jsonPath()) + ") WHERE " + where + ")";
}

// Null checks: for a metadata field the JSON is the truth (a typed column is NULL for a boolean, ts for
// text that is no time).
Sql presenceOf(const FilterField& field) { return field.isMetadata() ? jsonValue(field) : valueOf(field); }

// json_extract gives 1 and 0 for true and false; a number matches numbers only.
Sql isNumber(const FilterField& field) { return typeOf(field) + " IN ('integer', 'real')"; }

bool holdsNumber(const SqlValue& v)
{
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v);
}

// --- operators

Sql equal(const FilterField& field, const std::string& op, const json& v)
{
    if (v.is_null())
        return "(" + presenceOf(field) + " IS NULL)";
    if (field.kind() == Kind::Tags)
        return anyElement(field, "value = " + bound(fieldValue(field, op, v)));
    if (isMetadataBoolean(field, v))
        return "(" + jsonType(field) + " = " + bound(v.get<bool>() ? "true" : "false") + ")";
    const SqlValue value = fieldValue(field, op, v);
    if (field.kind() == Kind::Json && holdsNumber(value))
        return "(" + valueOf(field) + " = " + bound(value) + " AND " + isNumber(field) + ")";
    return "(" + valueOf(field) + " = " + bound(value) + ")";
}

// A record without the field counts as "not equal" (IS NOT, unlike <>, is true against NULL): that is
// what users of Mem0 filters expect from {"task_type": {"ne": "x"}}.
Sql notEqual(const FilterField& field, const std::string& op, const json& v)
{
    if (v.is_null())
        return "(" + presenceOf(field) + " IS NOT NULL)";
    if (field.kind() == Kind::Tags)
        return "NOT " + anyElement(field, "value = " + bound(fieldValue(field, op, v)));
    if (field.kind() == Kind::Json)
        return "NOT coalesce(" + equal(field, op, v) + ", 0)";
    if (isMetadataBoolean(field, v))
        return "(" + jsonType(field) + " IS NOT " + bound(v.get<bool>() ? "true" : "false") + ")";
    return "(" + valueOf(field) + " IS NOT " + bound(fieldValue(field, op, v)) + ")";
}

// The items of an in/nin list, sorted by how they are matched.
struct Members {
    std::vector<SqlValue> values;
    std::vector<SqlValue> numbers;  // of a Json field: matched only against numbers
    std::vector<SqlValue> booleans; // "true"/"false", matched with json_type
    bool null = false;
    bool plain() const { return numbers.empty() && booleans.empty() && !null; }
};

Members members(const FilterField& field, const std::string& op, const json& v)
{
    if (!v.is_array() || v.empty())
        failOp(field, op, "needs a non-empty list, got " + describe(v));
    Members m;
    for (const auto& item : v) {
        if (item.is_null() && field.kind() != Kind::Tags) {
            m.null = true;
        } else if (isMetadataBoolean(field, item)) {
            m.booleans.emplace_back(item.get<bool>() ? "true" : "false");
        } else {
            SqlValue value = fieldValue(field, op, item);
            (field.kind() == Kind::Json && holdsNumber(value) ? m.numbers : m.values).push_back(std::move(value));
        }
    }
    return m;
}

Sql anyOf(const FilterField& field, const Members& m)
{
    if (field.kind() == Kind::Tags)
        return anyElement(field, "value IN " + boundList(m.values));
    std::vector<Sql> alternatives;
    if (!m.values.empty())
        alternatives.push_back(valueOf(field) + " IN " + boundList(m.values));
    if (!m.numbers.empty())
        alternatives.push_back("(" + valueOf(field) + " IN " + boundList(m.numbers) + " AND " + isNumber(field) + ")");
    if (!m.booleans.empty())
        alternatives.push_back(jsonType(field) + " IN " + boundList(m.booleans));
    if (m.null)
        alternatives.push_back(presenceOf(field) + " IS NULL");
    return alternatives.size() == 1 ? "(" + alternatives.front() + ")" : join(alternatives, " OR ");
}

// As with ne, a record without the field is "not in" the list.
Sql noneOf(const FilterField& field, const Members& m)
{
    if (field.kind() == Kind::Tags)
        return "NOT " + anyOf(field, m);
    if (m.plain())
        return "(" + valueOf(field) + " IS NULL OR " + valueOf(field) + " NOT IN " + boundList(m.values) + ")";
    return "NOT coalesce(" + anyOf(field, m) + ", 0)";
}

// gt, gte, lt, lte. SQLite orders every number before every string, so a comparison is limited to values
// of the filter value's type; an ISO-8601 string compares as a time whatever form the stored value has.
Sql compare(const FilterField& field, const std::string& op, const char* sqlOp, const json& v)
{
    const std::string cmp = std::string(" ") + sqlOp + " ";
    switch (field.kind()) {
    case Kind::Time: return "(" + valueOf(field) + cmp + bound(timeValue(field, op, v)) + ")";
    case Kind::Enum:
        failOp(field, op,
               "does not apply to a field with fixed values (" + oneOf(field.vocabulary()) +
                   "); use eq, ne, in or nin");
    case Kind::Tags: failOp(field, op, "does not apply to tags; use eq, ne, in, nin, contains or icontains");
    case Kind::Text:
        if (!v.is_string())
            failOp(field, op, "needs a string, got " + describe(v));
        return "(" + valueOf(field) + cmp + bound(v.get<std::string>()) + ")";
    case Kind::Typed:
    case Kind::Json:
        if (v.is_number())
            return "(" + valueOf(field) + cmp + bound(*plainScalar(v)) + " AND " + isNumber(field) + ")";
        if (v.is_string()) {
            if (const auto t = parseIsoTime(v.get<std::string>()))
                return "(memscope_time(" + valueOf(field) + ")" + cmp + bound(*t) + ")";
            return "(" + valueOf(field) + cmp + bound(v.get<std::string>()) + " AND " + typeOf(field) + " = 'text')";
        }
        failOp(field, op, "needs a number, an ISO-8601 time or a string, got " + describe(v));
    }
    failOp(field, op, "is not supported here");
}

// contains / icontains: a substring of a text value, or (contains) an element of a list. instr() rather
// than LIKE so that '%' and '_' are plain characters; SQLite's lower() folds ASCII letters only.
Sql contains(const FilterField& field, const std::string& op, const json& v)
{
    const bool fold = op == "icontains";
    const auto haystack = [fold](const Sql& s) { return fold ? "lower(" + s + ")" : s; };
    switch (field.kind()) {
    case Kind::Time: failOp(field, op, "does not apply to a time; use gt, gte, lt or lte");
    case Kind::Enum:
        failOp(field, op,
               "does not apply to a field with fixed values (" + oneOf(field.vocabulary()) +
                   "); use eq, ne, in or nin");
    case Kind::Text:
        if (!v.is_string())
            failOp(field, op, "needs a string, got " + describe(v));
        return "(instr(" + haystack(valueOf(field)) + ", " + haystack(bound(v.get<std::string>())) + ") > 0)";
    case Kind::Tags:
        if (!fold)
            return anyElement(field, "value = " + bound(fieldValue(field, op, v)));
        if (!v.is_string())
            failOp(field, op, "needs a string, got " + describe(v));
        return anyElement(field,
                          "type = 'text' AND instr(lower(value), lower(" + bound(v.get<std::string>()) + ")) > 0");
    case Kind::Typed:
    case Kind::Json:
        // Through the JSON even for the typed columns: those hold no lists.
        if (v.is_string()) {
            const Sql needle = bound(v.get<std::string>());
            const Sql element =
                fold ? "type = 'text' AND instr(lower(value), lower(" + needle + ")) > 0" : "value = " + needle;
            return "(CASE " + jsonType(field) + " WHEN 'array' THEN " + anyElement(field, element) +
                   " WHEN 'text' THEN instr(" + haystack(jsonValue(field)) + ", " + haystack(needle) +
                   ") > 0 ELSE 0 END)";
        }
        if (v.is_number() && !fold)
            return "(" + jsonType(field) + " = 'array' AND " + anyElement(field, "value = " + bound(*plainScalar(v))) +
                   ")";
        failOp(field, op,
               fold ? "needs a string, got " + describe(v)
                    : "needs a string (or a number, to look for in a list), got " + describe(v));
    }
    failOp(field, op, "is not supported here");
}

Sql apply(const FilterField& field, const std::string& op, const json& v)
{
    if (op == "eq")
        return equal(field, op, v);
    if (op == "ne")
        return notEqual(field, op, v);
    if (op == "in")
        return anyOf(field, members(field, op, v));
    if (op == "nin")
        return noneOf(field, members(field, op, v));
    if (op == "gt")
        return compare(field, op, ">", v);
    if (op == "gte")
        return compare(field, op, ">=", v);
    if (op == "lt")
        return compare(field, op, "<", v);
    if (op == "lte")
        return compare(field, op, "<=", v);
    if (op == "contains" || op == "icontains")
        return contains(field, op, v);
    failKey(field.key(), "unknown operator '" + op + "' (use " + kOperators + ")");
}

// "field": value (eq), [list] (in), "*" (present) or {"op": value, ...} (all of them).
Sql condition(const FilterField& field, const json& spec)
{
    if (spec.is_string() && spec.get<std::string>() == "*")
        return "(" + presenceOf(field) + " IS NOT NULL)";
    if (spec.is_array())
        return apply(field, "in", spec);
    if (!spec.is_object())
        return apply(field, "eq", spec);
    if (spec.empty())
        failKey(field.key(), std::string("needs at least one operator (use ") + kOperators + ")");
    std::vector<Sql> parts;
    for (auto it = spec.begin(); it != spec.end(); ++it)
        parts.push_back(apply(field, it.key(), it.value()));
    return join(parts, " AND ");
}

// One filter object: its keys ANDed. `within` is the key the object sits under (for messages and depth),
// `inMetadata` says the keys are metadata keys (under "metadata": {...}).
Sql filterObject(const json& filter, int depth, const std::string& within, bool inMetadata)
{
    if (depth > kMaxDepth)
        failKey(within, "filters nest deeper than " + std::to_string(kMaxDepth) + " levels");
    if (!filter.is_object()) {
        if (within.empty())
            throw Error(Error::Kind::InvalidArgument, "filter: expected a JSON object, got " + describe(filter));
        failKey(within, "operator '" + within + "' needs filter objects, got " + describe(filter));
    }
    std::vector<Sql> parts;
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        const std::string& key = it.key();
        const json& value = it.value();
        if (key == "AND" || key == "OR") {
            if (!value.is_array() || value.empty())
                failKey(key, "operator '" + key + "' needs a non-empty list of filter objects, got " + describe(value));
            std::vector<Sql> items;
            for (const auto& item : value)
                items.push_back(filterObject(item, depth + 1, key, inMetadata));
            parts.push_back(join(items, key == "AND" ? " AND " : " OR "));
        } else if (key == "NOT") {
            // NOT(any of them). coalesce: a condition that is NULL for a record (a missing field) counts as
            // false, so its negation holds for that record.
            std::vector<Sql> items;
            if (value.is_object())
                items.push_back(filterObject(value, depth + 1, key, inMetadata));
            else if (value.is_array() && !value.empty())
                for (const auto& item : value)
                    items.push_back(filterObject(item, depth + 1, key, inMetadata));
            else
                failKey(key,
                        "operator 'NOT' needs a filter object or a non-empty list of them, got " + describe(value));
            parts.push_back("NOT coalesce(" + join(items, " OR ") + ", 0)");
        } else if (key == "metadata" && !inMetadata) {
            if (!value.is_object())
                failKey(key, "needs an object of metadata conditions, got " + describe(value));
            parts.push_back(filterObject(value, depth + 1, key, true));
        } else {
            const FilterField field = inMetadata ? FilterField::metadata(key) : FilterField::topLevel(key);
            parts.push_back(condition(field, value));
        }
    }
    if (parts.empty())
        return Sql("1");
    return join(parts, " AND ");
}

} // namespace

CompiledFilter FilterCompiler::compile(const json& filter)
{
    CompiledFilter compiled;
    if (filter.is_null())
        return compiled;
    Sql sql = filterObject(filter, 0, "", false);
    compiled.sql = std::move(sql.text);
    compiled.params = std::move(sql.params);
    return compiled;
}

std::string FilterCompiler::validate(const json& filter)
{
    try {
        compile(filter);
        return {};
    } catch (const Error& e) {
        return e.what();
    }
}

} // namespace memscope
