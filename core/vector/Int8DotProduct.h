#pragma once

#include <cstddef>
#include <cstdint>

namespace memscope {

// The dot products of the int8-quantized vector index. Every graph step and every exactly scored record
// costs one, so they use AVX2/FMA when the CPU has them (picked once at run time) and plain loops
// elsewhere; both give the same result (the float one up to rounding order).
std::int32_t dotInt8(const std::int8_t* a, const std::int8_t* b, std::size_t n);
float dotFloatInt8(const float* a, const std::int8_t* b, std::size_t n);

// The plain loops (tests compare the vector versions with them).
std::int32_t dotInt8Scalar(const std::int8_t* a, const std::int8_t* b, std::size_t n);
float dotFloatInt8Scalar(const float* a, const std::int8_t* b, std::size_t n);
// Whether dotInt8 and dotFloatInt8 run the AVX2 versions on this CPU.
bool int8DotUsesAvx2();

} // namespace memscope
