/* loops: three nested counted loops (A x B x C iterations) with a little
   arithmetic in the innermost one: s = (s + k*j) ^ i, where i, j, k are the
   outer, middle and inner indices. s wraps modulo 2^32 (uint32_t), like
   32-bit Forth cells. C twin of loops.fs. */
#include <stdio.h>
#include <stdint.h>

#define A 400
#define B 400
#define C 3000

int main(void) {
    uint32_t s = 0;
    for (uint32_t i = 0; i < A; i++)
        for (uint32_t j = 0; j < B; j++)
            for (uint32_t k = 0; k < C; k++)
                s = (s + k * j) ^ i;
    printf("%d \n", (int32_t)s);
    return 0;
}
