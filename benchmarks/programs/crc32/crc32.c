/* crc32: table-driven CRC-32 (reflected, polynomial 0xEDB88320, as in zlib)
   over a 1 MiB buffer of LCG bytes, REPS passes chained (each pass starts
   from the previous CRC). The table is built bit by bit first. All arithmetic
   is on uint32_t, like 32-bit Forth cells. C twin of crc32.fs. */
#include <stdio.h>
#include <stdint.h>

#define SIZE 1048576
#define REPS 200

static uint8_t buf[SIZE];
static uint32_t table[256];

static void make_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int32_t k = 0; k < 8; k++) {
            if (c & 1)
                c = 0xEDB88320u ^ (c >> 1);
            else
                c = c >> 1;
        }
        table[n] = c;
    }
}

static void fill_buf(void) {
    uint32_t seed = 7;
    for (int32_t i = 0; i < SIZE; i++) {
        seed = seed * 1664525u + 1013904223u;
        buf[i] = (uint8_t)(seed >> 24);
    }
}

static uint32_t crc(uint32_t c, const uint8_t *p, int32_t len) {
    c = c ^ 0xFFFFFFFFu;
    for (int32_t i = 0; i < len; i++)
        c = table[(c ^ p[i]) & 255] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

int main(void) {
    uint32_t c;
    make_table();
    c = crc(0, (const uint8_t *)"123456789", 9);   /* 0xCBF43926 */
    fill_buf();
    for (int32_t r = 0; r < REPS; r++)
        c = crc(c, buf, SIZE);
    printf("%d \n", (int32_t)c);
    return 0;
}
