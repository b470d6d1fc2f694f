/* msort: recursive merge sort (two calls per activation, then a merge
   through a scratch array) of 131072 LCG cells, REPS times with fresh
   numbers. Checksum: per sort, the sum of a[i]*(i+1), plus 1000 per
   out-of-order neighbour pair (there should be none), summed over the
   sorts; the sums and the LCG wrap modulo 2^32 (uint32_t), like 32-bit
   Forth cells. C twin of msort.fs. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define N 131072
#define REPS 12

static int32_t arr[N], tmp[N];
static uint32_t seed;

static int32_t rnd(void) {          /* 0 .. 2^24-1 */
    seed = seed * 1103515245u + 12345u;
    return (int32_t)(seed >> 8);
}

static void fill_arr(void) {
    for (int32_t i = 0; i < N; i++)
        arr[i] = rnd();
}

/* tmp[lo, mid) and tmp[mid, hi) into arr[lo, hi) */
static void merge(int32_t lo, int32_t mid, int32_t hi) {
    int32_t i = lo, j = mid;
    for (int32_t k = lo; k < hi; k++) {
        int right = i < mid ? (j < hi && tmp[i] > tmp[j]) : 1;
        arr[k] = right ? tmp[j++] : tmp[i++];
    }
}

static void msort(int32_t lo, int32_t hi) {    /* sort arr[lo, hi) */
    if (hi - lo < 2)
        return;
    int32_t m = (lo + hi) / 2;
    msort(lo, m);
    msort(m, hi);
    memcpy(tmp + lo, arr + lo, (size_t)(hi - lo) * sizeof arr[0]);
    merge(lo, m, hi);
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
    seed = 2718;
    for (int32_t r = 0; r < REPS; r++) {
        fill_arr();
        msort(0, N);
        total += check();
    }
    printf("%d \n", (int32_t)total);
    return 0;
}
