#define _GNU_SOURCE
#include "CExponentiationCounter.h"

#include <dlfcn.h>
#include <gmp.h>
#include <stdatomic.h>
#include <stdlib.h>

// The bit size FixedBaseTable.power asks of mpz_init2 for its accumulator and product (8192 + 64).
#define TABLE_WORKING_BITS 8256

static _Atomic uint64_t powm_calls, powm_sec_calls, table_calls;

static void (*next_powm)(mpz_ptr, mpz_srcptr, mpz_srcptr, mpz_srcptr);
static void (*next_powm_sec)(mpz_ptr, mpz_srcptr, mpz_srcptr, mpz_srcptr);
static void (*next_init2)(mpz_ptr, mp_bitcnt_t);

static void *real(const char *name) {
    void *function = dlsym(RTLD_NEXT, name);
    if (function == NULL) abort();
    return function;
}

// Resolved before main, so the forwarding pointers are written once, before any thread exists.
__attribute__((constructor)) static void resolve_gmp(void) {
    next_powm = real("__gmpz_powm");
    next_powm_sec = real("__gmpz_powm_sec");
    next_init2 = real("__gmpz_init2");
}

void mpz_powm(mpz_ptr r, mpz_srcptr b, mpz_srcptr e, mpz_srcptr m) {
    atomic_fetch_add_explicit(&powm_calls, 1, memory_order_relaxed);
    next_powm(r, b, e, m);
}

void mpz_powm_sec(mpz_ptr r, mpz_srcptr b, mpz_srcptr e, mpz_srcptr m) {
    atomic_fetch_add_explicit(&powm_sec_calls, 1, memory_order_relaxed);
    next_powm_sec(r, b, e, m);
}

void mpz_init2(mpz_ptr z, mp_bitcnt_t bits) {
    if (bits == TABLE_WORKING_BITS) atomic_fetch_add_explicit(&table_calls, 1, memory_order_relaxed);
    next_init2(z, bits);
}

plebiscite_gmp_counts plebiscite_gmp_counts_take(void) {
    plebiscite_gmp_counts counts = {
        .powm = atomic_exchange(&powm_calls, 0),
        .powm_sec = atomic_exchange(&powm_sec_calls, 0),
        .table_working_integers = atomic_exchange(&table_calls, 0),
    };
    return counts;
}
