\ PERFORM of a cell holding 0: executing xt 0 is an error, never a crash.
variable hook
: run-hook ( -- ) hook perform ;
run-hook
