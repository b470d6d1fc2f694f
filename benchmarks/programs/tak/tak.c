/* tak: the Takeuchi function, recursive. Checksum: h = h*10 + tak(x,y,z)
   over a fixed list of argument triples (about 236 million calls in all).
   C twin of tak.fs. */
#include <stdio.h>
#include <stdint.h>

static int32_t tak(int32_t x, int32_t y, int32_t z) {
    if (y < x)
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
    return z;
}

int main(void) {
    int32_t h = 0;
    h = h * 10 + tak(18, 12, 6);
    h = h * 10 + tak(24, 16, 8);
    h = h * 10 + tak(26, 18, 9);
    h = h * 10 + tak(27, 18, 9);
    h = h * 10 + tak(28, 20, 10);
    h = h * 10 + tak(30, 20, 10);
    h = h * 10 + tak(33, 16, 8);
    printf("%d \n", h);
    return 0;
}
