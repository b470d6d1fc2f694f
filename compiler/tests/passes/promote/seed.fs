\ The random generator's seed, updated on every trip.
variable seed
: churn ( n -- ) 0 ?do seed @ 1103515245 * 12345 + seed ! loop ;
