// Montgomery arithmetic modulo a 4096-bit odd modulus with AVX-512 IFMA (52-bit multiply-add).
//
// Numbers are 80 digits of 52 bits, little-endian, one digit in each cmont_word (R = 2^4160). A number in
// Montgomery form x·R mod p is kept below 2p, not necessarily below p, until it is converted out.
// Every function needs a CPU with AVX-512F and AVX-512 IFMA: call cmont_ifma_available() first and
// use GMP otherwise. Nothing here allocates; the functions are thread-safe on distinct outputs.
#ifndef PLEBISCITE_CMONTGOMERY_H
#define PLEBISCITE_CMONTGOMERY_H

#include <stddef.h>
#include <stdint.h>

#define CMONT_LIMBS 64
#define CMONT_DIGITS 80
/// Entries of a table of odd powers (base^1, base^3, ..., base^31: sliding windows of 5 bits).
#define CMONT_ODD_POWERS 16

/// A word: a 64-bit limb or a 52-bit digit. `unsigned long`, as GMP's mp_limb_t is on the LP64 systems
/// we build for (checked at compile time), so that Swift sees one type for both libraries' numbers.
typedef unsigned long cmont_word;

/// A modulus with its precomputed constants (opaque; 64-byte aligned).
typedef struct cmont_field cmont_field;

/// 1 when the CPU has AVX-512F and AVX-512 IFMA and the environment variable PLEBISCITE_NO_IFMA is
/// unset, empty or "0"; decided once per process.
int cmont_ifma_available(void);

/// The field of an odd modulus of 64 little-endian 64-bit limbs whose top limb is nonzero (NULL when
/// out of memory); free it with cmont_field_free.
cmont_field *cmont_field_new(const cmont_word *modulus_limbs);
void cmont_field_free(cmont_field *field);
/// 1 in Montgomery form (R mod p), CMONT_DIGITS words.
const cmont_word *cmont_field_one(const cmont_field *field);

/// x (64 limbs, below p) into Montgomery form.
void cmont_to_montgomery(const cmont_field *field, cmont_word *out, const cmont_word *limbs);
/// x·R⁻¹ mod p, fully reduced, as 64 limbs: x out of Montgomery form.
void cmont_from_montgomery(const cmont_field *field, cmont_word *limbs, const cmont_word *x);
/// x mod p as 64 limbs, for x below 2p (e.g. a Montgomery-form number multiplied by a plain one).
void cmont_to_limbs(const cmont_field *field, cmont_word *limbs, const cmont_word *x);
/// The digits of a plain number of 64 limbs (no Montgomery form).
void cmont_digits(cmont_word *out, const cmont_word *limbs);

/// out = a·b·R⁻¹ mod p (below 2p); out may alias a or b.
void cmont_mul(const cmont_field *field, cmont_word *out, const cmont_word *a, const cmont_word *b);
/// x ← x^(2^times) in Montgomery form (times squarings).
void cmont_square(const cmont_field *field, cmont_word *x, size_t times);

/// out = Π bases[i]^exponents[i] in Montgomery form, bases in Montgomery form, each exponent
/// `exponent_bytes` big-endian bytes; one chain of squarings for all (interleaved sliding windows of 5
/// bits, Straus/Möller). count ≤ 4.
void cmont_multi_power(const cmont_field *field, cmont_word *out, const cmont_word *const *bases,
                       const uint8_t *const *exponents, size_t count, size_t exponent_bytes);

/// The odd powers of a Montgomery-form base: CMONT_ODD_POWERS·CMONT_DIGITS words.
void cmont_odd_powers(const cmont_field *field, cmont_word *table, const cmont_word *base);
/// cmont_multi_power with the bases' tables of odd powers made beforehand (cmont_odd_powers).
void cmont_multi_power_tables(const cmont_field *field, cmont_word *out, const cmont_word *const *tables,
                              const uint8_t *const *exponents, size_t count, size_t exponent_bytes);

/// base^e_i mod p for `count` exponents of 32 big-endian bytes each (`exponents` holds 32·count bytes),
/// for a plain base of 64 limbs; `out` gets 64·count limbs. The exponents share the squarings: e = Σ
/// e_k·2^(64k) makes base^e a four-base product of the digit bases base^(2^(64k)) with 64-bit exponents,
/// whose 192 squarings and tables are paid once (about 260 products), then about 110 a power instead of
/// about 320. Public exponents only.
void cmont_powers_limbs(const cmont_field *field, cmont_word *out, const cmont_word *base,
                        const uint8_t *exponents, size_t count);

/// base^exponent mod p for plain numbers of 64 limbs (into and out of Montgomery form around
/// cmont_multi_power); not constant-time: public exponents only.
void cmont_power_limbs(const cmont_field *field, cmont_word *out, const cmont_word *base,
                       const uint8_t *exponent, size_t exponent_bytes);

/// A table of powers of one base for fixed-base exponentiation: `rows` rows of 2^window entries, row i
/// holding base^(d·2^(window·i)) for each digit d, in Montgomery form; `table` holds
/// rows·2^window·CMONT_DIGITS words.
void cmont_fixed_base_build(const cmont_field *field, cmont_word *table, size_t rows, unsigned window,
                            const cmont_word *base_limbs);
/// base^exponent mod p (64 plain limbs) from a table of cmont_fixed_base_build, for a big-endian
/// exponent of `exponent_bytes` bytes with at most rows·window bits.
void cmont_fixed_base_power(const cmont_field *field, cmont_word *out, const cmont_word *table, size_t rows,
                            unsigned window, const uint8_t *exponent, size_t exponent_bytes);

#endif
