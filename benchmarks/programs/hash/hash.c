/* hash: 32-bit FNV-1a over a 2 MiB buffer filled with bytes from a 32-bit LCG,
   REPS passes chained (each pass starts from the previous hash). All
   arithmetic wraps modulo 2^32 (uint32_t), like 32-bit Forth cells.
   C twin of hash.fs. */
#include <stdio.h>
#include <stdint.h>

#define SIZE 2097152
#define REPS 100

static uint8_t buf[SIZE];

static void fill_buf(void) {
    uint32_t seed = 2024;
    for (int32_t i = 0; i < SIZE; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (uint8_t)(seed >> 24);
    }
}

static uint32_t fnv(uint32_t h, const uint8_t *p, int32_t len) {
    for (int32_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

int main(void) {
    uint32_t h = 2166136261u;               /* FNV offset basis */
    fill_buf();
    for (int32_t r = 0; r < REPS; r++)
        h = fnv(h, buf, SIZE);
    printf("%d \n", (int32_t)h);
    return 0;
}
