\ gfo_try.fs -- gforth's TRY: everything up to ENDTRY is protected, so
\ code after RESTORE or IFERROR that throws runs again, from the depth at
\ TRY with the new code; the regions see the definition's locals.

\ Restoring code runs once without a throw, and again after each throw.
: count-up ( n -- n' )
  try 0 restore drop 1+ dup 0< throw endtry ;
-3 count-up . 4 count-up . cr

variable tries
: retry ( -- n )
  0 tries !
  try 1 2 3 -9 throw
  restore .s cr 1 tries +! tries @ 3 < if 4 5 -11 throw then
  endtry tries @ ;
retry . cr

\ Code after IFERROR runs on a throw; what follows THEN runs always.
: classify ( n -- n' )
  try dup 0< throw 100
  iferror 2drop -1
  then 1+ endtry ;
-5 classify . 5 classify . cr
: fix-up ( n -- n' )
  0 tries !
  try dup 0< throw
  iferror 1 tries +! tries @ 3 < if -7 throw then drop
  then endtry tries @ ;
-1 fix-up . . cr

\ ENDTRY-IFERROR: the code after it is not protected any more.
: check ( n -- )
  try dup 0< throw drop
  endtry-iferror ." error " . drop
  else ." fine "
  then ;
5 check -5 check cr

\ gforth's own idiom: keep the old value in a local, restore it always.
: with-base ( xt base -- )
  base @ { old } try base ! execute 0 restore old base ! endtry ;
: show ( -- ) 255 . ;
' show 16 with-base base @ . cr
: oops ( -- ) 255 . -5 throw ;
' oops 2 ' with-base catch . 2drop base @ . cr

\ Every kind of local is visible in both regions.
: kinds { n D: d F: r C: c W^ w }
  try n . d d. r f. c emit space w @ . 0
  restore drop n . d d. r f. c emit space w @ . endtry ;
7 12345. 2.5e char z 70 kinds cr

\ TRY structures nest, in either region.
: nest ( -- )
  try
    try -3 throw iferror ." inner " . then endtry
    -4 throw
  iferror ." outer " .
  then endtry ;
nest cr
: nest2 ( -- )
  0 tries !
  try 0
  restore
    drop
    try tries @ 2 < if 1 tries +! -2 throw then
    iferror ." inner " .
    then endtry
  endtry tries @ . ;
nest2 cr
