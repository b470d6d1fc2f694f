/* life: Conway's Game of Life on a 128 x 128 board of byte cells with a
   border of dead cells (rows and columns 0 and 129), GENS generations,
   stepping from one board into the other and back. Checksum: the sum of the
   live counts after every generation. C twin of life.fs. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define SIDE 128
#define WIDTH (SIDE + 2)   /* bytes per row, border included */
#define GENS 4000          /* even: each trip of main's loop makes two */

static uint8_t board_a[WIDTH * WIDTH], board_b[WIDTH * WIDTH];
static uint32_t seed;

static uint32_t rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return seed;
}

static void seed_board(void) {      /* about one live cell in three */
    memset(board_a, 0, sizeof board_a);
    memset(board_b, 0, sizeof board_b);
    for (int32_t r = 1; r <= SIDE; r++)
        for (int32_t c = 1; c <= SIDE; c++)
            board_a[r * WIDTH + c] = (rnd() >> 16) % 3 == 0;
}

static int32_t neighbours(const uint8_t *p) {
    return p[-WIDTH - 1] + p[-WIDTH] + p[-WIDTH + 1] + p[-1] + p[1] +
           p[WIDTH - 1] + p[WIDTH] + p[WIDTH + 1];
}

static int32_t rule(int32_t alive, int32_t n) {
    return alive ? (n >= 2 && n < 4) : n == 3;
}

static int32_t step(const uint8_t *from, uint8_t *to) {
    int32_t live = 0;
    for (int32_t r = 1; r <= SIDE; r++)
        for (int32_t c = 1; c <= SIDE; c++) {
            int32_t off = r * WIDTH + c;
            int32_t cell = rule(from[off], neighbours(from + off));
            to[off] = (uint8_t)cell;
            live += cell;
        }
    return live;
}

int main(void) {
    int32_t total = 0;
    seed = 2024;
    seed_board();
    for (int32_t g = 0; g < GENS / 2; g++) {
        total += step(board_a, board_b);
        total += step(board_b, board_a);
    }
    printf("%d \n", total);
    return 0;
}
