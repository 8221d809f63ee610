#pragma once

#include <cstddef>
#include <cstdint>

namespace memscope {

// xoshiro256** seeded through splitmix64. Hand-rolled instead of <random> distributions because those
// differ between standard libraries, and a demo history must be identical for a seed everywhere.
class DemoRng {
public:
    explicit DemoRng(std::uint64_t seed)
    {
        std::uint64_t x = seed;
        for (auto& word : m_s)
            word = splitmix(x);
    }

    // splitmix64's finalizer: a cheap, well-mixed hash for deriving ids and per-entity constants.
    static std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return uniform() < p; }

    // [0, n) for n > 0; the bias of scaling a double is far below anything a demo can show.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }

    // Favours small indices (density ~ 1/sqrt(x)), which gives vocabularies a Zipf-like long tail.
    std::size_t skewedBelow(std::size_t n)
    {
        const double u = uniform();
        return static_cast<std::size_t>(u * u * static_cast<double>(n));
    }

    // [lo, hi], inclusive.
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(below(static_cast<std::size_t>(hi - lo + 1)));
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) { return mix(x += 0x9e3779b97f4a7c15ULL); }

    std::uint64_t m_s[4];
};

} // namespace memscope
