\ BEGIN ... WHILE ... REPEAT becomes a wasm loop with a br_if out.
: countdown ( n -- steps ) 0 swap begin dup while 1- swap 1+ swap repeat drop ;
