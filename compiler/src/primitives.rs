//! The one table of primitives: words whose code the compiler emits inline.
//!
//! Each row holds every fact about one primitive that is data: its Rust
//! name, its Forth name, its data-stack effect, its float-stack effect, its
//! cost class and latency for the performance model, whether it is pure,
//! and its doc line (which the dictionary, `info` and the playground show).
//! The facts that are code, its emit arm above all, are per-primitive
//! `match`es without a wildcard (`emit::prim::emit`), so the compiler's
//! exhaustiveness check is what makes sure each is given. Adding a
//! primitive means adding one row here, then the arms the compiler asks
//! for.
//!
//! This module is a leaf: it imports nothing from the rest of the crate, so
//! the passes, the cost model and the emitter all read it without cycles.
//!
//! Guarantee: every primitive has an execution token in the kernel's table,
//! so `' DUP EXECUTE` behaves like `DUP`.

/// Invokes `$m!` with the whole primitive table.
///
/// A row is `Ident "NAME" (data) float Class latency purity "doc";`:
///
/// - `(data)` is the data-stack effect, `(inputs outputs)`, or `(dyn)` when
///   it depends on run-time values ([`Prim::effect`]);
/// - `float` is the float-stack effect, `[pops pushes fresh]` (`fresh`: the
///   new f64 locals its code takes), `[dyn]` for a word that looks at the
///   whole float stack, or `[]` for a word that does not touch it
///   ([`Prim::float_effect`]);
/// - `Class` is its [`CostClass`], `Bulk(k)` for a memory word whose cost
///   grows with the length `k` items below the top ([`Prim::cost_class`]);
/// - `latency` is the cycles from its inputs to its result
///   ([`Prim::latency`]);
/// - `purity` is `pure` or `impure` ([`Prim::is_pure`]).
#[macro_export]
macro_rules! for_each_primitive {
    ($m:ident) => {
        $m! {
            // Stack manipulation.
            Dup "DUP" (1 2) [] Stack 1 pure "( x -- x x ) Duplicate the top item.";
            Drop "DROP" (1 0) [] Stack 1 pure "( x -- ) Discard the top item.";
            Swap "SWAP" (2 2) [] Stack 1 pure "( x1 x2 -- x2 x1 ) Exchange the top two items.";
            Over "OVER" (2 3) [] Stack 1 pure "( x1 x2 -- x1 x2 x1 ) Copy the second item to the top.";
            Rot "ROT" (3 3) [] Stack 1 pure "( x1 x2 x3 -- x2 x3 x1 ) Rotate the third item to the top.";
            MinusRot "-ROT" (3 3) [] Stack 1 pure "( x1 x2 x3 -- x3 x1 x2 ) Rotate the top item to third place.";
            Nip "NIP" (2 1) [] Stack 1 pure "( x1 x2 -- x2 ) Drop the second item.";
            Tuck "TUCK" (2 3) [] Stack 1 pure "( x1 x2 -- x2 x1 x2 ) Copy the top item below the second.";
            TwoDup "2DUP" (2 4) [] Stack 1 pure "( x1 x2 -- x1 x2 x1 x2 ) Duplicate the top pair.";
            TwoDrop "2DROP" (2 0) [] Stack 1 pure "( x1 x2 -- ) Discard the top pair.";
            TwoSwap "2SWAP" (4 4) [] Stack 1 pure "( x1 x2 x3 x4 -- x3 x4 x1 x2 ) Exchange the top two pairs.";
            TwoOver "2OVER" (4 6) [] Stack 1 pure "( x1 x2 x3 x4 -- x1 x2 x3 x4 x1 x2 ) Copy the second pair.";
            QuestionDup "?DUP" (dyn) [] Stack 1 impure "( x -- 0 | x x ) Duplicate the top item if it is non-zero.";
            Pick "PICK" (dyn) [] Stack 1 impure "( xu ... x0 u -- xu ... x0 xu ) Copy the u-th item.";
            Roll "ROLL" (dyn) [] Stack 1 impure "( xu xu-1 ... x0 u -- xu-1 ... x0 xu ) Rotate the u-th item to the top.";
            Depth "DEPTH" (0 1) [] Stack 1 impure "( -- +n ) The number of items on the data stack.";
            ToR ">R" (1 0) [] Stack 1 impure "( x -- ) ( R: -- x ) Move an item to the return stack.";
            RFrom "R>" (0 1) [] Stack 1 impure "( -- x ) ( R: x -- ) Move an item from the return stack.";
            RFetch "R@" (0 1) [] Stack 1 impure "( -- x ) ( R: x -- x ) Copy the top of the return stack.";
            TwoToR "2>R" (2 0) [] Stack 1 impure "( x1 x2 -- ) ( R: -- x1 x2 ) Move a pair to the return stack.";
            TwoRFrom "2R>" (0 2) [] Stack 1 impure "( -- x1 x2 ) ( R: x1 x2 -- ) Move a pair from the return stack.";
            TwoRFetch "2R@" (0 2) [] Stack 1 impure "( -- x1 x2 ) ( R: x1 x2 -- x1 x2 ) Copy a pair from the return stack.";
            RDrop "RDROP" (0 0) [] Stack 1 impure "( R: x -- ) Discard the top of the return stack (gforth).";
            TwoRDrop "2RDROP" (0 0) [] Stack 1 impure "( R: x1 x2 -- ) Discard the top pair of the return stack (gforth).";
            LocalsAllot "(LOCALS-ALLOT)" (1 1) [] Arith 1 impure "( u -- addr ) ( R: -- frame ) Reserve u bytes on the return stack for address locals.";
            LocalsFree "(LOCALS-FREE)" (1 0) [] Arith 1 impure "( u -- ) ( R: frame -- ) Release the u bytes (LOCALS-ALLOT) reserved.";
            // Arithmetic.
            Add "+" (2 1) [] Arith 1 pure "( n1 n2 -- n3 ) Add.";
            Sub "-" (2 1) [] Arith 1 pure "( n1 n2 -- n3 ) Subtract.";
            Mul "*" (2 1) [] Arith 3 pure "( n1 n2 -- n3 ) Multiply.";
            Div "/" (2 1) [] Divide 20 impure "( n1 n2 -- n3 ) Floored quotient.";
            Mod "MOD" (2 1) [] Divide 20 impure "( n1 n2 -- n3 ) Floored remainder.";
            DivMod "/MOD" (2 2) [] Divide 20 impure "( n1 n2 -- n3 n4 ) Floored remainder and quotient.";
            StarSlash "*/" (3 1) [] Divide 20 impure "( n1 n2 n3 -- n4 ) n1*n2/n3 with a double intermediate, floored.";
            StarSlashMod "*/MOD" (3 2) [] Divide 20 impure "( n1 n2 n3 -- n4 n5 ) Remainder and quotient of n1*n2/n3, floored.";
            Negate "NEGATE" (1 1) [] Arith 1 pure "( n -- -n ) Negate.";
            Abs "ABS" (1 1) [] Arith 1 pure "( n -- u ) Absolute value.";
            Min "MIN" (2 1) [] Arith 1 pure "( n1 n2 -- n3 ) The lesser.";
            Max "MAX" (2 1) [] Arith 1 pure "( n1 n2 -- n3 ) The greater.";
            OnePlus "1+" (1 1) [] Arith 1 pure "( n -- n+1 ) Add one.";
            OneMinus "1-" (1 1) [] Arith 1 pure "( n -- n-1 ) Subtract one.";
            TwoStar "2*" (1 1) [] Arith 1 pure "( x -- x' ) Shift left by one bit.";
            TwoSlash "2/" (1 1) [] Arith 1 pure "( x -- x' ) Arithmetic shift right by one bit.";
            LShift "LSHIFT" (2 1) [] Arith 1 pure "( x u -- x' ) Logical shift left.";
            RShift "RSHIFT" (2 1) [] Arith 1 pure "( x u -- x' ) Logical shift right.";
            And "AND" (2 1) [] Arith 1 pure "( x1 x2 -- x3 ) Bitwise and.";
            Or "OR" (2 1) [] Arith 1 pure "( x1 x2 -- x3 ) Bitwise or.";
            Xor "XOR" (2 1) [] Arith 1 pure "( x1 x2 -- x3 ) Bitwise exclusive or.";
            Invert "INVERT" (1 1) [] Arith 1 pure "( x -- x' ) Bitwise complement.";
            MStar "M*" (2 2) [] Arith 3 pure "( n1 n2 -- d ) Signed multiply to a double.";
            UmStar "UM*" (2 2) [] Arith 3 pure "( u1 u2 -- ud ) Unsigned multiply to a double.";
            UmSlashMod "UM/MOD" (3 2) [] Divide 20 impure "( ud u -- urem uquot ) Unsigned division of a double.";
            SmSlashRem "SM/REM" (3 2) [] Divide 20 impure "( d n -- rem quot ) Symmetric division of a double.";
            FmSlashMod "FM/MOD" (3 2) [] Divide 20 impure "( d n -- rem quot ) Floored division of a double.";
            SToD "S>D" (1 2) [] Arith 1 pure "( n -- d ) Sign-extend to a double.";
            // Comparison.
            Eq "=" (2 1) [] Arith 1 pure "( x1 x2 -- flag ) Equal.";
            Ne "<>" (2 1) [] Arith 1 pure "( x1 x2 -- flag ) Not equal.";
            Lt "<" (2 1) [] Arith 1 pure "( n1 n2 -- flag ) Signed less than.";
            Gt ">" (2 1) [] Arith 1 pure "( n1 n2 -- flag ) Signed greater than.";
            ULt "U<" (2 1) [] Arith 1 pure "( u1 u2 -- flag ) Unsigned less than.";
            UGt "U>" (2 1) [] Arith 1 pure "( u1 u2 -- flag ) Unsigned greater than.";
            ZeroEq "0=" (1 1) [] Arith 1 pure "( x -- flag ) Zero.";
            ZeroNe "0<>" (1 1) [] Arith 1 pure "( x -- flag ) Not zero.";
            ZeroLt "0<" (1 1) [] Arith 1 pure "( n -- flag ) Negative.";
            ZeroGt "0>" (1 1) [] Arith 1 pure "( n -- flag ) Positive.";
            Le "<=" (2 1) [] Arith 1 pure "( n1 n2 -- flag ) Signed less than or equal (gforth).";
            Ge ">=" (2 1) [] Arith 1 pure "( n1 n2 -- flag ) Signed greater than or equal (gforth).";
            ULe "U<=" (2 1) [] Arith 1 pure "( u1 u2 -- flag ) Unsigned less than or equal (gforth).";
            UGe "U>=" (2 1) [] Arith 1 pure "( u1 u2 -- flag ) Unsigned greater than or equal (gforth).";
            UEq "U=" (2 1) [] Arith 1 pure "( u1 u2 -- flag ) Equal, as = (gforth).";
            UNe "U<>" (2 1) [] Arith 1 pure "( u1 u2 -- flag ) Not equal, as <> (gforth).";
            ZeroLe "0<=" (1 1) [] Arith 1 pure "( n -- flag ) Zero or negative (gforth).";
            ZeroGe "0>=" (1 1) [] Arith 1 pure "( n -- flag ) Zero or positive (gforth).";
            Within "WITHIN" (3 1) [] Arith 1 pure "( n lo hi -- flag ) lo <= n < hi, circularly.";
            True "TRUE" (0 1) [] Arith 1 pure "( -- true ) All bits set.";
            False "FALSE" (0 1) [] Arith 1 pure "( -- false ) No bits set.";
            Bl "BL" (0 1) [] Arith 1 pure "( -- char ) The space character.";
            // Memory.
            Fetch "@" (1 1) [] Memory 4 impure "( a-addr -- x ) Fetch a cell.";
            Store "!" (2 0) [] Memory 1 impure "( x a-addr -- ) Store a cell.";
            CFetch "C@" (1 1) [] Memory 4 impure "( c-addr -- char ) Fetch a character.";
            CStore "C!" (2 0) [] Memory 1 impure "( char c-addr -- ) Store a character.";
            AddStore "+!" (2 0) [] Memory 1 impure "( n a-addr -- ) Add to a cell in memory.";
            TwoFetch "2@" (1 2) [] Memory 4 impure "( a-addr -- x1 x2 ) Fetch a cell pair.";
            TwoStore "2!" (3 0) [] Memory 1 impure "( x1 x2 a-addr -- ) Store a cell pair.";
            Comma "," (1 0) [] Memory 1 impure "( x -- ) Append a cell to data space.";
            CComma "C," (1 0) [] Memory 1 impure "( char -- ) Append a character to data space.";
            Allot "ALLOT" (1 0) [] Arith 1 impure "( n -- ) Reserve n bytes of data space.";
            Align "ALIGN" (0 0) [] Arith 1 impure "( -- ) Align HERE to a cell boundary.";
            Aligned "ALIGNED" (1 1) [] Arith 1 pure "( addr -- a-addr ) Round up to a cell boundary.";
            Here "HERE" (0 1) [] Arith 1 impure "( -- addr ) The data-space pointer.";
            Unused "UNUSED" (0 1) [] Arith 1 impure "( -- u ) Bytes left in data space.";
            CellPlus "CELL+" (1 1) [] Arith 1 pure "( a-addr -- a-addr' ) Add the size of a cell.";
            Cells "CELLS" (1 1) [] Arith 1 pure "( n -- n' ) Size of n cells.";
            CharPlus "CHAR+" (1 1) [] Arith 1 pure "( c-addr -- c-addr' ) Add the size of a character.";
            Chars "CHARS" (1 1) [] Arith 1 pure "( n -- n' ) Size of n characters.";
            Fill "FILL" (3 0) [] Bulk(1) 1 impure "( c-addr u char -- ) Fill memory with a character.";
            Erase "ERASE" (2 0) [] Bulk(0) 1 impure "( addr u -- ) Fill memory with zero bytes.";
            Move "MOVE" (3 0) [] Bulk(0) 1 impure "( addr1 addr2 u -- ) Copy u bytes, correct for overlap.";
            CMove "CMOVE" (3 0) [] Bulk(0) 1 impure "( c-addr1 c-addr2 u -- ) Copy characters from low to high addresses.";
            CMoveUp "CMOVE>" (3 0) [] Bulk(0) 1 impure "( c-addr1 c-addr2 u -- ) Copy characters from high to low addresses.";
            Count "COUNT" (1 2) [] Memory 4 impure "( c-addr -- c-addr' u ) Address and length of a counted string.";
            ToBody ">BODY" (1 1) [] Arith 1 impure "( xt -- a-addr ) The data field of a CREATEd word.";
            DeferFetch "DEFER@" (1 1) [] Memory 4 impure "( xt1 -- xt2 ) The xt a deferred word executes.";
            DeferStore "DEFER!" (2 0) [] Memory 1 impure "( xt2 xt1 -- ) Set the xt a deferred word executes.";
            // System variables.
            State "STATE" (0 1) [] Arith 1 impure "( -- a-addr ) Address of the compilation-state flag.";
            Base "BASE" (0 1) [] Arith 1 impure "( -- a-addr ) Address of the number-conversion radix.";
            ToIn ">IN" (0 1) [] Arith 1 impure "( -- a-addr ) Address of the parse-area offset.";
            Source "SOURCE" (0 2) [] Arith 1 impure "( -- c-addr u ) The current input buffer.";
            SourceId "SOURCE-ID" (0 1) [] Arith 1 impure "( -- 0 | -1 | fileid ) Identifies the input source.";
            Pad "PAD" (0 1) [] Arith 1 impure "( -- c-addr ) A scratch buffer.";
            Hld "HLD" (0 1) [] Arith 1 impure "( -- a-addr ) Address of the pictured-output pointer.";
            // Control.
            Execute "EXECUTE" (dyn) [] Call 1 impure "( i*x xt -- j*x ) Execute an execution token.";
            // DOUBLE: double-cell arithmetic (emit/prim.rs: `double`).
            DPlus "D+" (4 2) [] Arith 1 pure "( d1 d2 -- d3 ) Add doubles.";
            DMinus "D-" (4 2) [] Arith 1 pure "( d1 d2 -- d3 ) Subtract doubles.";
            DNegate "DNEGATE" (2 2) [] Arith 1 pure "( d -- -d ) Negate a double.";
            DAbs "DABS" (2 2) [] Arith 1 pure "( d -- ud ) Absolute value of a double.";
            DTwoStar "D2*" (2 2) [] Arith 1 pure "( xd -- xd' ) Shift a double left by one bit.";
            DTwoSlash "D2/" (2 2) [] Arith 1 pure "( xd -- xd' ) Arithmetic shift right of a double by one bit.";
            DMax "DMAX" (4 2) [] Arith 1 pure "( d1 d2 -- d3 ) The greater double.";
            DMin "DMIN" (4 2) [] Arith 1 pure "( d1 d2 -- d3 ) The lesser double.";
            MPlus "M+" (3 2) [] Arith 1 pure "( d n -- d' ) Add a single to a double.";
            DToS "D>S" (2 1) [] Arith 1 pure "( d -- n ) The low cell of a double.";
            DZeroEq "D0=" (2 1) [] Arith 1 pure "( xd -- flag ) Double is zero.";
            DZeroLt "D0<" (2 1) [] Arith 1 pure "( d -- flag ) Double is negative.";
            DEq "D=" (4 1) [] Arith 1 pure "( xd1 xd2 -- flag ) Doubles are equal.";
            DLt "D<" (4 1) [] Arith 1 pure "( d1 d2 -- flag ) Signed double less than.";
            DULt "DU<" (4 1) [] Arith 1 pure "( ud1 ud2 -- flag ) Unsigned double less than.";
            // Floating point (FLOATING-POINT and FLOATING-POINT EXT). The data
            // effects count data-stack items only; the float column gives what
            // each word does to the float stack (in memory at the global
            // `fsp`, its top cached in f64 locals: `emit::float`).
            FLit "(FLIT)" (2 0) [0 1 1] Arith 1 impure "( x-lo x-hi -- ) ( F: -- r ) Push the float whose IEEE bits are the pair.";
            FBits "(FBITS)" (0 2) [1 0 0] Arith 1 impure "( -- x-lo x-hi ) ( F: r -- ) The IEEE bits of a float, as a pair (the inverse of (FLIT)).";
            FAdd "F+" (0 0) [2 1 1] Arith 1 impure "( F: r1 r2 -- r3 ) Add.";
            FSub "F-" (0 0) [2 1 1] Arith 1 impure "( F: r1 r2 -- r3 ) Subtract.";
            FMul "F*" (0 0) [2 1 1] Arith 1 impure "( F: r1 r2 -- r3 ) Multiply.";
            FDiv "F/" (0 0) [2 1 1] Arith 1 impure "( F: r1 r2 -- r3 ) Divide.";
            FNegate "FNEGATE" (0 0) [1 1 1] Arith 1 impure "( F: r -- -r ) Negate.";
            FAbs "FABS" (0 0) [1 1 1] Arith 1 impure "( F: r -- |r| ) Absolute value.";
            FMax "FMAX" (0 0) [2 1 1] Arith 1 impure "( F: r1 r2 -- r3 ) The greater.";
            FMin "FMIN" (0 0) [2 1 1] Arith 1 impure "( F: r1 r2 -- r3 ) The lesser.";
            FSqrt "FSQRT" (0 0) [1 1 1] Arith 1 impure "( F: r1 -- r2 ) Square root.";
            Floor "FLOOR" (0 0) [1 1 1] Arith 1 impure "( F: r1 -- r2 ) Round toward negative infinity.";
            FRound "FROUND" (0 0) [1 1 1] Arith 1 impure "( F: r1 -- r2 ) Round to the nearest integer, ties to even.";
            FTrunc "FTRUNC" (0 0) [1 1 1] Arith 1 impure "( F: r1 -- r2 ) Round toward zero.";
            FLt "F<" (0 1) [2 0 0] Arith 1 impure "( -- flag ) ( F: r1 r2 -- ) r1 < r2.";
            FGt "F>" (0 1) [2 0 0] Arith 1 impure "( -- flag ) ( F: r1 r2 -- ) r1 > r2.";
            FEq "F=" (0 1) [2 0 0] Arith 1 impure "( -- flag ) ( F: r1 r2 -- ) r1 = r2.";
            FZeroLt "F0<" (0 1) [1 0 0] Arith 1 impure "( -- flag ) ( F: r -- ) r < 0.";
            FZeroEq "F0=" (0 1) [1 0 0] Arith 1 impure "( -- flag ) ( F: r -- ) r = 0.";
            FZeroGt "F0>" (0 1) [1 0 0] Arith 1 impure "( -- flag ) ( F: r -- ) r > 0.";
            FNe "F<>" (0 1) [2 0 0] Arith 1 impure "( -- flag ) ( F: r1 r2 -- ) r1 <> r2, true if either is a NaN (gforth).";
            FLe "F<=" (0 1) [2 0 0] Arith 1 impure "( -- flag ) ( F: r1 r2 -- ) r1 <= r2 (gforth).";
            FGe "F>=" (0 1) [2 0 0] Arith 1 impure "( -- flag ) ( F: r1 r2 -- ) r1 >= r2 (gforth).";
            FZeroNe "F0<>" (0 1) [1 0 0] Arith 1 impure "( -- flag ) ( F: r -- ) r <> 0, true for a NaN (gforth).";
            FZeroLe "F0<=" (0 1) [1 0 0] Arith 1 impure "( -- flag ) ( F: r -- ) r <= 0 (gforth).";
            FZeroGe "F0>=" (0 1) [1 0 0] Arith 1 impure "( -- flag ) ( F: r -- ) r >= 0 (gforth).";
            FFetch "F@" (1 0) [0 1 1] Arith 1 impure "( f-addr -- ) ( F: -- r ) Fetch a float.";
            FStore "F!" (1 0) [1 0 0] Arith 1 impure "( f-addr -- ) ( F: r -- ) Store a float.";
            SFFetch "SF@" (1 0) [0 1 1] Arith 1 impure "( sf-addr -- ) ( F: -- r ) Fetch a 32-bit float.";
            SFStore "SF!" (1 0) [1 0 0] Arith 1 impure "( sf-addr -- ) ( F: r -- ) Store r as a 32-bit float.";
            DFFetch "DF@" (1 0) [0 1 1] Arith 1 impure "( df-addr -- ) ( F: -- r ) Fetch a 64-bit float.";
            DFStore "DF!" (1 0) [1 0 0] Arith 1 impure "( df-addr -- ) ( F: r -- ) Store a 64-bit float.";
            FComma "F," (0 0) [1 0 0] Arith 1 impure "( F: r -- ) Append a float to data space.";
            FDup "FDUP" (0 0) [1 2 0] Arith 1 impure "( F: r -- r r ) Duplicate the top float.";
            FDrop "FDROP" (0 0) [1 0 0] Arith 1 impure "( F: r -- ) Discard the top float.";
            FSwap "FSWAP" (0 0) [2 2 0] Arith 1 impure "( F: r1 r2 -- r2 r1 ) Exchange the top two floats.";
            FOver "FOVER" (0 0) [2 3 0] Arith 1 impure "( F: r1 r2 -- r1 r2 r1 ) Copy the second float.";
            FRot "FROT" (0 0) [3 3 0] Arith 1 impure "( F: r1 r2 r3 -- r2 r3 r1 ) Rotate the third float to the top.";
            FMinusRot "-FROT" (0 0) [3 3 0] Arith 1 impure "( F: r1 r2 r3 -- r3 r1 r2 ) Rotate the top float to third place.";
            FNip "FNIP" (0 0) [2 1 0] Arith 1 impure "( F: r1 r2 -- r2 ) Drop the second float.";
            FTuck "FTUCK" (0 0) [2 3 0] Arith 1 impure "( F: r1 r2 -- r2 r1 r2 ) Copy the top float below the second.";
            FPick "FPICK" (1 0) [dyn] Arith 1 impure "( u -- ) ( F: ru ... r0 -- ru ... r0 ru ) Copy the u-th float.";
            FDepth "FDEPTH" (0 1) [0 0 0] Arith 1 impure "( -- +n ) The number of floats on the float stack.";
            FToD "F>D" (0 2) [1 0 0] Arith 1 impure "( -- d ) ( F: r -- ) Truncate to a double.";
            DToF "D>F" (2 0) [0 1 1] Arith 1 impure "( d -- ) ( F: -- r ) Convert a double.";
            FToS "F>S" (0 1) [1 0 0] Arith 1 impure "( -- n ) ( F: r -- ) Truncate to a cell.";
            SToF "S>F" (1 0) [0 1 1] Arith 1 impure "( n -- ) ( F: -- r ) Convert a cell.";
            Floats "FLOATS" (1 1) [] Arith 1 impure "( n1 -- n2 ) Size of n1 floats.";
            FloatPlus "FLOAT+" (1 1) [] Arith 1 impure "( f-addr1 -- f-addr2 ) Add the size of a float.";
            FAlign "FALIGN" (0 0) [] Arith 1 impure "( -- ) Align HERE for a float.";
            FAligned "FALIGNED" (1 1) [] Arith 1 impure "( addr -- f-addr ) Round up to a float boundary.";
            SFloats "SFLOATS" (1 1) [] Arith 1 impure "( n1 -- n2 ) Size of n1 32-bit floats.";
            SFloatPlus "SFLOAT+" (1 1) [] Arith 1 impure "( sf-addr1 -- sf-addr2 ) Add the size of a 32-bit float.";
            SFAlign "SFALIGN" (0 0) [] Arith 1 impure "( -- ) Align HERE for a 32-bit float.";
            SFAligned "SFALIGNED" (1 1) [] Arith 1 impure "( addr -- sf-addr ) Round up to a 32-bit float boundary.";
            DFloats "DFLOATS" (1 1) [] Arith 1 impure "( n1 -- n2 ) Size of n1 64-bit floats.";
            DFloatPlus "DFLOAT+" (1 1) [] Arith 1 impure "( df-addr1 -- df-addr2 ) Add the size of a 64-bit float.";
            DFAlign "DFALIGN" (0 0) [] Arith 1 impure "( -- ) Align HERE for a 64-bit float.";
            DFAligned "DFALIGNED" (1 1) [] Arith 1 impure "( addr -- df-addr ) Round up to a 64-bit float boundary.";
        }
    };
}

macro_rules! define_prims {
    ($($id:ident $name:literal ($($effect:tt)*) [$($float:tt)*] $class:ident $(($len:literal))? $lat:literal $purity:ident $doc:literal;)*) => {
        /// A primitive word, emitted inline.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum Prim {
            $(#[doc = $doc] $id,)*
        }

        impl Prim {
            /// Every primitive, in table order; the kernel gives them xts in this order.
            pub const ALL: &'static [Prim] = &[$(Prim::$id,)*];

            /// The Forth name.
            pub fn name(self) -> &'static str {
                match self { $(Prim::$id => $name,)* }
            }

            /// The doc line, beginning with the stack comment.
            pub fn doc(self) -> &'static str {
                match self { $(Prim::$id => $doc,)* }
            }

            /// The static data-stack effect `(inputs, outputs)`, or `None` if dynamic.
            pub fn effect(self) -> Option<(u8, u8)> {
                match self { $(Prim::$id => define_prims!(@effect $($effect)*),)* }
            }

            /// What it does to the float stack.
            pub fn float_effect(self) -> FloatEffect {
                match self { $(Prim::$id => define_prims!(@float $($float)*),)* }
            }

            /// Its class in the performance model.
            pub fn cost_class(self) -> CostClass {
                match self { $(Prim::$id => CostClass::$class $(($len))?,)* }
            }

            /// Cycles from its inputs to its results, on a current
            /// out-of-order x86-64 or AArch64 core (rounded textbook
            /// figures: 1 for arithmetic, 3 for a multiply, 4 for a load, 20
            /// for a division).
            pub fn latency(self) -> u32 {
                match self { $(Prim::$id => $lat,)* }
            }

            /// Whether it only computes on the data stack: it cannot fault,
            /// has no side effect and reads nothing but its arguments, so
            /// running it before or after a check of the stack's depth is
            /// the same.
            pub fn is_pure(self) -> bool {
                match self { $(Prim::$id => define_prims!(@purity $purity),)* }
            }
        }
    };
    (@effect dyn) => { None };
    (@effect $i:literal $o:literal) => { Some(($i, $o)) };
    (@float) => { FloatEffect::Untouched };
    (@float dyn) => { FloatEffect::Dynamic };
    (@float $pops:literal $pushes:literal $fresh:literal) => {
        FloatEffect::Static { pops: $pops, pushes: $pushes, fresh: $fresh }
    };
    (@purity pure) => { true };
    (@purity impure) => { false };
}

/// What a primitive does to the float stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatEffect {
    /// It does not touch the float stack.
    Untouched,
    /// It pops `pops` floats, then pushes `pushes`, and its code takes
    /// `fresh` new f64 locals for what it pushes.
    Static {
        /// Floats taken.
        pops: u8,
        /// Floats left.
        pushes: u8,
        /// New f64 locals of the float cache its code uses.
        fresh: u8,
    },
    /// It looks at the whole float stack (`FPICK`).
    Dynamic,
}

impl FloatEffect {
    /// Whether the word works on the float stack at all.
    pub fn touches(self) -> bool {
        self != FloatEffect::Untouched
    }
}

/// The class of a primitive in the performance model (`cost::OpClass`,
/// which adds the classes of calls, branches and host words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostClass {
    /// Arithmetic, logic, comparisons, constants, and the float words.
    Arith,
    /// Division and remainder.
    Divide,
    /// Memory reads and writes.
    Memory,
    /// A memory word whose cost grows with its length argument, this many
    /// items below the top (`FILL`, `ERASE`, `MOVE`, `CMOVE`, `CMOVE>`):
    /// a memory op, and each 64 bytes it touches a bulk unit.
    Bulk(u8),
    /// Stack shuffles and the return stack, in words that keep the memory
    /// stack.
    Stack,
    /// `EXECUTE`.
    Call,
}

for_each_primitive!(define_prims);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_upper_case() {
        let mut seen = std::collections::HashSet::new();
        for p in Prim::ALL {
            assert!(seen.insert(p.name()), "duplicate {}", p.name());
            assert_eq!(p.name(), p.name().to_ascii_uppercase());
        }
    }

    #[test]
    fn docs_start_with_a_stack_comment() {
        for p in Prim::ALL {
            assert!(p.doc().starts_with("( "), "{}", p.name());
        }
    }

    #[test]
    fn effects_are_known_except_for_dynamic_words() {
        assert_eq!(Prim::Dup.effect(), Some((1, 2)));
        assert_eq!(Prim::Pick.effect(), None);
        assert_eq!(Prim::Execute.effect(), None);
    }
}
