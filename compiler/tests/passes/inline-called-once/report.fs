\ A one-use word too long for batch inlining (over 24 operations) joins
\ MAIN when the program is linked.
variable total  variable count  variable peak
: account ( n -- )
  dup total @ + total !  count @ 1+ count !
  peak @ max peak !  total @ count @ / drop
  total @ 2* count @ + peak @ xor drop
  count @ 3 * total @ - peak @ + drop ;
: main ( -- ) 7 account total @ . ;
