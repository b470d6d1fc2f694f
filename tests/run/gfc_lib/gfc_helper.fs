\ Included by gfc_input.fs and gfc_wordlists.fs.
: helper-loaded ( -- n ) 99 ;
sourceline# .
