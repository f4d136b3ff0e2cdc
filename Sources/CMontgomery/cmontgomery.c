// AVX-512 IFMA Montgomery multiplication modulo a 4096-bit prime (see include/cmontgomery.h).
//
// The product is word-serial almost-Montgomery multiplication in radix 2^52 (Gueron and Krasnov,
// "Accelerating big integer arithmetic using Intel IFMA extensions", ARITH 2016; Drucker and Gueron,
// "Fast modular squaring with AVX512IFMA", 2018): for each digit b_i of b the accumulator gains the low
// halves of a·b_i and m·p (m chosen so that its lowest digit becomes zero), moves down one digit, and
// gains the high halves. Lanes are 64 bits and digits 52, so sums are carried only once, at the end:
// a lane receives at most 4·80 terms below 2^52, which stays below 2^61. With R = 2^4160 ≥ 4p, inputs
// below 2p give a result below 2p, so products chain without a final subtraction.
#include "cmontgomery.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

_Static_assert(sizeof(cmont_word) == 8, "64-bit words");

struct cmont_field {
    _Alignas(64) cmont_word modulus[CMONT_DIGITS];
    _Alignas(64) cmont_word r_squared[CMONT_DIGITS];  // R² mod p
    _Alignas(64) cmont_word one[CMONT_DIGITS];        // R mod p: 1 in Montgomery form
    cmont_word inverse;                               // −p⁻¹ mod 2^52
};

#define MASK52 ((UINT64_C(1) << 52) - 1)
#define VECTORS (CMONT_DIGITS / 8)
#define TARGET __attribute__((target("avx512f,avx512ifma")))
// The ten vectors of a number, spelled out so that they stay in registers whatever the optimizer does.
#define EACH_VECTOR(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9)

static int detect_ifma(void) {
    const char *off = getenv("PLEBISCITE_NO_IFMA");
    if (off != NULL && off[0] != '\0' && strcmp(off, "0") != 0) return 0;
#if defined(__x86_64__)
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int avx512f = (ebx >> 16) & 1, ifma = (ebx >> 21) & 1;
    if (!avx512f || !ifma) return 0;
    // The operating system must save the ZMM state (XCR0 bits 1, 2, 5, 6, 7).
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !((ecx >> 27) & 1)) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (lo & 0xE6) == 0xE6;
#else
    return 0;
#endif
}

int cmont_ifma_available(void) {
    static _Atomic int state = -1;  // threads that race here compute the same value
    int known = atomic_load(&state);
    if (known < 0) {
        known = detect_ifma();
        atomic_store(&state, known);
    }
    return known;
}

void cmont_digits(cmont_word *out, const cmont_word *limbs) {
    for (int i = 0; i < CMONT_DIGITS; i++) {
        int bit = i * 52, word = bit >> 6, offset = bit & 63;
        cmont_word value = word < CMONT_LIMBS ? limbs[word] >> offset : 0;
        if (offset > 12 && word + 1 < CMONT_LIMBS) value |= limbs[word + 1] << (64 - offset);
        out[i] = value & MASK52;
    }
}

// Digits (each below 2^52) of a number below 2^4096 into 64 limbs.
static void limbs_of(cmont_word *limbs, const cmont_word *digits) {
    for (int word = 0; word < CMONT_LIMBS; word++) {
        int bit = word * 64, i = bit / 52, offset = bit % 52;
        cmont_word value = digits[i] >> offset;
        int have = 52 - offset;
        while (have < 64 && ++i < CMONT_DIGITS) {
            value |= digits[i] << have;
            have += 52;
        }
        limbs[word] = value;
    }
}

// x ← x − p when x ≥ p (digits normalized).
static void reduce_once(const cmont_field *field, cmont_word *x) {
    int i = CMONT_DIGITS - 1;
    while (i > 0 && x[i] == field->modulus[i]) i--;
    if (x[i] < field->modulus[i]) return;
    cmont_word borrow = 0;
    for (int j = 0; j < CMONT_DIGITS; j++) {
        cmont_word value = x[j] - field->modulus[j] - borrow;
        borrow = value >> 63;
        x[j] = value & MASK52;
    }
}

// x ← 2x mod m for 64-limb x below m.
static void double_mod(cmont_word *x, const cmont_word *m) {
    cmont_word carry = 0;
    for (int i = 0; i < CMONT_LIMBS; i++) {
        cmont_word next = x[i] >> 63;
        x[i] = x[i] << 1 | carry;
        carry = next;
    }
    int at_least = carry;
    if (!at_least) {
        int i = CMONT_LIMBS - 1;
        while (i > 0 && x[i] == m[i]) i--;
        at_least = x[i] >= m[i];
    }
    if (!at_least) return;
    cmont_word borrow = 0;
    for (int i = 0; i < CMONT_LIMBS; i++) {
        unsigned __int128 difference = (unsigned __int128)x[i] - m[i] - borrow;
        x[i] = (cmont_word)difference;
        borrow = (cmont_word)(difference >> 64) & 1;
    }
}

const cmont_word *cmont_field_one(const cmont_field *field) { return field->one; }

void cmont_field_free(cmont_field *field) { free(field); }

cmont_field *cmont_field_new(const cmont_word *modulus_limbs) {
    cmont_field *field = aligned_alloc(64, (sizeof(cmont_field) + 63) / 64 * 64);
    if (field == NULL) return NULL;
    memset(field, 0, sizeof *field);
    cmont_digits(field->modulus, modulus_limbs);
    cmont_word inverse = 1;  // p⁻¹ mod 2^64 by Newton's iteration
    for (int i = 0; i < 6; i++) inverse *= 2 - modulus_limbs[0] * inverse;
    field->inverse = (0 - inverse) & MASK52;
    cmont_word power[CMONT_LIMBS] = {1};
    for (int i = 0; i < 52 * CMONT_DIGITS; i++) double_mod(power, modulus_limbs);
    cmont_digits(field->one, power);
    for (int i = 0; i < 52 * CMONT_DIGITS; i++) double_mod(power, modulus_limbs);
    cmont_digits(field->r_squared, power);
    return field;
}

#if !defined(__x86_64__)
// No IFMA elsewhere: cmont_ifma_available() is 0, so callers never get here.
void cmont_mul(const cmont_field *field, cmont_word *out, const cmont_word *a, const cmont_word *b) {
    (void)field, (void)out, (void)a, (void)b;
    abort();
}
#else
TARGET void cmont_mul(const cmont_field *field, cmont_word *out, const cmont_word *a, const cmont_word *b) {
    _Static_assert(VECTORS == 10, "EACH_VECTOR spells out ten vectors");
    const __m512i zero = _mm512_setzero_si512();
#define LOAD(j)                                                      \
    const __m512i A##j = _mm512_loadu_si512((const void *)(a + 8 * j)); \
    const __m512i P##j = _mm512_loadu_si512((const void *)(field->modulus + 8 * j)); \
    __m512i acc##j = zero;
    EACH_VECTOR(LOAD)
#undef LOAD
    const cmont_word inverse = field->inverse, p0 = field->modulus[0];
    for (int i = 0; i < CMONT_DIGITS; i++) {
        const __m512i bi = _mm512_set1_epi64((long long)b[i]);
#define LOW_B(j) acc##j = _mm512_madd52lo_epu64(acc##j, A##j, bi);
        EACH_VECTOR(LOW_B)
        const cmont_word low = (cmont_word)_mm_cvtsi128_si64(_mm512_castsi512_si128(acc0));
        const cmont_word m = (low * inverse) & MASK52;
        const __m512i mv = _mm512_set1_epi64((long long)m);
#define LOW_M(j) acc##j = _mm512_madd52lo_epu64(acc##j, P##j, mv);
        EACH_VECTOR(LOW_M)
        const cmont_word carry = (low + ((m * p0) & MASK52)) >> 52;
        // One digit down: the lowest digit is now zero (its carry moves up with it).
        acc0 = _mm512_alignr_epi64(acc1, acc0, 1);
        acc1 = _mm512_alignr_epi64(acc2, acc1, 1);
        acc2 = _mm512_alignr_epi64(acc3, acc2, 1);
        acc3 = _mm512_alignr_epi64(acc4, acc3, 1);
        acc4 = _mm512_alignr_epi64(acc5, acc4, 1);
        acc5 = _mm512_alignr_epi64(acc6, acc5, 1);
        acc6 = _mm512_alignr_epi64(acc7, acc6, 1);
        acc7 = _mm512_alignr_epi64(acc8, acc7, 1);
        acc8 = _mm512_alignr_epi64(acc9, acc8, 1);
        acc9 = _mm512_alignr_epi64(zero, acc9, 1);
        acc0 = _mm512_add_epi64(acc0, _mm512_maskz_set1_epi64(1, (long long)carry));
#define HIGH(j) acc##j = _mm512_madd52hi_epu64(_mm512_madd52hi_epu64(acc##j, A##j, bi), P##j, mv);
        EACH_VECTOR(HIGH)
#undef LOW_B
#undef LOW_M
#undef HIGH
    }
    _Alignas(64) cmont_word lanes[CMONT_DIGITS];
#define STORE(j) _mm512_store_si512((void *)(lanes + 8 * j), acc##j);
    EACH_VECTOR(STORE)
#undef STORE
    cmont_word carry = 0;
    for (int i = 0; i < CMONT_DIGITS; i++) {
        cmont_word value = lanes[i] + carry;
        out[i] = value & MASK52;
        carry = value >> 52;
    }
}
#endif

void cmont_square(const cmont_field *field, cmont_word *x, size_t times) {
    for (size_t i = 0; i < times; i++) cmont_mul(field, x, x, x);
}

void cmont_to_montgomery(const cmont_field *field, cmont_word *out, const cmont_word *limbs) {
    _Alignas(64) cmont_word digits[CMONT_DIGITS];
    cmont_digits(digits, limbs);
    cmont_mul(field, out, digits, field->r_squared);
}

void cmont_to_limbs(const cmont_field *field, cmont_word *limbs, const cmont_word *x) {
    _Alignas(64) cmont_word value[CMONT_DIGITS];
    memcpy(value, x, sizeof value);
    reduce_once(field, value);
    limbs_of(limbs, value);
}

void cmont_from_montgomery(const cmont_field *field, cmont_word *limbs, const cmont_word *x) {
    _Alignas(64) cmont_word unit[CMONT_DIGITS] = {1}, value[CMONT_DIGITS];
    cmont_mul(field, value, x, unit);
    cmont_to_limbs(field, limbs, value);
}

#define WINDOW 5
_Static_assert(CMONT_ODD_POWERS == 1 << (WINDOW - 1), "the odd powers of a window");

static int bit_at(const uint8_t *exponent, size_t bytes, size_t position) {
    return (exponent[bytes - 1 - position / 8] >> (position % 8)) & 1;
}

void cmont_odd_powers(const cmont_field *field, cmont_word *table, const cmont_word *base) {
    _Alignas(64) cmont_word squared[CMONT_DIGITS];
    memcpy(table, base, sizeof squared);
    cmont_mul(field, squared, base, base);
    for (int i = 1; i < CMONT_ODD_POWERS; i++)
        cmont_mul(field, table + i * CMONT_DIGITS, table + (i - 1) * CMONT_DIGITS, squared);
}

void cmont_multi_power_tables(const cmont_field *field, cmont_word *out, const cmont_word *const *tables,
                              const uint8_t *const *exponents, size_t count, size_t exponent_bytes) {
    const size_t bits = exponent_bytes * 8;
    // at[k·bits + position]: the odd window value of exponent k whose lowest bit is at position, or 0.
    uint8_t *at = calloc(count * bits + 1, 1);
    if (at == NULL) abort();
    for (size_t k = 0; k < count; k++) {
        long high = (long)bits - 1;
        while (high >= 0) {
            if (!bit_at(exponents[k], exponent_bytes, (size_t)high)) { high--; continue; }
            long low = high - WINDOW + 1 < 0 ? 0 : high - WINDOW + 1;
            while (!bit_at(exponents[k], exponent_bytes, (size_t)low)) low++;
            unsigned value = 0;
            for (long position = high; position >= low; position--)
                value = value << 1 | (unsigned)bit_at(exponents[k], exponent_bytes, (size_t)position);
            at[k * bits + (size_t)low] = (uint8_t)value;
            high = low - 1;
        }
    }
    _Alignas(64) cmont_word acc[CMONT_DIGITS];
    int started = 0;
    for (long position = (long)bits - 1; position >= 0; position--) {
        if (started) cmont_mul(field, acc, acc, acc);
        for (size_t k = 0; k < count; k++) {
            unsigned value = at[k * bits + (size_t)position];
            if (value == 0) continue;
            const cmont_word *factor = tables[k] + (value >> 1) * CMONT_DIGITS;
            if (started) {
                cmont_mul(field, acc, acc, factor);
            } else {
                memcpy(acc, factor, sizeof acc);
                started = 1;
            }
        }
    }
    free(at);
    memcpy(out, started ? acc : field->one, sizeof acc);
}

void cmont_multi_power(const cmont_field *field, cmont_word *out, const cmont_word *const *bases,
                       const uint8_t *const *exponents, size_t count, size_t exponent_bytes) {
    enum { MAX_BASES = 4 };
    if (count > MAX_BASES) abort();
    _Alignas(64) cmont_word table[MAX_BASES][CMONT_ODD_POWERS * CMONT_DIGITS];
    const cmont_word *tables[MAX_BASES];
    for (size_t k = 0; k < count; k++) {
        cmont_odd_powers(field, table[k], bases[k]);
        tables[k] = table[k];
    }
    cmont_multi_power_tables(field, out, tables, exponents, count, exponent_bytes);
}

void cmont_powers_limbs(const cmont_field *field, cmont_word *out, const cmont_word *base,
                        const uint8_t *exponents, size_t count) {
    enum { DIGITS = 4, DIGIT_BYTES = 8 };
    _Alignas(64) cmont_word table[DIGITS][CMONT_ODD_POWERS * CMONT_DIGITS];
    _Alignas(64) cmont_word digit_base[CMONT_DIGITS], result[CMONT_DIGITS];
    const cmont_word *tables[DIGITS];
    cmont_to_montgomery(field, digit_base, base);
    for (int k = 0; k < DIGITS; k++) {
        if (k > 0) cmont_square(field, digit_base, 64);
        cmont_odd_powers(field, table[k], digit_base);
        tables[k] = table[k];
    }
    for (size_t i = 0; i < count; i++) {
        const uint8_t *exponent = exponents + 32 * i;
        const uint8_t *digits[DIGITS];
        for (int k = 0; k < DIGITS; k++) digits[k] = exponent + 32 - DIGIT_BYTES * (k + 1);
        cmont_multi_power_tables(field, result, tables, digits, DIGITS, DIGIT_BYTES);
        cmont_from_montgomery(field, out + CMONT_LIMBS * i, result);
    }
}

void cmont_power_limbs(const cmont_field *field, cmont_word *out, const cmont_word *base,
                       const uint8_t *exponent, size_t exponent_bytes) {
    _Alignas(64) cmont_word x[CMONT_DIGITS], result[CMONT_DIGITS];
    cmont_to_montgomery(field, x, base);
    const cmont_word *bases[1] = {x};
    const uint8_t *exponents[1] = {exponent};
    cmont_multi_power(field, result, bases, exponents, 1, exponent_bytes);
    cmont_from_montgomery(field, out, result);
}

void cmont_fixed_base_build(const cmont_field *field, cmont_word *table, size_t rows, unsigned window,
                            const cmont_word *base_limbs) {
    const size_t width = (size_t)1 << window;
    _Alignas(64) cmont_word row_base[CMONT_DIGITS];
    cmont_to_montgomery(field, row_base, base_limbs);
    for (size_t row = 0; row < rows; row++) {
        cmont_word *entries = table + row * width * CMONT_DIGITS;
        memcpy(entries, field->one, sizeof row_base);
        memcpy(entries + CMONT_DIGITS, row_base, sizeof row_base);
        for (size_t d = 2; d < width; d++)
            cmont_mul(field, entries + d * CMONT_DIGITS, entries + (d - 1) * CMONT_DIGITS, row_base);
        // The next row's base: this row's base to 2^window, one step past the last entry.
        cmont_mul(field, row_base, entries + (width - 1) * CMONT_DIGITS, row_base);
    }
}

void cmont_fixed_base_power(const cmont_field *field, cmont_word *out, const cmont_word *table, size_t rows,
                            unsigned window, const uint8_t *exponent, size_t exponent_bytes) {
    const size_t width = (size_t)1 << window, bits = exponent_bytes * 8;
    _Alignas(64) cmont_word acc[CMONT_DIGITS];
    int started = 0;
    for (size_t row = 0; row < rows; row++) {
        size_t digit = 0;
        for (unsigned offset = 0; offset < window; offset++) {
            size_t position = row * window + offset;
            if (position < bits && bit_at(exponent, exponent_bytes, position)) digit |= (size_t)1 << offset;
        }
        if (digit == 0) continue;
        const cmont_word *entry = table + (row * width + digit) * CMONT_DIGITS;
        if (started) {
            cmont_mul(field, acc, acc, entry);
        } else {
            memcpy(acc, entry, sizeof acc);
            started = 1;
        }
    }
    if (!started) memcpy(acc, field->one, sizeof acc);
    cmont_from_montgomery(field, out, acc);
}
