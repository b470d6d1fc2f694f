\ control_if.fs -- IF ELSE THEN, nested IFs, any non-zero value is true, EXIT from inside IF
: classify ( n -- ) DUP 0< IF DROP ." neg" ELSE 0= IF ." zero" ELSE ." pos" THEN THEN ;
: t1 -5 classify SPACE 0 classify SPACE 7 classify CR ;
: truthy ( x -- ) IF ." T" ELSE ." F" THEN ;
: t2 0 truthy 1 truthy -1 truthy 2 truthy -2147483648 truthy CR ;
: no-else ( x -- ) ." [" IF ." yes" THEN ." ]" ;
: t3 0 no-else 1 no-else CR ;
: early ( n -- ) DUP 10 > IF ." big " . EXIT THEN ." small " . ;
: t4 5 early 50 early CR ;
: at-least ( a b -- f ) < 0= ;
: grade2 ( n -- )
   DUP 90 at-least IF DROP ." A" ELSE
   DUP 80 at-least IF DROP ." B" ELSE
   DUP 70 at-least IF DROP ." C" ELSE
   DROP ." F" THEN THEN THEN ;
: t5 95 grade2 85 grade2 75 grade2 5 grade2 CR ;
: deep ( a b c -- ) IF IF IF ." 111" ELSE ." 011" THEN ELSE ." x01" THEN ELSE ." xx0" THEN ;
: t6 1 1 1 deep SPACE 0 1 1 deep SPACE 0 0 1 deep SPACE 0 0 0 deep CR ;
: empty-branches ( x -- ) IF ELSE THEN ." ok" ;
: t7 0 empty-branches 1 empty-branches CR ;
t1 t2 t3 t4 t5 t6 t7
