\ conf_file.fs -- T{ }T conformance cases for the FILE ACCESS word set. It
\ creates its files in the working directory (the golden test runs it in a
\ fresh temporary directory) and deletes them at the end.
S" lib/tester.fs" INCLUDED

: fn1 ( -- c-addr u ) S" cf-one.txt" ;
: fn2 ( -- c-addr u ) S" cf-two.bin" ;
: fn3 ( -- c-addr u ) S" cf-three.fs" ;
VARIABLE fid1
VARIABLE fid2
CREATE buf 100 ALLOT
: same ( c-addr1 u1 c-addr2 u2 -- flag ) ROT OVER <> IF 2DROP DROP FALSE EXIT THEN
   0 ?DO OVER I + C@ OVER I + C@ <> IF 2DROP UNLOOP FALSE EXIT THEN LOOP 2DROP TRUE ;

\ CREATE-FILE WRITE-LINE WRITE-FILE CLOSE-FILE
T{ fn1 W/O CREATE-FILE SWAP fid1 ! -> 0 }T
T{ S" first line" fid1 @ WRITE-LINE -> 0 }T
T{ S" second" fid1 @ WRITE-FILE -> 0 }T
T{ S"  line" fid1 @ WRITE-LINE -> 0 }T
T{ S" " fid1 @ WRITE-LINE -> 0 }T
T{ S" last, no newline" fid1 @ WRITE-FILE -> 0 }T
T{ fid1 @ FLUSH-FILE -> 0 }T
T{ fid1 @ CLOSE-FILE -> 0 }T

\ OPEN-FILE READ-LINE: the terminator is not returned; an empty line is
\ (0 true 0); the end of the file is (0 false 0)
T{ fn1 R/O OPEN-FILE SWAP fid1 ! -> 0 }T
T{ buf 100 fid1 @ READ-LINE -> 10 TRUE 0 }T
T{ buf 10 S" first line" same -> TRUE }T
T{ buf 100 fid1 @ READ-LINE -> 11 TRUE 0 }T
T{ buf 11 S" second line" same -> TRUE }T
T{ buf 100 fid1 @ READ-LINE -> 0 TRUE 0 }T
T{ buf 100 fid1 @ READ-LINE -> 16 TRUE 0 }T
T{ buf 100 fid1 @ READ-LINE ROT DROP -> FALSE 0 }T
\ FILE-POSITION REPOSITION-FILE, and a line longer than the buffer
T{ fid1 @ FILE-POSITION -> 40 0 0 }T
T{ 0 0 fid1 @ REPOSITION-FILE -> 0 }T
T{ buf 5 fid1 @ READ-LINE -> 5 TRUE 0 }T
T{ buf 5 S" first" same -> TRUE }T
T{ buf 100 fid1 @ READ-LINE -> 5 TRUE 0 }T
T{ buf 5 S"  line" same -> TRUE }T
T{ fid1 @ FILE-SIZE -> 40 0 0 }T
T{ 6 0 fid1 @ REPOSITION-FILE -> 0 }T
T{ buf 4 fid1 @ READ-FILE -> 4 0 }T
T{ buf 4 S" line" same -> TRUE }T
T{ fid1 @ CLOSE-FILE -> 0 }T

\ R/W BIN, READ-FILE at the end, RESIZE-FILE
T{ fn2 R/W BIN CREATE-FILE SWAP fid2 ! -> 0 }T
: bytes ( -- c-addr u ) S\" a\x00b\x01\n\r\x7F" ;
T{ bytes fid2 @ WRITE-FILE -> 0 }T
T{ fid2 @ FLUSH-FILE -> 0 }T
T{ fid2 @ FILE-SIZE -> 7 0 0 }T
T{ 0 0 fid2 @ REPOSITION-FILE -> 0 }T
T{ buf 100 fid2 @ READ-FILE -> 7 0 }T
T{ buf 7 bytes same -> TRUE }T
T{ buf 100 fid2 @ READ-FILE -> 0 0 }T
T{ 3 0 fid2 @ RESIZE-FILE -> 0 }T
T{ fid2 @ FILE-SIZE -> 3 0 0 }T
T{ 10 0 fid2 @ RESIZE-FILE -> 0 }T
T{ 0 0 fid2 @ REPOSITION-FILE -> 0 }T
T{ buf 100 fid2 @ READ-FILE -> 10 0 }T
T{ buf 3 + C@ buf 9 + C@ -> 0 0 }T
T{ fid2 @ CLOSE-FILE -> 0 }T

\ FILE-STATUS RENAME-FILE DELETE-FILE, and the iors of missing files
T{ fn2 FILE-STATUS NIP -> 0 }T
T{ fn2 S" cf-renamed.bin" RENAME-FILE -> 0 }T
T{ fn2 FILE-STATUS NIP 0= -> FALSE }T
T{ S" cf-renamed.bin" DELETE-FILE -> 0 }T
T{ S" cf-renamed.bin" DELETE-FILE 0= -> FALSE }T
T{ S" cf-no-such-file" R/O OPEN-FILE 0= NIP -> FALSE }T

\ INCLUDED, INCLUDE, REQUIRED, REQUIRE and INCLUDE-FILE of a file this
\ program writes; SOURCE-ID in it is neither 0 nor -1; ( spans lines.
VARIABLE loads 0 loads !
T{ fn3 W/O CREATE-FILE SWAP fid1 ! -> 0 }T
T{ S" 1 loads +! ( a comment" fid1 @ WRITE-LINE -> 0 }T
T{ S"   on two lines ) SOURCE-ID DUP 0<> SWAP -1 <> AND CONSTANT srcid-ok" fid1 @ WRITE-LINE -> 0 }T
T{ S" 10 loads +!" fid1 @ WRITE-LINE -> 0 }T
T{ fid1 @ CLOSE-FILE -> 0 }T
T{ fn3 INCLUDED loads @ srcid-ok -> 11 TRUE }T
T{ fn3 REQUIRED loads @ -> 11 }T
T{ REQUIRE cf-three.fs loads @ -> 11 }T
T{ INCLUDE cf-three.fs loads @ -> 22 }T
T{ fn3 R/O OPEN-FILE SWAP fid1 ! -> 0 }T
T{ buf 100 fid1 @ READ-LINE -> 22 TRUE 0 }T
T{ buf 100 fid1 @ READ-LINE ROT DROP -> TRUE 0 }T
T{ fid1 @ INCLUDE-FILE loads @ -> 32 }T
T{ fn3 R/O OPEN-FILE SWAP INCLUDE-FILE loads @ -> 0 43 }T
T{ fn1 DELETE-FILE fn3 DELETE-FILE -> 0 0 }T

\ S\" escapes
T{ S\" \q\\\t" NIP -> 3 }T
T{ S\" \x41\x62" S" Ab" same -> TRUE }T
T{ S\" a\nb" DROP 1+ C@ -> 10 }T

REPORT
