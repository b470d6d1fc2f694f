\ Life's rule, a branching word, inside a caller.
: rule ( alive n -- 0|1 ) swap if 2 4 within else 3 = then 1 and ;
: next-state ( alive n -- 0|1 ) rule ;
