/* adler: the Adler-32 checksum of a 64 KiB buffer of LCG bytes, REPS times,
   each pass over a window that starts 0 to 255 bytes in and ends as far
   before the end; both sums are reduced modulo 65521 at each step, as the
   definition of Adler-32 says. Checksum: h = h*31 + adler over all passes,
   wrapping modulo 2^32 (uint32_t), like 32-bit Forth cells; the LCG wraps
   too. C twin of adler.fs. */
#include <stdio.h>
#include <stdint.h>

#define BUF_SIZE 65536
#define REPS 1600
#define ADLER_MOD 65521

static uint8_t buf[BUF_SIZE];
static uint32_t seed;

static uint32_t rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return seed;
}

static void fill_buf(void) {
    for (int32_t i = 0; i < BUF_SIZE; i++)
        buf[i] = (uint8_t)(rnd() >> 24);
}

static uint32_t adler32(const uint8_t *p, int32_t n) {
    uint32_t a = 1, b = 0;
    for (int32_t k = 0; k < n; k++) {
        a = (a + p[k]) % ADLER_MOD;
        b = (b + a) % ADLER_MOD;
    }
    return (b << 16) | a;
}

int main(void) {
    uint32_t h = 0;
    seed = 12345;
    fill_buf();
    for (int32_t r = 0; r < REPS; r++) {
        int32_t off = r & 255;
        h = h * 31u + adler32(buf + off, BUF_SIZE - 2 * off);
    }
    printf("%d \n", (int32_t)h);
    return 0;
}
