/* strings: string processing over a 64 KiB text of random lower-case words
   (1 to 8 letters, single spaces) made by a 32-bit LCG. Each of REPS passes:
   counts the words and the letter frequencies; reverses every word in place
   (so the text alternates between two states); compares each word with the
   one before it (own byte-by-byte compare, -1/0/1); copies the text with
   memmove (Forth: MOVE), upper-cases the copy and hashes it (djb2).
   Everything is folded into one checksum with h = h*31 + x, wrapping modulo
   2^32 (uint32_t), like 32-bit Forth cells. C twin of strings.fs. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define TSIZE 65536
#define REPS 900

static uint8_t text[TSIZE], text2[TSIZE];
static int32_t freq[26];
static uint32_t seed;

static int32_t rnd(void) {                 /* 0 .. 65535 */
    seed = seed * 1103515245u + 12345u;
    return (int32_t)(seed >> 16);
}

static void gen_text(void) {
    int32_t pos = 0;
    memset(text, ' ', TSIZE);
    for (;;) {
        int32_t len = rnd() % 8 + 1;
        if (!(pos + len + 1 < TSIZE))
            break;
        for (int32_t k = 0; k < len; k++) {
            text[pos] = (uint8_t)(rnd() % 26 + 'a');
            pos++;
        }
        pos++;                              /* skip the space */
    }
}

static int32_t scan_text(void) {           /* word count; fills freq */
    int32_t count = 0, prev = ' ';
    memset(freq, 0, sizeof freq);
    for (int32_t i = 0; i < TSIZE; i++) {
        int32_t c = text[i];
        if (c != ' ') {
            freq[c - 'a'] += 1;
            if (prev == ' ')
                count++;
        }
        prev = c;
    }
    return count;
}

static void reverse(uint8_t *lo, int32_t len) {
    uint8_t *hi = lo + len - 1;
    while (lo < hi) {
        uint8_t a = *lo, b = *hi;
        *lo = b;
        *hi = a;
        lo++;
        hi--;
    }
}

static int32_t word_end(int32_t pos) {
    while (pos < TSIZE) {
        if (text[pos] == ' ')
            return pos;
        pos++;
    }
    return pos;
}

static void reverse_words(void) {
    int32_t pos = 0;
    while (pos < TSIZE) {
        if (text[pos] == ' ') {
            pos++;
        } else {
            int32_t end = word_end(pos);
            reverse(text + pos, end - pos);
            pos = end;
        }
    }
}

static int32_t signum(int32_t n) {
    return n < 0 ? -1 : (n != 0);
}

static int32_t str_compare(const uint8_t *a1, int32_t u1,
                           const uint8_t *a2, int32_t u2) {
    int32_t m = u1 < u2 ? u1 : u2;
    for (int32_t i = 0; i < m; i++) {
        int32_t d = a1[i] - a2[i];
        if (d != 0)
            return d < 0 ? -1 : 1;
    }
    return signum(u1 - u2);
}

static uint32_t compare_words(void) {
    uint32_t acc = 0;
    const uint8_t *pa = text;
    int32_t pu = 0, pos = 0;
    while (pos < TSIZE) {
        if (text[pos] == ' ') {
            pos++;
        } else {
            int32_t end = word_end(pos);
            const uint8_t *a = text + pos;
            int32_t u = end - pos;
            acc = acc * 3u + (uint32_t)(str_compare(pa, pu, a, u) + 1);
            pa = a;
            pu = u;
            pos = end;
        }
    }
    return acc;
}

static uint32_t upper_hash(void) {
    uint32_t h = 5381;
    memmove(text2, text, TSIZE);
    for (int32_t i = 0; i < TSIZE; i++) {
        int32_t c = text2[i];
        if (c >= 'a' && c < 'z' + 1)
            c -= 32;
        text2[i] = (uint8_t)c;
    }
    for (int32_t i = 0; i < TSIZE; i++)
        h = h * 33u + text2[i];
    return h;
}

static uint32_t pass(uint32_t h) {
    uint32_t f = 0;
    h = h * 31u + (uint32_t)scan_text();
    for (int32_t i = 0; i < 26; i++)
        f += (uint32_t)freq[i] * (uint32_t)(i + 1);
    h = h * 31u + f;
    reverse_words();
    h = h * 31u + compare_words();
    h = h * 31u + upper_hash();
    return h;
}

int main(void) {
    uint32_t h = 0;
    seed = 4242;
    gen_text();
    for (int32_t r = 0; r < REPS; r++)
        h = pass(h);
    printf("%d \n", (int32_t)h);
    return 0;
}
