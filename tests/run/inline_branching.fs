\ Small words that branch, called from loops and from each other, as they
\ are pasted into their callers: IF ELSE THEN, EXIT in the middle, the
\ return stack across a branch, ?DUP, nested small words, and the caller's
\ loop index around the pasted code.
: rule ( alive n -- 0|1 ) swap if 2 4 within else 3 = then 1 and ;
: clamp ( n lo hi -- n' ) rot min max ;
: sign3 ( n -- -1|0|1 ) dup 0< if drop -1 exit then 0> if 1 else 0 then ;
: odd-r ( n -- n' ) dup >r 1 and if r> 3 * 1+ else r> 2/ then ;
: nz ( n -- n|42 ) ?dup 0= if 42 then ;
: both ( a b -- n ) sign3 swap sign3 10 * + ;
: step ( n -- n' ) dup 1 = if exit then odd-r ;
: run-rule 0 9 0 do 9 0 do j 3 mod i rule + loop loop . cr ;
: run-clamp 10 -5 do i 0 3 clamp . loop cr ;
: run-sign3 4 -3 do i sign3 . loop cr ;
: run-odd 27 begin dup 1 <> while step dup . repeat drop cr ;
: run-nz 3 0 do i nz . loop cr ;
: run-both 2 -1 do 2 -1 do i j both . loop loop cr ;
run-rule run-clamp run-sign3 run-odd run-nz run-both
' rule 1 9 rot execute . ' sign3 -7 swap execute . cr
