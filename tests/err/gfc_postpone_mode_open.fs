\ ]] without [[ before the end of the file.
: bad ( -- ) ]] dup ;
