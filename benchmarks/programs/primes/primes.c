/* primes: counts the primes below LIMIT by trial division with odd divisors
   up to the square root, REPS times. Checksum: sum of the primes found plus
   their count, wrapping modulo 2^32 (uint32_t), like 32-bit Forth cells.
   C twin of primes.fs. */
#include <stdio.h>
#include <stdint.h>

#define LIMIT 1000000
#define REPS 5

static int32_t is_prime(int32_t n) {
    if (n < 2) return 0;
    if (n < 4) return 1;
    if ((n & 1) == 0) return 0;
    for (int32_t d = 3; !(n < d * d); d += 2)
        if (n % d == 0) return 0;
    return 1;
}

int main(void) {
    uint32_t sum = 0;
    for (int32_t r = 0; r < REPS; r++)
        for (int32_t n = 0; n < LIMIT; n++)
            if (is_prime(n))
                sum += (uint32_t)n + 1u;
    printf("%d \n", (int32_t)sum);
    return 0;
}
