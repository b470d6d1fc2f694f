/* bits: bit twiddling over ITERS values of a xorshift32 PRNG: SWAR popcount
   (shifts and masks), 32-bit reversal by mask-and-swap steps, and a
   Kernighan loop popcount (x & (x-1)) of the low byte. Checksum:
   h = ((h ^ rev(x)) + popcount(x)) * 3 + kernighan(x & 255), all on
   uint32_t, wrapping modulo 2^32 like 32-bit Forth cells. C twin of bits.fs. */
#include <stdio.h>
#include <stdint.h>

#define ITERS 40000000

static uint32_t xorshift(uint32_t x) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

static uint32_t popcount(uint32_t x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}

static uint32_t bitrev(uint32_t x) {
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
    x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
    return (x >> 16) | (x << 16);
}

static uint32_t kernighan(uint32_t x) {
    uint32_t n = 0;
    while (x != 0) {
        x &= x - 1;
        n++;
    }
    return n;
}

int main(void) {
    uint32_t x = 2463534242u, h = 0;
    for (int32_t i = 0; i < ITERS; i++) {
        x = xorshift(x);
        h = ((h ^ bitrev(x)) + popcount(x)) * 3u + kernighan(x & 255u);
    }
    printf("%d \n", (int32_t)h);
    return 0;
}
