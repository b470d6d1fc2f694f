\ A FORK's subroutine is a function of its own here, so it cannot see the
\ definition's locals: a clear error, not wrong values.
: FORK ( -- orig ) POSTPONE call >mark ; immediate
: bad { a -- } FORK a . EXIT THEN a . ;
