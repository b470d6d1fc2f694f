/* collatz: total length (number of steps down to 1) of the Collatz sequences
   of the CN numbers k+1 .. k+CN, for each repetition k = 0 .. REPS-1.
   Every start value stays at or below 113382, so no sequence value exceeds
   2^31-1 (113383 is the first start value that would). The total wraps
   modulo 2^32 (uint32_t), like 32-bit Forth cells. C twin of collatz.fs. */
#include <stdio.h>
#include <stdint.h>

#define CN 100000
#define REPS 24

static uint32_t clen(uint32_t n) {
    uint32_t len = 0;
    while (n != 1) {
        if (n & 1)
            n = n * 2 + n + 1;
        else
            n = n >> 1;
        len++;
    }
    return len;
}

int main(void) {
    uint32_t total = 0;
    for (uint32_t k = 0; k < REPS; k++)
        for (uint32_t n = k + 1; n < k + CN + 1; n++)
            total += clen(n);
    printf("%d \n", (int32_t)total);
    return 0;
}
