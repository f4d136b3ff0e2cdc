// Counts the GMP calls that mark a 4096-bit exponentiation, so that ballot-workload can report how many a
// ballot costs. counter.c defines GMP's own entry points (executables' definitions take precedence over a
// shared library's), counts, and forwards to libgmp's through dlsym(RTLD_NEXT, ...).
#ifndef PLEBISCITE_EXPONENTIATION_COUNTER_H
#define PLEBISCITE_EXPONENTIATION_COUNTER_H

#include <stdint.h>

/// Calls seen since the last reset.
typedef struct {
    /// mpz_powm: variable base, public exponent (ElementModP.power).
    uint64_t powm;
    /// mpz_powm_sec: variable base, secret exponent (ElementModP.powerSecret).
    uint64_t powm_sec;
    /// mpz_init2 for 8256 bits: FixedBaseTable.power allocates two such working integers per power,
    /// and nothing else in ElectionGuard calls mpz_init2.
    uint64_t table_working_integers;
} plebiscite_gmp_counts;

plebiscite_gmp_counts plebiscite_gmp_counts_take(void);

#endif
