/* window: the largest sum of width consecutive cells of a 4096-cell LCG
   array, for every width from 1 to 64, REPS times with fresh numbers.
   Checksum: h = h*31 + best over all widths and repetitions, wrapping
   modulo 2^32 (uint32_t), like 32-bit Forth cells; the LCG wraps too.
   C twin of window.fs, which keeps the bounds in variables as much Forth
   code does; here they are the same globals. */
#include <stdio.h>
#include <stdint.h>

#define MAX_LEN 4096
#define MAX_WIDTH 64
#define REPS 50

static int32_t data[MAX_LEN];
static int32_t len, width, lo, hi;
static uint32_t seed;

static uint32_t rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return seed;
}

static void fill_data(void) {
    for (int32_t i = 0; i < len; i++)
        data[i] = (int32_t)(rnd() >> 20) - 2048;
}

static int32_t window_sum(void) {   /* the sum of data[lo, hi) */
    int32_t sum = 0;
    for (int32_t i = lo; i < hi; i++)
        sum += data[i];
    return sum;
}

static int32_t best_window(void) {  /* the largest window_sum of width cells */
    int32_t best = INT32_MIN;
    for (int32_t i = 0; i < len - width + 1; i++) {
        lo = i;
        hi = i + width;
        int32_t s = window_sum();
        if (s > best)
            best = s;
    }
    return best;
}

int main(void) {
    uint32_t h = 0;
    len = MAX_LEN;
    seed = 4242;
    for (int32_t r = 0; r < REPS; r++) {
        fill_data();
        for (int32_t w = 1; w <= MAX_WIDTH; w++) {
            width = w;
            h = h * 31u + (uint32_t)best_window();
        }
    }
    printf("%d \n", (int32_t)h);
    return 0;
}
