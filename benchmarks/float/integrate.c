// integrate.c: the C twin of integrate.fs (same loop, printed with %.15g).
#include <stdio.h>
int main(){ double s=0; int n=20000000; for(int i=0;i<n;i++){ double x=i*1e-3; s+=1.0/(x*x+1.0);} printf("%.15g\n", s/n); }
