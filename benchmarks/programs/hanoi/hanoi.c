/* hanoi: the Towers of Hanoi with DISKS disks, solved recursively REPS
   times, each time from another peg. Every move updates the disk counts of
   the pegs and a running hash of the moves: h = h*31 + from*3 + to,
   wrapping modulo 2^32 (uint32_t), like 32-bit Forth cells. Checksum: the
   hash, plus the disks on each peg at the end times the peg's number plus
   one. C twin of hanoi.fs. */
#include <stdio.h>
#include <stdint.h>

#define DISKS 22
#define REPS 12

static int32_t pegs[3];
static uint32_t trail;

static void move_disk(int32_t from, int32_t to) {
    pegs[to] += 1;
    pegs[from] -= 1;
    trail = trail * 31u + (uint32_t)(from * 3 + to);
}

static void hanoi(int32_t from, int32_t to, int32_t via, int32_t n) {
    if (n == 0)
        return;
    hanoi(from, via, to, n - 1);
    move_disk(from, to);
    hanoi(via, to, from, n - 1);
}

int main(void) {
    trail = 0;
    pegs[0] = DISKS;
    for (int32_t r = 0; r < REPS; r++) {
        int32_t from = r % 3, to = (from + 1) % 3, via = (to + 1) % 3;
        hanoi(from, to, via, DISKS);
    }
    uint32_t h = trail;
    for (int32_t i = 0; i < 3; i++)
        h += (uint32_t)pegs[i] * (uint32_t)(i + 1);
    printf("%d \n", (int32_t)h);
    return 0;
}
