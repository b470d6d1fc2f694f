\ TO cannot change an address local: its name stands for an address.
: f { w^ a } 5 to a ;
