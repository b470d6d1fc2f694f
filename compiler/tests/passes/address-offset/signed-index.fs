\ An index that comes from the caller may be negative: its + stays, only the
\ second access, at a byte proven in 0..255, takes an offset.
create flags 256 allot
: flag@ ( i -- c ) flags + c@ flags + c@ ;
