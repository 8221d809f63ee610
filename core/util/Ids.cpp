#include "util/Ids.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <random>

namespace memscope {

namespace {

std::mt19937_64& threadRng()
{
    // One generator per thread, seeded from the OS: ids are made from many threads (import, GUI, agents).
    thread_local std::mt19937_64 rng{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    return rng;
}

// Sets the version nibble and the RFC 4122 variant, and writes the canonical 8-4-4-4-12 form.
std::string formatUuid(std::array<std::uint8_t, 16> b, unsigned version)
{
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | (version << 4));
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.push_back('-');
        out.push_back(hex[b[i] >> 4]);
        out.push_back(hex[b[i] & 0xF]);
    }
    return out;
}

} // namespace

std::string newUuid()
{
    auto& rng = threadRng();
    std::array<std::uint8_t, 16> b{};
    const std::uint64_t hi = rng(), lo = rng();
    std::memcpy(b.data(), &hi, 8);
    std::memcpy(b.data() + 8, &lo, 8);
    return formatUuid(b, 4);
}

std::string newTimeOrderedUuid()
{
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    // The 12 bits after the version hold the microseconds within the millisecond (RFC 9562, section 6.2,
    // method 3), so ids made one after another on a thread also sort in the order they were made.
    const auto fraction = static_cast<std::uint32_t>(micros % 1000 * 4096 / 1000);
    return timeOrderedUuid(static_cast<std::uint64_t>(micros / 1000), fraction, threadRng()());
}

std::string timeOrderedUuid(std::uint64_t unixMillis, std::uint32_t subMillis, std::uint64_t random)
{
    std::array<std::uint8_t, 16> b{};
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<std::uint8_t>(unixMillis >> (8 * (5 - i)));
    b[6] = static_cast<std::uint8_t>((subMillis >> 8) & 0x0F);
    b[7] = static_cast<std::uint8_t>(subMillis);
    std::memcpy(b.data() + 8, &random, 8);
    return formatUuid(b, 7);
}

bool looksLikeUuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

namespace {

// RFC 1321.
struct Md5 {
    std::uint32_t a = 0x67452301, b = 0xefcdab89, c = 0x98badcfe, d = 0x10325476;

    static std::uint32_t rotl(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

    void block(const std::uint8_t* p)
    {
        static const std::uint32_t K[64] = {
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
        static const int S[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                  5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
        std::uint32_t m[16];
        for (int i = 0; i < 16; ++i)
            m[i] = std::uint32_t(p[i * 4]) | std::uint32_t(p[i * 4 + 1]) << 8 | std::uint32_t(p[i * 4 + 2]) << 16 |
                   std::uint32_t(p[i * 4 + 3]) << 24;
        std::uint32_t A = a, B = b, C = c, D = d;
        for (int i = 0; i < 64; ++i) {
            std::uint32_t f;
            int g;
            if (i < 16) {
                f = (B & C) | (~B & D);
                g = i;
            } else if (i < 32) {
                f = (D & B) | (~D & C);
                g = (5 * i + 1) % 16;
            } else if (i < 48) {
                f = B ^ C ^ D;
                g = (3 * i + 5) % 16;
            } else {
                f = C ^ (B | ~D);
                g = (7 * i) % 16;
            }
            const std::uint32_t tmp = D;
            D = C;
            C = B;
            B = B + rotl(A + f + K[i] + m[g], S[i]);
            A = tmp;
        }
        a += A;
        b += B;
        c += C;
        d += D;
    }
};

} // namespace

std::string md5Hex(std::string_view text)
{
    Md5 md5;
    const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
    std::size_t n = text.size();
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64)
        md5.block(data + i);
    std::uint8_t tail[128] = {};
    const std::size_t rest = n - i;
    std::memcpy(tail, data + i, rest);
    tail[rest] = 0x80;
    const std::size_t tailLen = rest < 56 ? 64 : 128;
    const std::uint64_t bits = static_cast<std::uint64_t>(n) * 8;
    for (int k = 0; k < 8; ++k)
        tail[tailLen - 8 + k] = static_cast<std::uint8_t>(bits >> (8 * k));
    md5.block(tail);
    if (tailLen == 128)
        md5.block(tail + 64);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (std::uint32_t w : {md5.a, md5.b, md5.c, md5.d})
        for (int k = 0; k < 4; ++k) {
            const auto byte = static_cast<std::uint8_t>(w >> (8 * k));
            out.push_back(hex[byte >> 4]);
            out.push_back(hex[byte & 0xF]);
        }
    return out;
}

} // namespace memscope
