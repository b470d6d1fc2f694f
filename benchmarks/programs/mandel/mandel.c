/* mandel: the Mandelbrot set, counted on a SIZE x SIZE grid of the plane
   [-2, 0.5] x [-1.25, 1.25]: a point is inside when z := z^2 + c stays
   within |z| <= 2 for MAXITER steps. Checksum: the count of inside points.
   C twin of mandel.fs (double, as the Forth float stack). */
#include <stdio.h>

#define SIZE 1000
#define MAXITER 200

static double re, im;

static int inside(void) {
    double zr = 0.0, zi = 0.0;
    for (int k = 0; k < MAXITER; k++) {
        if (4.0 < zr * zr + zi * zi) return 0;
        double zi2 = zr * zi * 2.0 + im;
        zr = zr * zr - zi * zi + re;
        zi = zi2;
    }
    return 1;
}

static double coord(int n, double lo) { return (double)n / SIZE * 2.5 + lo; }

int main(void) {
    int count = 0;
    for (int j = 0; j < SIZE; j++)
        for (int i = 0; i < SIZE; i++) {
            re = coord(i, -2.0);
            im = coord(j, -1.25);
            if (inside()) count++;
        }
    printf("%d \n", count);
    return 0;
}
