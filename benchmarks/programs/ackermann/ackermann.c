/* ackermann: the Ackermann function, plainly recursive. Checksum: sum of
   A(m, n) for m = 0..3 and n = 0..ACK_N, repeated REPS times (the deepest
   call, A(3, 7), nests 1023 calls). C twin of ackermann.fs. */
#include <stdio.h>
#include <stdint.h>

#define ACK_N 7
#define REPS 1200

static int32_t ack(int32_t m, int32_t n) {
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

/* Read afresh in every repetition, so that a compiler cannot see that
   the repetitions compute the same sums and hoist the calls out of the
   loop (clang does, for wasm): the Forth repeats the work, so must C. */
static volatile int32_t zero = 0;

int main(void) {
    int32_t sum = 0;
    for (int32_t r = 0; r < REPS; r++) {
        int32_t z = zero;
        for (int32_t m = 0; m <= 3; m++)
            for (int32_t n = 0; n <= ACK_N; n++)
                sum += ack(m + z, n);
    }
    printf("%d \n", sum);
    return 0;
}
