#pragma once

#include "demo/DemoRng.h"
#include "util/Time.h"

#include <cstdint>
#include <vector>

namespace memscope {

// When the demo records happen: `days` UTC calendar days ending with the one that contains `end`, each
// getting a share of the records by weekday (weekends are quiet), steady growth, day-to-day noise and
// extra volume on busy days, and within a day an office-hours profile. Times are streamed in order
// without being stored, so memory does not grow with the record count.
class DemoCalendar {
public:
    static constexpr Micros kDay = 86'400'000'000LL;

    DemoCalendar(Micros end, int days, std::int64_t records, std::uint64_t seed, const std::vector<int>& busyDays);

    int days() const { return static_cast<int>(m_counts.size()); }
    Micros end() const { return m_end; }
    Micros dayStart(int day) const { return m_firstDay + day * kDay; }
    std::int64_t recordsOn(int day) const { return m_counts[static_cast<std::size_t>(day)]; }

    // 0 = Monday ... 6 = Sunday, for the UTC day containing t.
    static int weekday(Micros t);
    // Midnight UTC of the first of `days` days whose last holds the instant just before `end`.
    static Micros firstDay(Micros end, int days);

    // Starts the stream again from the first record.
    void rewind();

    // The next record's time, never earlier than the previous one; `day` receives its day index. Call it
    // exactly `records` times after a rewind.
    Micros next(DemoRng& rng, int& day);

private:
    double dayFraction(double cdf) const;
    double cdfAt(double dayFraction) const;

    Micros m_end = 0;
    Micros m_firstDay = 0;
    std::vector<std::int64_t> m_counts;
    double m_cdf[25] = {}; // cumulative share of a day's records by hour
    double m_lastDayLimit = 1.0;

    int m_day = -1;
    std::int64_t m_left = 0;
    double m_top = 1.0; // the running maximum of the descending order statistics of the current day
};

} // namespace memscope
