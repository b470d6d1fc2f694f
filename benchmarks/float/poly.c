// poly.c: the C twin of poly.fs (the same polynomial summed over 10M points).
#include <stdio.h>
int main(){ double s=0; for(int i=0;i<10000000;i++){ double x=i*1e-6; s+= x*x*x*0.5 + x*x*0.25 + x*2.0 + 1.0;} printf("%.15g\n", s); }
