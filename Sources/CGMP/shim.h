// GMP for Swift. gmp.h names its functions through macros (mpz_mul -> __gmpz_mul), which Swift
// cannot import, so each one we use gets a small inline wrapper here. Nothing else lives here.
#ifndef PLEBISCITE_CGMP_SHIM_H
#define PLEBISCITE_CGMP_SHIM_H

#include <gmp.h>
#include <stddef.h>
#include <string.h>

static inline void cgmp_init(mpz_ptr z) { mpz_init(z); }
static inline void cgmp_init2(mpz_ptr z, mp_bitcnt_t bits) { mpz_init2(z, bits); }
static inline void cgmp_clear(mpz_ptr z) { mpz_clear(z); }

/// Overwrites every allocated limb with zeros before freeing, for secret values.
static inline void cgmp_clear_secret(mpz_ptr z) {
    size_t limbs = (size_t)z->_mp_alloc;
    if (limbs > 0) {
        mp_limb_t *data = mpz_limbs_modify(z, (mp_size_t)limbs);
        volatile mp_limb_t *v = data;
        for (size_t i = 0; i < limbs; i++) v[i] = 0;
    }
    mpz_clear(z);
}

static inline void cgmp_set(mpz_ptr r, mpz_srcptr a) { mpz_set(r, a); }
static inline void cgmp_set_ui(mpz_ptr r, unsigned long a) { mpz_set_ui(r, a); }
static inline unsigned long cgmp_get_ui(mpz_srcptr a) { return mpz_get_ui(a); }
static inline int cgmp_cmp(mpz_srcptr a, mpz_srcptr b) { return mpz_cmp(a, b); }
static inline int cgmp_cmp_ui(mpz_srcptr a, unsigned long b) { return mpz_cmp_ui(a, b); }
static inline int cgmp_sgn(mpz_srcptr a) { return mpz_sgn(a); }
static inline size_t cgmp_sizeinbase2(mpz_srcptr a) { return mpz_sizeinbase(a, 2); }
static inline int cgmp_tstbit(mpz_srcptr a, mp_bitcnt_t bit) { return mpz_tstbit(a, bit); }

static inline void cgmp_add(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_add(r, a, b); }
static inline void cgmp_add_ui(mpz_ptr r, mpz_srcptr a, unsigned long b) { mpz_add_ui(r, a, b); }
static inline void cgmp_sub(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_sub(r, a, b); }
static inline void cgmp_sub_ui(mpz_ptr r, mpz_srcptr a, unsigned long b) { mpz_sub_ui(r, a, b); }
static inline void cgmp_mul(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_mul(r, a, b); }
static inline void cgmp_mul_ui(mpz_ptr r, mpz_srcptr a, unsigned long b) { mpz_mul_ui(r, a, b); }
static inline void cgmp_mod(mpz_ptr r, mpz_srcptr a, mpz_srcptr m) { mpz_mod(r, a, m); }
static inline void cgmp_tdiv_q_2exp(mpz_ptr r, mpz_srcptr a, mp_bitcnt_t bits) { mpz_tdiv_q_2exp(r, a, bits); }
static inline void cgmp_tdiv_r_2exp(mpz_ptr r, mpz_srcptr a, mp_bitcnt_t bits) { mpz_tdiv_r_2exp(r, a, bits); }
static inline void cgmp_mul_2exp(mpz_ptr r, mpz_srcptr a, mp_bitcnt_t bits) { mpz_mul_2exp(r, a, bits); }
static inline void cgmp_divexact(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_divexact(r, a, b); }
static inline int cgmp_invert(mpz_ptr r, mpz_srcptr a, mpz_srcptr m) { return mpz_invert(r, a, m); }
static inline void cgmp_powm(mpz_ptr r, mpz_srcptr b, mpz_srcptr e, mpz_srcptr m) { mpz_powm(r, b, e, m); }
static inline void cgmp_powm_sec(mpz_ptr r, mpz_srcptr b, mpz_srcptr e, mpz_srcptr m) { mpz_powm_sec(r, b, e, m); }
static inline int cgmp_probab_prime(mpz_srcptr a, int reps) { return mpz_probab_prime_p(a, reps); }

/// Imports big-endian bytes.
static inline void cgmp_import_be(mpz_ptr r, const void *bytes, size_t count) {
    mpz_import(r, count, 1, 1, 1, 0, bytes);
}

/// Exports |a| as exactly `width` big-endian bytes, left-padded with zeros.
/// Returns 0 on success, -1 when |a| needs more than `width` bytes.
static inline int cgmp_export_be(mpz_srcptr a, void *out, size_t width) {
    size_t needed = (mpz_sizeinbase(a, 2) + 7) / 8;
    if (mpz_sgn(a) == 0) needed = 0;
    if (needed > width) return -1;
    memset(out, 0, width);
    if (needed > 0) {
        size_t written = 0;
        mpz_export((unsigned char *)out + (width - needed), &written, 1, 1, 1, 0, a);
    }
    return 0;
}

/// The low `count` limbs of a ≥ 0, zero-padded; returns -1 when a needs more than `count` limbs.
static inline int cgmp_export_limbs(mpz_srcptr a, mp_limb_t *out, size_t count) {
    size_t size = mpz_size(a);
    if (size > count) return -1;
    memset(out, 0, count * sizeof(mp_limb_t));
    if (size > 0) memcpy(out, mpz_limbs_read(a), size * sizeof(mp_limb_t));
    return 0;
}

/// r = the number of `count` little-endian limbs.
static inline void cgmp_import_limbs(mpz_ptr r, const mp_limb_t *limbs, size_t count) {
    mp_limb_t *data = mpz_limbs_write(r, (mp_size_t)count);
    memcpy(data, limbs, count * sizeof(mp_limb_t));
    mpz_limbs_finish(r, (mp_size_t)count);
}

#endif
