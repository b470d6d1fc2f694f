\ gforth's string words: PLACE +PLACE BOUNDS SCAN SKIP S, STRING, STR= STR<
\ STRING-PREFIX? CAPSCOMPARE TOUPPER SAVE-MEM NEWLINE.
create buf 80 allot
s" Hello" buf place  buf count type cr
s" , world" buf +place  buf count type cr
s" " buf +place  buf count type char | emit cr
\ PLACE copes with a source that overlaps its destination.
buf count buf place  buf count type cr
buf 1+ 3 buf place  buf count type cr

: show ( c-addr u -- ) [char] [ emit type [char] ] emit space ;
s" hello world" char o scan show
s" hello world" char z scan dup . show
s" hello world" char h scan show
s" " char a scan show cr
s"    indented  " bl skip show
s" xxxy" char x skip show
s" xxx" char x skip dup . show
s" " bl skip show cr

: sum-bytes ( c-addr u -- n ) 0 -rot bounds ?do i c@ + loop ;
s" ABC" sum-bytes . s" " sum-bytes . cr
: count-char ( c-addr u char -- n ) 0 2swap bounds ?do over i c@ = - loop nip ;
s" mississippi" char s count-char . cr

here s" abc" s, dup count type here swap - . cr
here s" " string, dup c@ . here swap - . cr
create greeting s" hi there" string,
greeting count type cr

s" abc" s" abc" str= . s" abc" s" abd" str= . s" abc" s" ab" str= . s" " s" " str= . cr
s" abc" s" abd" str< . s" abd" s" abc" str< . s" ab" s" abc" str< . s" abc" s" abc" str< . cr
s" abcdef" s" abc" string-prefix? . s" abcdef" s" abd" string-prefix? .
s" ab" s" abc" string-prefix? . s" abc" s" " string-prefix? . cr
s" abc" s" ABD" capscompare . s" abd" s" ABC" capscompare . s" aBc" s" AbC" capscompare .
s" ab" s" ABC" capscompare . s" abc" s" AB" capscompare . s" " s" " capscompare . cr
s" [z]" s" [Z]" capscompare . s" a" s" {" capscompare . cr
char a toupper emit char z toupper emit char A toupper emit char 5 toupper emit
char { toupper . 228 toupper . cr

s" copied text" save-mem 2dup type cr drop free .
newline nip . newline drop c@ . cr
