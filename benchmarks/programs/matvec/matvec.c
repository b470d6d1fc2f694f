/* matvec: integer matrix-vector products with a 256 x 256 matrix A, REPS
   times: y = A x, z = A^T y (walking the columns of A), then
   x = (z >> 7) & 1023 for the next round. Checksum: h = h*31 + x[0] +
   x[255] after every round. The products and sums wrap modulo 2^32
   (uint32_t), like 32-bit Forth cells; the LCG wraps too. C twin of
   matvec.fs. */
#include <stdio.h>
#include <stdint.h>

#define N 256
#define REPS 3500

static int32_t ma[N * N], vx[N], vy[N], vz[N];
static uint32_t seed;

static uint32_t rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return seed;
}

static void fill_matrix(void) {
    for (int32_t r = 0; r < N; r++) {
        for (int32_t c = 0; c < N; c++)
            ma[r * N + c] = (int32_t)(rnd() >> 20) - 2048;
        vx[r] = (int32_t)(rnd() >> 22);
    }
}

static void a_x(void) {
    for (int32_t r = 0; r < N; r++) {
        uint32_t sum = 0;
        for (int32_t c = 0; c < N; c++)
            sum += (uint32_t)ma[r * N + c] * (uint32_t)vx[c];
        vy[r] = (int32_t)sum;
    }
}

static uint32_t column_y(int32_t col) {
    uint32_t sum = 0;
    const int32_t *p = &ma[col];
    for (int32_t r = 0; r < N; r++, p += N)
        sum += (uint32_t)*p * (uint32_t)vy[r];
    return sum;
}

static void at_y(void) {
    for (int32_t c = 0; c < N; c++)
        vz[c] = (int32_t)column_y(c);
}

static void next_x(void) {
    for (int32_t c = 0; c < N; c++)
        vx[c] = (int32_t)(((uint32_t)vz[c] >> 7) & 1023);
}

int main(void) {
    uint32_t h = 0;
    seed = 31415;
    fill_matrix();
    for (int32_t r = 0; r < REPS; r++) {
        a_x();
        at_y();
        next_x();
        h = h * 31u + (uint32_t)vx[0] + (uint32_t)vx[N - 1];
    }
    printf("%d \n", (int32_t)h);
    return 0;
}
