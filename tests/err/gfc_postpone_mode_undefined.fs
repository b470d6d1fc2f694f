\ ]] of a word that does not exist.
: bad ( -- ) ]] no-such-thing [[ ; immediate
