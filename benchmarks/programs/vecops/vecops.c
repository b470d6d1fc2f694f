/* vecops: map loops and reductions over two arrays of 65536 cells, REPS
   passes: y := a*x + y (a from -3 to 4), then the sum and the maximum of y
   and a 256-bin histogram of the low bytes of y. Checksum: h = h*31 + sum,
   h = h*31 + max, h = h*31 + the bins weighted by 1 .. 256, per pass. The
   products, the sums and the LCG wrap modulo 2^32 (uint32_t), like 32-bit
   Forth cells; the maximum compares signed cells. C twin of vecops.fs. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define N 65536
#define REPS 1800

static int32_t vx[N], vy[N], bins[256];
static uint32_t seed;

static uint32_t rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return seed;
}

static void fill_vecs(void) {
    for (int32_t i = 0; i < N; i++) {
        vx[i] = (int32_t)(rnd() >> 16) - 32768;
        vy[i] = (int32_t)(rnd() >> 12);
    }
}

static void saxpy(int32_t a) {      /* y := a*x + y */
    for (int32_t i = 0; i < N; i++)
        vy[i] = (int32_t)((uint32_t)a * (uint32_t)vx[i] + (uint32_t)vy[i]);
}

static uint32_t vsum(const int32_t *p, int32_t n) {
    uint32_t sum = 0;
    for (int32_t i = 0; i < n; i++)
        sum += (uint32_t)p[i];
    return sum;
}

static int32_t vmax(const int32_t *p, int32_t n) {
    int32_t max = p[0];
    for (int32_t i = 0; i < n; i++)
        if (p[i] > max)
            max = p[i];
    return max;
}

static void histogram(const int32_t *p, int32_t n) {
    memset(bins, 0, sizeof bins);
    for (int32_t i = 0; i < n; i++)
        bins[p[i] & 255] += 1;
}

static uint32_t weigh_bins(void) {
    uint32_t sum = 0;
    for (int32_t i = 0; i < 256; i++)
        sum += (uint32_t)bins[i] * (uint32_t)(i + 1);
    return sum;
}

int main(void) {
    uint32_t h = 0;
    seed = 1234;
    fill_vecs();
    for (int32_t r = 0; r < REPS; r++) {
        saxpy((r & 7) - 3);
        h = h * 31u + vsum(vy, N);
        h = h * 31u + (uint32_t)vmax(vy, N);
        histogram(vy, N);
        h = h * 31u + weigh_bins();
    }
    printf("%d \n", (int32_t)h);
    return 0;
}
