/* sieve: sieve of Eratosthenes over 16384 byte flags (primes below 16384),
   repeated REPS times; prints the sum of the prime counts. C twin of sieve.fs. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define SIZE 16384
#define REPS 30000

static uint8_t flags[SIZE];

static int32_t sieve(void) {
    int32_t count = 0;
    memset(flags, 1, SIZE);
    for (int32_t i = 2; i < SIZE; i++) {
        if (flags[i]) {
            count++;
            for (int32_t j = i * i; j < SIZE; j += i)
                flags[j] = 0;
        }
    }
    return count;
}

int main(void) {
    int32_t total = 0;
    for (int32_t r = 0; r < REPS; r++)
        total += sieve();
    printf("%d \n", total);
    return 0;
}
