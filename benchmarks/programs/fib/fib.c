/* fib: doubly recursive Fibonacci, fib(N). C twin of fib.fs. */
#include <stdio.h>
#include <stdint.h>

#define N 42

static int32_t fib(int32_t n) {
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

int main(void) {
    printf("%d \n", fib(N));
    return 0;
}
