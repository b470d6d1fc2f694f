\ gforth's command-line words on a command line of our own: ARGC and ARGV
\ are variables, so a program can point them at any C-style argv.
argv @ argc @ 2constant real-args

\ Lays down a zero-terminated copy of a string.
: cstr, ( c-addr u -- ) here over allot swap move 0 c, ;
create c-prog s" prog" cstr,
create c-first s" first" cstr,
create c-empty 0 c,
create c-last s" last one" cstr,
align
create my-argv 5 cells allot
\ SHIFT-ARGS writes into the array, so each use fills it afresh.
: use-mine ( -- )
  c-prog my-argv !  c-first my-argv cell+ !
  c-empty my-argv 2 cells + !  c-last my-argv 3 cells + !
  0 my-argv 4 cells + !  my-argv argv !  4 argc ! ;
: .arg ( u -- ) dup . ." [" arg type ." ] " ;
: .args ( -- ) argc @ 0 ?do i .arg loop cr ;

use-mine .args
\ Beyond the last argument, and for "negative" u (a huge unsigned one),
\ ARG gives the empty string 0 0.
4 arg . . -1 arg . . 100 arg . . $7fffffff arg . . cr
c-last cstring>sstring type cr
c-empty cstring>sstring . drop cr
2 arg nip . cr

\ NEXT-ARG takes 1 ARG; 0 ARG stays; once only 0 ARG is left it gives 0 0.
: take ( -- ) next-arg dup . ." <" type ." > " argc @ . cr ;
take take take take take
0 arg type cr

\ SHIFT-ARGS drops 1 ARG and keeps 0 ARG in front of the rest.
use-mine shift-args .args
shift-args shift-args .args
shift-args .args
\ ARGV now points three cells further, at 0 ARG moved up.
argv @ my-argv - . argv @ @ c-prog = . cr
use-mine shift-args shift-args shift-args shift-args .args

\ A modulino: code that runs only when the program is started by this name.
: main ." main runs" cr ;
use-mine
s" prog" 0 arg compare 0= [IF] main [ELSE] ." a library" cr [THEN]
s" other" 0 arg compare 0= [IF] main [ELSE] ." a library" cr [THEN]

\ Scripts take their arguments in a loop like this one.
: each-arg ( -- ) begin next-arg dup while ." got " type cr repeat 2drop ;
use-mine each-arg argc @ . cr

\ Back to the real command line, which the system goes on reading.
real-args argc ! argv !
0 arg nip 0> . argc @ 0> . argc @ arg nip . cr
