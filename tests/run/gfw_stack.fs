\ gforth's stack and memory words: NOOP PERFORM UNDER+ 2NIP 2TUCK ON OFF
\ A! A, 2, W@ W! SW@ UW@ L@ L! SL@ UL@ CLEARSTACK ?STACK WARNINGS.
1 2 noop . . cr
: greet ( -- ) ." hello" ;
variable action ' greet action !
action perform cr
' noop action ! 7 action perform . cr
create ops ' 1+ , ' 2* , ' negate ,
5 ops perform . 5 ops cell+ perform . 5 ops 2 cells + perform . cr
1 2 3 under+ . . cr
-1 10 -20 under+ . . cr
1 2 3 4 2nip . . cr
1 2 3 4 2tuck . . . . . . cr
variable flag  flag on flag ? flag off flag ? cr
variable ptr  here ptr a!  ptr @ here = . cr
create pair 1 2 2,  pair 2@ . .  pair @ . pair cell+ @ . cr
create addrs here a, addrs @ addrs = . cr

create mem 8 allot  mem 8 erase
$12345678 mem !
mem w@ hex . mem uw@ . mem sw@ . mem 2 + w@ . decimal cr
$ffff8001 mem !
mem w@ . mem uw@ . mem sw@ . mem l@ . mem sl@ . mem ul@ . cr
-2 mem w!  mem @ hex . decimal mem 2 + uw@ . mem sw@ . cr
$7fff mem 1+ w!  mem 1+ sw@ . mem 1+ uw@ . mem c@ . cr
-5 mem 4 + l!  mem 4 + l@ . mem 4 + ul@ u. cr

1 2 3 clearstack depth . cr
: clear-in-word ( i*x -- n ) 10 20 clearstack depth ;
5 6 7 clear-in-word . depth . cr
1 2 3e 4e clearstacks depth . fdepth . cr
?stack 1 2 ?stack . . cr
warnings @ . warnings off warnings @ . warnings on warnings @ . cr
