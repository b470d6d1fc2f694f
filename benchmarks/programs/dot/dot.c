/* dot: integer dot products of two vectors of N cells, REPS times, each time
   with one vector shifted by 0 to 63 cells (so every product is
   N - 64 terms long). Checksum: h = h*31 + dot over all repetitions,
   wrapping modulo 2^32 (uint32_t), like 32-bit Forth cells; the LCG wraps
   too. C twin of dot.fs. */
#include <stdio.h>
#include <stdint.h>

#define N 4096
#define REPS 150000

static int32_t va[N], vb[N];
static uint32_t seed;

static int32_t rnd(void) {          /* 0 .. 65535 */
    seed = seed * 1103515245u + 12345u;
    return (int32_t)(seed >> 16);
}

static void fill_vecs(void) {
    for (int32_t i = 0; i < N; i++) {
        va[i] = rnd() % 1000 - 500;
        vb[i] = rnd() % 1000 - 500;
    }
}

static uint32_t dot(const int32_t *a1, const int32_t *a2, int32_t n) {
    uint32_t sum = 0;
    for (int32_t k = 0; k < n; k++)
        sum += (uint32_t)a1[k] * (uint32_t)a2[k];
    return sum;
}

int main(void) {
    uint32_t h = 0;
    seed = 7;
    fill_vecs();
    for (int32_t r = 0; r < REPS; r++)
        h = h * 31u + dot(vb, va + (r & 63), N - 64);
    printf("%d \n", (int32_t)h);
    return 0;
}
