/* memfill: memory fill and copy over a 2 MiB buffer, REPS passes. Each pass
   fills the buffer with one byte value (memset; Forth: FILL), stores 16 marker
   bytes, shifts the whole buffer up by 1 byte and down by 3 bytes (overlapping
   memmove; Forth: MOVE), copies 1 MiB from the upper half to the bottom,
   clears 5000 bytes (Forth: ERASE) and copies 64 Ki cells one by one with a
   loop. Checksum: h = h*31 + byte, sampling every 4093rd byte after each pass,
   wrapping modulo 2^32 (uint32_t), like 32-bit Forth cells. C twin of
   memfill.fs. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define SIZE 2097152
#define HALF (SIZE / 2)
#define NCELLS 65536
#define REPS 5000

static uint32_t buf[SIZE / 4];   /* cell-aligned, like a Forth CREATE buffer */

static void cellcopy(const uint32_t *src, uint32_t *dst, int32_t n) {
    for (int32_t i = 0; i < n; i++)
        dst[i] = src[i];
}

static void pass(int32_t r) {
    uint8_t *b = (uint8_t *)buf;
    memset(b, (r * 7 + 1) & 255, SIZE);
    for (int32_t i = 0; i < 16; i++)
        b[i * 4099 + r] = (uint8_t)(r + i);
    memmove(b + 1, b, SIZE - 1);
    memmove(b, b + HALF, HALF / 2);
    memmove(b, b + 3, SIZE - 3);
    memset(b + 1000, 0, 5000);
    cellcopy(buf, buf + HALF / 4 + 16, NCELLS);
}

static uint32_t sample(uint32_t h) {
    const uint8_t *b = (const uint8_t *)buf;
    for (int32_t i = 0; i < SIZE; i += 4093)
        h = h * 31u + b[i];
    return h;
}

int main(void) {
    uint32_t h = 0;
    for (int32_t r = 0; r < REPS; r++) {
        pass(r);
        h = sample(h);
    }
    printf("%d \n", (int32_t)h);
    return 0;
}
