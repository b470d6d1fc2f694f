/* horner: a polynomial of degree DEGREE with LCG coefficients, evaluated by
   Horner's rule at x = 0 .. N - 1. Checksum: h = (h xor p(x)) + x over all
   x. Everything wraps modulo 2^32 (uint32_t), like 32-bit Forth cells.
   C twin of horner.fs. */
#include <stdio.h>
#include <stdint.h>

#define DEGREE 31
#define N 10000000

static uint32_t coeffs[DEGREE + 1];
static uint32_t seed;

static uint32_t rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return seed;
}

static void fill_coeffs(void) {
    for (int32_t i = 0; i <= DEGREE; i++)
        coeffs[i] = rnd();
}

static uint32_t poly(uint32_t x) {   /* coefficient k multiplies x^k */
    uint32_t acc = 0;
    for (int32_t k = DEGREE; k >= 0; k--)
        acc = acc * x + coeffs[k];
    return acc;
}

int main(void) {
    uint32_t h = 0;
    seed = 99;
    fill_coeffs();
    for (uint32_t x = 0; x < N; x++)
        h = (h ^ poly(x)) + x;
    printf("%d \n", (int32_t)h);
    return 0;
}
