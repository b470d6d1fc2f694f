\ random.fs as gforth 0.7.3 ships it, for programs that say
\ `require random.fs`: a linear congruential generator whose state is the
\ variable SEED (0 at the start, as there) and whose multiplier is
\ gforth's, so a program draws the numbers it draws under gforth.
VARIABLE SEED ( -- a-addr )
$10450405 CONSTANT GENERATOR ( -- u )
: RND ( -- u ) SEED @ GENERATOR UM* DROP 1+ DUP SEED ! ;
: RANDOM ( u -- 0..u-1 ) RND UM* NIP ;
