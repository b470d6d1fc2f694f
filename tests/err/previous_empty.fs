\ PREVIOUS on an empty search order; the order is reset afterwards.
: p ( -- ) 0 SET-ORDER PREVIOUS ;
p
