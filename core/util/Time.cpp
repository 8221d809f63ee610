#include "util/Time.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace memscope {

namespace {

// Howard Hinnant's days_from_civil: proleptic Gregorian date to days since 1970-01-01.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool isLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(std::int64_t y, unsigned m)
{
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

class Cursor {
public:
    explicit Cursor(std::string_view s)
        : m_s(s)
    {
    }
    bool atEnd() const { return m_pos >= m_s.size(); }
    char peek() const { return atEnd() ? '\0' : m_s[m_pos]; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    // Exactly n digits.
    bool digits(int n, int& out)
    {
        out = 0;
        for (int i = 0; i < n; ++i) {
            const char c = peek();
            if (c < '0' || c > '9')
                return false;
            out = out * 10 + (c - '0');
            ++m_pos;
        }
        return true;
    }
    // A fraction of a second, any number of digits, kept to microseconds.
    int fractionMicros()
    {
        int value = 0;
        int scale = 100000;
        while (peek() >= '0' && peek() <= '9') {
            value += (peek() - '0') * scale;
            scale /= 10;
            ++m_pos;
        }
        return value;
    }
    std::size_t pos() const { return m_pos; }

private:
    std::string_view m_s;
    std::size_t m_pos = 0;
};

} // namespace

Micros nowMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

std::optional<Micros> parseIsoTime(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    Cursor c(text);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, micros = 0;
    if (!c.digits(4, year) || !c.take('-') || !c.digits(2, month) || !c.take('-') || !c.digits(2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > static_cast<int>(daysInMonth(year, month)))
        return std::nullopt;
    std::int64_t offsetSeconds = 0;
    if (!c.atEnd()) {
        if (!c.take('T') && !c.take('t') && !c.take(' '))
            return std::nullopt;
        if (!c.digits(2, hour) || !c.take(':') || !c.digits(2, minute))
            return std::nullopt;
        if (c.take(':')) {
            if (!c.digits(2, second))
                return std::nullopt;
            if (c.take('.') || c.take(','))
                micros = c.fractionMicros();
        }
        if (hour > 23 || minute > 59 || second > 60)
            return std::nullopt;
        if (c.take('Z') || c.take('z')) {
        } else if (c.peek() == '+' || c.peek() == '-') {
            const int sign = c.peek() == '-' ? -1 : 1;
            c.take(c.peek());
            int oh = 0, om = 0;
            if (!c.digits(2, oh))
                return std::nullopt;
            c.take(':');
            if (!c.atEnd() && !c.digits(2, om))
                return std::nullopt;
            if (oh > 23 || om > 59)
                return std::nullopt;
            offsetSeconds = sign * (oh * 3600 + om * 60);
        }
        if (!c.atEnd())
            return std::nullopt;
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1000000 + micros;
}

std::string formatIsoTime(Micros t)
{
    std::int64_t seconds = t / 1000000;
    std::int64_t micros = t % 1000000;
    if (micros < 0) {
        micros += 1000000;
        seconds -= 1;
    }
    std::int64_t days = seconds / 86400;
    std::int64_t rem = seconds % 86400;
    if (rem < 0) {
        rem += 86400;
        days -= 1;
    }
    std::int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[64];
    const int hh = static_cast<int>(rem / 3600), mm = static_cast<int>(rem % 3600 / 60),
              ss = static_cast<int>(rem % 60);
    if (micros == 0)
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d, hh, mm, ss);
    else
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%06lldZ", static_cast<long long>(y), m, d, hh,
                      mm, ss, static_cast<long long>(micros));
    return buf;
}

Micros microsFromEpochNumber(double value)
{
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e14) // microseconds
        return static_cast<Micros>(std::llround(value));
    if (magnitude >= 1e11) // milliseconds
        return static_cast<Micros>(std::llround(value * 1000.0));
    return static_cast<Micros>(std::llround(value * 1000000.0));
}

std::optional<Micros> parseDuration(std::string_view text)
{
    if (text.size() < 2)
        return std::nullopt;
    const char unit = text.back();
    std::int64_t perUnit = 0;
    switch (unit) {
    case 's': perUnit = 1; break;
    case 'm': perUnit = 60; break;
    case 'h': perUnit = 3600; break;
    case 'd': perUnit = 86400; break;
    case 'w': perUnit = 7 * 86400; break;
    default: return std::nullopt;
    }
    std::int64_t n = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9' || n > 1000000000)
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n * perUnit * 1000000;
}

} // namespace memscope
