\ An uncaught THROW of a code made by EXCEPTION shows its message.
s" disk on fire" exception constant disk-on-fire
: check ( -- ) disk-on-fire throw ;
check
