\ Address arithmetic words disappear into the word that uses them.
: cell-at ( addr i -- addr' ) cells + ;
: fetch-at ( addr i -- x ) cell-at @ ;
create table 10 , 20 , 30 ,
: second ( -- x ) table 1 fetch-at ;
