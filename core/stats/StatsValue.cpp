#include "stats/StatsValue.h"

#include "storage/Statement.h"

#include <algorithm>
#include <cmath>

namespace memscope::stats {

namespace {

int rank(const SqlValue& v)
{
    if (std::holds_alternative<std::nullptr_t>(v))
        return 0;
    if (std::holds_alternative<std::string>(v))
        return 2;
    return 1;
}

double number(const SqlValue& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    return std::get<double>(v);
}

} // namespace

SqlValue readValue(const Statement& st, int column)
{
    SqlValue v = st.value(column);
    if (const auto* d = std::get_if<double>(&v))
        if (std::isfinite(*d) && std::trunc(*d) == *d && std::fabs(*d) < 9.0e15)
            return static_cast<std::int64_t>(*d);
    return v;
}

bool less(const SqlValue& a, const SqlValue& b)
{
    const int ra = rank(a), rb = rank(b);
    if (ra != rb)
        return ra < rb;
    if (ra == 1) {
        const auto* ia = std::get_if<std::int64_t>(&a);
        const auto* ib = std::get_if<std::int64_t>(&b);
        if (ia && ib)
            return *ia < *ib;
        return number(a) < number(b);
    }
    if (ra == 2)
        return std::get<std::string>(a) < std::get<std::string>(b);
    return false;
}

bool equal(const SqlValue& a, const SqlValue& b) { return !less(a, b) && !less(b, a); }

nlohmann::json toJson(const SqlValue& value)
{
    if (const auto* s = std::get_if<std::string>(&value))
        return *s;
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return *i;
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    return nullptr;
}

std::string display(const SqlValue& value)
{
    if (const auto* s = std::get_if<std::string>(&value))
        return *s;
    if (std::holds_alternative<std::nullptr_t>(value))
        return {};
    return toJson(value).dump();
}

bool ValueLess::operator()(const std::vector<SqlValue>& a, const std::vector<SqlValue>& b) const
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), less);
}

} // namespace memscope::stats
