/* bubble: bubble sort of 6000 integers from a 32-bit LCG, REPS times (fresh
   numbers each time). Checksum: sum of a[i]*(i+1) over each sorted array,
   plus 1000 per out-of-order neighbour pair (there should be none).
   All sums wrap modulo 2^32 (uint32_t), like 32-bit Forth cells. */
#include <stdio.h>
#include <stdint.h>

#define N 6000
#define REPS 8

static int32_t arr[N];
static uint32_t seed;

static int32_t rnd(void) {          /* 0 .. 2^24-1 */
    seed = seed * 1103515245u + 12345u;
    return (int32_t)(seed >> 8);
}

static void fill_arr(void) {
    for (int32_t i = 0; i < N; i++)
        arr[i] = rnd();
}

static void bsort(void) {
    for (int32_t lim = N - 1; lim > 0; lim--) {
        for (int32_t j = 0; j < lim; j++) {
            int32_t x = arr[j], y = arr[j + 1];
            if (x > y) {
                arr[j] = y;
                arr[j + 1] = x;
            }
        }
    }
}

static uint32_t check(void) {
    uint32_t sum = 0;
    for (int32_t i = 0; i < N; i++)
        sum += (uint32_t)arr[i] * (uint32_t)(i + 1);
    for (int32_t i = 0; i < N - 1; i++)
        if (arr[i] > arr[i + 1])
            sum += 1000;
    return sum;
}

int main(void) {
    uint32_t total = 0;
    seed = 12345;
    for (int32_t r = 0; r < REPS; r++) {
        fill_arr();
        bsort();
        total += check();
    }
    printf("%d \n", (int32_t)total);
    return 0;
}
