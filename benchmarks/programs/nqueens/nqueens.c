/* nqueens: count the solutions of the N-queens problem by recursive
   backtracking, with the occupied columns and diagonals as byte arrays in
   memory; REPS times; prints the total count. C twin of nqueens.fs. */
#include <stdio.h>
#include <stdint.h>

#define NQ 13
#define REPS 3

static uint8_t qcols[NQ], d1[2 * NQ], d2[2 * NQ];
static int32_t solutions;

static int32_t is_free(int32_t row, int32_t col) {
    return (qcols[col] | d1[row + col] | d2[row - col + NQ]) == 0;
}

static void mark(int32_t row, int32_t col, uint8_t c) {
    qcols[col] = c;
    d1[row + col] = c;
    d2[row - col + NQ] = c;
}

static void queen(int32_t row) {
    if (row == NQ) {
        solutions += 1;
        return;
    }
    for (int32_t i = 0; i < NQ; i++) {
        if (is_free(row, i)) {
            mark(row, i, 1);
            queen(row + 1);
            mark(row, i, 0);
        }
    }
}

int main(void) {
    solutions = 0;
    for (int32_t r = 0; r < REPS; r++)
        queen(0);
    printf("%d \n", solutions);
    return 0;
}
