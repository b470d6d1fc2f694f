\ gforth's .S shows at most MAXDEPTH-.S items, from the top of the stack.
1 2 3 4 5 6 7 8 9 10 11 12 .s cr
maxdepth-.s @ . cr
3 maxdepth-.s ! .s cr
0 maxdepth-.s ! .s cr
100 maxdepth-.s ! .s cr
: clear ( i*x -- ) depth 0 ?do drop loop ;
clear .s cr
9 maxdepth-.s !
