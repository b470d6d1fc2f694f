#!/usr/bin/env -S native-runner run
\ reference: fastforth (gforth 0.7.3 needs a space after #!; we take the whole first line as a comment)
." a script without the space" cr
