/* matrix: 200x200 integer matrix multiplication C = A*B (naive i-j-k order,
   B walked down its columns), REPS times with matrices that depend on the
   repetition. Checksum: h = h*31 + c over all result elements, wrapping
   modulo 2^32 (uint32_t), like 32-bit Forth cells. */
#include <stdio.h>
#include <stdint.h>

#define N 200
#define REPS 300

static int32_t ma[N * N], mb[N * N], mc[N * N];

static void fill_mats(int32_t r) {
    for (int32_t i = 0; i < N; i++)
        for (int32_t j = 0; j < N; j++) {
            ma[i * N + j] = (i * 7 + j * 13 + r) % 97 - 48;
            mb[i * N + j] = (i * 11 + j * 5 + r) % 89 - 44;
        }
}

static void mmul(void) {
    for (int32_t i = 0; i < N; i++)
        for (int32_t j = 0; j < N; j++) {
            int32_t sum = 0;
            const int32_t *pa = &ma[i * N];
            const int32_t *pb = &mb[j];
            for (int32_t k = 0; k < N; k++) {
                sum += *pa * *pb;
                pa += 1;
                pb += N;
            }
            mc[i * N + j] = sum;
        }
}

static uint32_t checksum(uint32_t h) {
    for (int32_t i = 0; i < N * N; i++)
        h = h * 31u + (uint32_t)mc[i];
    return h;
}

int main(void) {
    uint32_t h = 0;
    for (int32_t r = 0; r < REPS; r++) {
        fill_mats(r);
        mmul();
        h = checksum(h);
    }
    printf("%d \n", (int32_t)h);
    return 0;
}
