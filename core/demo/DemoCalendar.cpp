#include "demo/DemoCalendar.h"

#include <algorithm>
#include <cmath>

namespace memscope {

namespace {

// Relative activity per UTC hour: European mornings through American afternoons.
constexpr double kHourWeights[24] = {0.25, 0.20, 0.18, 0.18, 0.20, 0.30, 0.50, 0.80, 1.10, 1.30, 1.40, 1.40,
                                     1.30, 1.50, 1.70, 1.70, 1.60, 1.40, 1.10, 0.90, 0.70, 0.55, 0.40, 0.30};

// Monday ... Sunday.
constexpr double kWeekdayWeights[7] = {1.12, 1.05, 1.0, 1.0, 0.86, 0.30, 0.24};

constexpr double kBusyDayFactor = 1.35; // incident days: retries and re-runs

Micros floorDiv(Micros a, Micros b) { return a / b - (a % b < 0 ? 1 : 0); }

} // namespace

DemoCalendar::DemoCalendar(Micros end, int days, std::int64_t records, std::uint64_t seed,
                           const std::vector<int>& busyDays)
    : m_end(end)
{
    days = std::max(days, 1);
    records = std::max<std::int64_t>(records, 0);
    m_firstDay = firstDay(end, days);

    double total = 0;
    for (int h = 0; h < 24; ++h)
        total += kHourWeights[h];
    for (int h = 0; h < 24; ++h)
        m_cdf[h + 1] = m_cdf[h] + kHourWeights[h] / total;
    m_cdf[24] = 1.0;
    // The last day only runs up to `end`.
    m_lastDayLimit = cdfAt(static_cast<double>(end - dayStart(days - 1)) / static_cast<double>(kDay));

    DemoRng noise(DemoRng::mix(seed ^ 0xca1e'0da7ULL));
    std::vector<double> weights(static_cast<std::size_t>(days));
    double sum = 0;
    for (int d = 0; d < days; ++d) {
        const double growth = 0.55 + 0.9 * (days > 1 ? static_cast<double>(d) / (days - 1) : 1.0);
        double w = growth * kWeekdayWeights[weekday(dayStart(d))] * (0.88 + 0.24 * noise.uniform());
        if (std::find(busyDays.begin(), busyDays.end(), d) != busyDays.end())
            w *= kBusyDayFactor;
        if (d == days - 1)
            w *= m_lastDayLimit;
        weights[static_cast<std::size_t>(d)] = w;
        sum += w;
    }
    // Cumulative rounding: the days add up to exactly `records`.
    m_counts.resize(static_cast<std::size_t>(days));
    double cumulative = 0;
    std::int64_t assigned = 0;
    for (std::size_t d = 0; d < weights.size(); ++d) {
        cumulative += weights[d];
        const bool last = d + 1 == weights.size();
        const std::int64_t upTo =
            last ? records
                 : std::min<std::int64_t>(records, std::llround(static_cast<double>(records) * cumulative / sum));
        m_counts[d] = std::max<std::int64_t>(upTo - assigned, 0);
        assigned += m_counts[d];
    }
    rewind();
}

int DemoCalendar::weekday(Micros t)
{
    // 1970-01-01 was a Thursday.
    const Micros day = floorDiv(t, kDay);
    return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

Micros DemoCalendar::firstDay(Micros end, int days)
{
    // The instant just before `end`, so an `end` at midnight closes a day instead of opening an empty one.
    return (floorDiv(end - 1, kDay) - (std::max(days, 1) - 1)) * kDay;
}

void DemoCalendar::rewind()
{
    m_day = -1;
    m_left = 0;
    m_top = 1.0;
}

Micros DemoCalendar::next(DemoRng& rng, int& day)
{
    while (m_left == 0 && m_day + 1 < days()) {
        ++m_day;
        m_left = m_counts[static_cast<std::size_t>(m_day)];
        m_top = 1.0;
    }
    // The largest of n uniforms is U^(1/n), the next largest that times U^(1/(n-1)), and so on: a sorted
    // sample drawn one value at a time. Mirrored (1 - x) so it comes out ascending.
    const double u = 1.0 - rng.uniform(); // (0, 1]
    m_top *= std::pow(u, 1.0 / static_cast<double>(std::max<std::int64_t>(m_left, 1)));
    if (m_left > 0)
        --m_left;
    const double limit = m_day == days() - 1 ? m_lastDayLimit : 1.0;
    const double fraction = std::min(dayFraction((1.0 - m_top) * limit), 0.999'999'999);
    day = m_day;
    const Micros t = dayStart(m_day) + static_cast<Micros>(fraction * static_cast<double>(kDay));
    return std::min(t, m_end);
}

double DemoCalendar::cdfAt(double fraction) const
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    const double x = fraction * 24.0;
    const int h = std::min(static_cast<int>(x), 23);
    return m_cdf[h] + (x - h) * (m_cdf[h + 1] - m_cdf[h]);
}

double DemoCalendar::dayFraction(double cdf) const
{
    // Inverse of the piecewise-linear daily CDF; monotonic, so sorted samples stay sorted.
    int h = 0;
    while (h < 23 && m_cdf[h + 1] <= cdf)
        ++h;
    const double width = m_cdf[h + 1] - m_cdf[h];
    const double within = width > 0 ? std::clamp((cdf - m_cdf[h]) / width, 0.0, 1.0) : 0.0;
    return (h + within) / 24.0;
}

} // namespace memscope
