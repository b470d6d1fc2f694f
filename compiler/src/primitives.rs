//! The one table of primitives: words whose code the compiler emits inline.
//!
//! Each row gives the Rust name, the Forth name, the stack effect (inputs
//! and outputs, or `dynamic` for words whose effect depends on run-time
//! values), and a doc line. The dictionary, the IR, the emitter and the docs
//! all expand this table, so adding a primitive means adding one row here and
//! one arm to `emit::prim`.
//!
//! Guarantee: every primitive has an execution token in the kernel's table,
//! so `' DUP EXECUTE` behaves like `DUP`.

/// Invokes `$m!` with the whole primitive table.
///
/// Rows are `Ident "NAME" (inputs outputs) "doc";`, with `(dyn)` for a
/// dynamic stack effect.
#[macro_export]
macro_rules! for_each_primitive {
    ($m:ident) => {
        $m! {
            // Stack manipulation.
            Dup "DUP" (1 2) "( x -- x x ) Duplicate the top item.";
            Drop "DROP" (1 0) "( x -- ) Discard the top item.";
            Swap "SWAP" (2 2) "( x1 x2 -- x2 x1 ) Exchange the top two items.";
            Over "OVER" (2 3) "( x1 x2 -- x1 x2 x1 ) Copy the second item to the top.";
            Rot "ROT" (3 3) "( x1 x2 x3 -- x2 x3 x1 ) Rotate the third item to the top.";
            MinusRot "-ROT" (3 3) "( x1 x2 x3 -- x3 x1 x2 ) Rotate the top item to third place.";
            Nip "NIP" (2 1) "( x1 x2 -- x2 ) Drop the second item.";
            Tuck "TUCK" (2 3) "( x1 x2 -- x2 x1 x2 ) Copy the top item below the second.";
            TwoDup "2DUP" (2 4) "( x1 x2 -- x1 x2 x1 x2 ) Duplicate the top pair.";
            TwoDrop "2DROP" (2 0) "( x1 x2 -- ) Discard the top pair.";
            TwoSwap "2SWAP" (4 4) "( x1 x2 x3 x4 -- x3 x4 x1 x2 ) Exchange the top two pairs.";
            TwoOver "2OVER" (4 6) "( x1 x2 x3 x4 -- x1 x2 x3 x4 x1 x2 ) Copy the second pair.";
            QuestionDup "?DUP" (dyn) "( x -- 0 | x x ) Duplicate the top item if it is non-zero.";
            Pick "PICK" (dyn) "( xu ... x0 u -- xu ... x0 xu ) Copy the u-th item.";
            Roll "ROLL" (dyn) "( xu xu-1 ... x0 u -- xu-1 ... x0 xu ) Rotate the u-th item to the top.";
            Depth "DEPTH" (0 1) "( -- +n ) The number of items on the data stack.";
            ToR ">R" (1 0) "( x -- ) ( R: -- x ) Move an item to the return stack.";
            RFrom "R>" (0 1) "( -- x ) ( R: x -- ) Move an item from the return stack.";
            RFetch "R@" (0 1) "( -- x ) ( R: x -- x ) Copy the top of the return stack.";
            TwoToR "2>R" (2 0) "( x1 x2 -- ) ( R: -- x1 x2 ) Move a pair to the return stack.";
            TwoRFrom "2R>" (0 2) "( -- x1 x2 ) ( R: x1 x2 -- ) Move a pair from the return stack.";
            TwoRFetch "2R@" (0 2) "( -- x1 x2 ) ( R: x1 x2 -- x1 x2 ) Copy a pair from the return stack.";
            RDrop "RDROP" (0 0) "( R: x -- ) Discard the top of the return stack (gforth).";
            TwoRDrop "2RDROP" (0 0) "( R: x1 x2 -- ) Discard the top pair of the return stack (gforth).";
            LocalsAllot "(LOCALS-ALLOT)" (1 1) "( u -- addr ) ( R: -- frame ) Reserve u bytes on the return stack for address locals.";
            LocalsFree "(LOCALS-FREE)" (1 0) "( u -- ) ( R: frame -- ) Release the u bytes (LOCALS-ALLOT) reserved.";
            // Arithmetic.
            Add "+" (2 1) "( n1 n2 -- n3 ) Add.";
            Sub "-" (2 1) "( n1 n2 -- n3 ) Subtract.";
            Mul "*" (2 1) "( n1 n2 -- n3 ) Multiply.";
            Div "/" (2 1) "( n1 n2 -- n3 ) Floored quotient.";
            Mod "MOD" (2 1) "( n1 n2 -- n3 ) Floored remainder.";
            DivMod "/MOD" (2 2) "( n1 n2 -- n3 n4 ) Floored remainder and quotient.";
            StarSlash "*/" (3 1) "( n1 n2 n3 -- n4 ) n1*n2/n3 with a double intermediate, floored.";
            StarSlashMod "*/MOD" (3 2) "( n1 n2 n3 -- n4 n5 ) Remainder and quotient of n1*n2/n3, floored.";
            Negate "NEGATE" (1 1) "( n -- -n ) Negate.";
            Abs "ABS" (1 1) "( n -- u ) Absolute value.";
            Min "MIN" (2 1) "( n1 n2 -- n3 ) The lesser.";
            Max "MAX" (2 1) "( n1 n2 -- n3 ) The greater.";
            OnePlus "1+" (1 1) "( n -- n+1 ) Add one.";
            OneMinus "1-" (1 1) "( n -- n-1 ) Subtract one.";
            TwoStar "2*" (1 1) "( x -- x' ) Shift left by one bit.";
            TwoSlash "2/" (1 1) "( x -- x' ) Arithmetic shift right by one bit.";
            LShift "LSHIFT" (2 1) "( x u -- x' ) Logical shift left.";
            RShift "RSHIFT" (2 1) "( x u -- x' ) Logical shift right.";
            And "AND" (2 1) "( x1 x2 -- x3 ) Bitwise and.";
            Or "OR" (2 1) "( x1 x2 -- x3 ) Bitwise or.";
            Xor "XOR" (2 1) "( x1 x2 -- x3 ) Bitwise exclusive or.";
            Invert "INVERT" (1 1) "( x -- x' ) Bitwise complement.";
            MStar "M*" (2 2) "( n1 n2 -- d ) Signed multiply to a double.";
            UmStar "UM*" (2 2) "( u1 u2 -- ud ) Unsigned multiply to a double.";
            UmSlashMod "UM/MOD" (3 2) "( ud u -- urem uquot ) Unsigned division of a double.";
            SmSlashRem "SM/REM" (3 2) "( d n -- rem quot ) Symmetric division of a double.";
            FmSlashMod "FM/MOD" (3 2) "( d n -- rem quot ) Floored division of a double.";
            SToD "S>D" (1 2) "( n -- d ) Sign-extend to a double.";
            // Comparison.
            Eq "=" (2 1) "( x1 x2 -- flag ) Equal.";
            Ne "<>" (2 1) "( x1 x2 -- flag ) Not equal.";
            Lt "<" (2 1) "( n1 n2 -- flag ) Signed less than.";
            Gt ">" (2 1) "( n1 n2 -- flag ) Signed greater than.";
            ULt "U<" (2 1) "( u1 u2 -- flag ) Unsigned less than.";
            UGt "U>" (2 1) "( u1 u2 -- flag ) Unsigned greater than.";
            ZeroEq "0=" (1 1) "( x -- flag ) Zero.";
            ZeroNe "0<>" (1 1) "( x -- flag ) Not zero.";
            ZeroLt "0<" (1 1) "( n -- flag ) Negative.";
            ZeroGt "0>" (1 1) "( n -- flag ) Positive.";
            Le "<=" (2 1) "( n1 n2 -- flag ) Signed less than or equal (gforth).";
            Ge ">=" (2 1) "( n1 n2 -- flag ) Signed greater than or equal (gforth).";
            ULe "U<=" (2 1) "( u1 u2 -- flag ) Unsigned less than or equal (gforth).";
            UGe "U>=" (2 1) "( u1 u2 -- flag ) Unsigned greater than or equal (gforth).";
            UEq "U=" (2 1) "( u1 u2 -- flag ) Equal, as = (gforth).";
            UNe "U<>" (2 1) "( u1 u2 -- flag ) Not equal, as <> (gforth).";
            ZeroLe "0<=" (1 1) "( n -- flag ) Zero or negative (gforth).";
            ZeroGe "0>=" (1 1) "( n -- flag ) Zero or positive (gforth).";
            Within "WITHIN" (3 1) "( n lo hi -- flag ) lo <= n < hi, circularly.";
            True "TRUE" (0 1) "( -- true ) All bits set.";
            False "FALSE" (0 1) "( -- false ) No bits set.";
            Bl "BL" (0 1) "( -- char ) The space character.";
            // Memory.
            Fetch "@" (1 1) "( a-addr -- x ) Fetch a cell.";
            Store "!" (2 0) "( x a-addr -- ) Store a cell.";
            CFetch "C@" (1 1) "( c-addr -- char ) Fetch a character.";
            CStore "C!" (2 0) "( char c-addr -- ) Store a character.";
            AddStore "+!" (2 0) "( n a-addr -- ) Add to a cell in memory.";
            TwoFetch "2@" (1 2) "( a-addr -- x1 x2 ) Fetch a cell pair.";
            TwoStore "2!" (3 0) "( x1 x2 a-addr -- ) Store a cell pair.";
            Comma "," (1 0) "( x -- ) Append a cell to data space.";
            CComma "C," (1 0) "( char -- ) Append a character to data space.";
            Allot "ALLOT" (1 0) "( n -- ) Reserve n bytes of data space.";
            Align "ALIGN" (0 0) "( -- ) Align HERE to a cell boundary.";
            Aligned "ALIGNED" (1 1) "( addr -- a-addr ) Round up to a cell boundary.";
            Here "HERE" (0 1) "( -- addr ) The data-space pointer.";
            Unused "UNUSED" (0 1) "( -- u ) Bytes left in data space.";
            CellPlus "CELL+" (1 1) "( a-addr -- a-addr' ) Add the size of a cell.";
            Cells "CELLS" (1 1) "( n -- n' ) Size of n cells.";
            CharPlus "CHAR+" (1 1) "( c-addr -- c-addr' ) Add the size of a character.";
            Chars "CHARS" (1 1) "( n -- n' ) Size of n characters.";
            Fill "FILL" (3 0) "( c-addr u char -- ) Fill memory with a character.";
            Erase "ERASE" (2 0) "( addr u -- ) Fill memory with zero bytes.";
            Move "MOVE" (3 0) "( addr1 addr2 u -- ) Copy u bytes, correct for overlap.";
            CMove "CMOVE" (3 0) "( c-addr1 c-addr2 u -- ) Copy characters from low to high addresses.";
            CMoveUp "CMOVE>" (3 0) "( c-addr1 c-addr2 u -- ) Copy characters from high to low addresses.";
            Count "COUNT" (1 2) "( c-addr -- c-addr' u ) Address and length of a counted string.";
            ToBody ">BODY" (1 1) "( xt -- a-addr ) The data field of a CREATEd word.";
            DeferFetch "DEFER@" (1 1) "( xt1 -- xt2 ) The xt a deferred word executes.";
            DeferStore "DEFER!" (2 0) "( xt2 xt1 -- ) Set the xt a deferred word executes.";
            // System variables.
            State "STATE" (0 1) "( -- a-addr ) Address of the compilation-state flag.";
            Base "BASE" (0 1) "( -- a-addr ) Address of the number-conversion radix.";
            ToIn ">IN" (0 1) "( -- a-addr ) Address of the parse-area offset.";
            Source "SOURCE" (0 2) "( -- c-addr u ) The current input buffer.";
            SourceId "SOURCE-ID" (0 1) "( -- 0 | -1 | fileid ) Identifies the input source.";
            Pad "PAD" (0 1) "( -- c-addr ) A scratch buffer.";
            Hld "HLD" (0 1) "( -- a-addr ) Address of the pictured-output pointer.";
            // Control.
            Execute "EXECUTE" (dyn) "( i*x xt -- j*x ) Execute an execution token.";
            // DOUBLE: double-cell arithmetic (emit/prim.rs: `double`).
            DPlus "D+" (4 2) "( d1 d2 -- d3 ) Add doubles.";
            DMinus "D-" (4 2) "( d1 d2 -- d3 ) Subtract doubles.";
            DNegate "DNEGATE" (2 2) "( d -- -d ) Negate a double.";
            DAbs "DABS" (2 2) "( d -- ud ) Absolute value of a double.";
            DTwoStar "D2*" (2 2) "( xd -- xd' ) Shift a double left by one bit.";
            DTwoSlash "D2/" (2 2) "( xd -- xd' ) Arithmetic shift right of a double by one bit.";
            DMax "DMAX" (4 2) "( d1 d2 -- d3 ) The greater double.";
            DMin "DMIN" (4 2) "( d1 d2 -- d3 ) The lesser double.";
            MPlus "M+" (3 2) "( d n -- d' ) Add a single to a double.";
            DToS "D>S" (2 1) "( d -- n ) The low cell of a double.";
            DZeroEq "D0=" (2 1) "( xd -- flag ) Double is zero.";
            DZeroLt "D0<" (2 1) "( d -- flag ) Double is negative.";
            DEq "D=" (4 1) "( xd1 xd2 -- flag ) Doubles are equal.";
            DLt "D<" (4 1) "( d1 d2 -- flag ) Signed double less than.";
            DULt "DU<" (4 1) "( ud1 ud2 -- flag ) Unsigned double less than.";
            // Floating point (FLOATING-POINT and FLOATING-POINT EXT). The
            // effects count data-stack items only; every float word works on
            // the float stack in memory at the global `fsp`.
            FLit "(FLIT)" (2 0) "( x-lo x-hi -- ) ( F: -- r ) Push the float whose IEEE bits are the pair.";
            FBits "(FBITS)" (0 2) "( -- x-lo x-hi ) ( F: r -- ) The IEEE bits of a float, as a pair (the inverse of (FLIT)).";
            FAdd "F+" (0 0) "( F: r1 r2 -- r3 ) Add.";
            FSub "F-" (0 0) "( F: r1 r2 -- r3 ) Subtract.";
            FMul "F*" (0 0) "( F: r1 r2 -- r3 ) Multiply.";
            FDiv "F/" (0 0) "( F: r1 r2 -- r3 ) Divide.";
            FNegate "FNEGATE" (0 0) "( F: r -- -r ) Negate.";
            FAbs "FABS" (0 0) "( F: r -- |r| ) Absolute value.";
            FMax "FMAX" (0 0) "( F: r1 r2 -- r3 ) The greater.";
            FMin "FMIN" (0 0) "( F: r1 r2 -- r3 ) The lesser.";
            FSqrt "FSQRT" (0 0) "( F: r1 -- r2 ) Square root.";
            Floor "FLOOR" (0 0) "( F: r1 -- r2 ) Round toward negative infinity.";
            FRound "FROUND" (0 0) "( F: r1 -- r2 ) Round to the nearest integer, ties to even.";
            FTrunc "FTRUNC" (0 0) "( F: r1 -- r2 ) Round toward zero.";
            FLt "F<" (0 1) "( -- flag ) ( F: r1 r2 -- ) r1 < r2.";
            FGt "F>" (0 1) "( -- flag ) ( F: r1 r2 -- ) r1 > r2.";
            FEq "F=" (0 1) "( -- flag ) ( F: r1 r2 -- ) r1 = r2.";
            FZeroLt "F0<" (0 1) "( -- flag ) ( F: r -- ) r < 0.";
            FZeroEq "F0=" (0 1) "( -- flag ) ( F: r -- ) r = 0.";
            FZeroGt "F0>" (0 1) "( -- flag ) ( F: r -- ) r > 0.";
            FNe "F<>" (0 1) "( -- flag ) ( F: r1 r2 -- ) r1 <> r2, true if either is a NaN (gforth).";
            FLe "F<=" (0 1) "( -- flag ) ( F: r1 r2 -- ) r1 <= r2 (gforth).";
            FGe "F>=" (0 1) "( -- flag ) ( F: r1 r2 -- ) r1 >= r2 (gforth).";
            FZeroNe "F0<>" (0 1) "( -- flag ) ( F: r -- ) r <> 0, true for a NaN (gforth).";
            FZeroLe "F0<=" (0 1) "( -- flag ) ( F: r -- ) r <= 0 (gforth).";
            FZeroGe "F0>=" (0 1) "( -- flag ) ( F: r -- ) r >= 0 (gforth).";
            FFetch "F@" (1 0) "( f-addr -- ) ( F: -- r ) Fetch a float.";
            FStore "F!" (1 0) "( f-addr -- ) ( F: r -- ) Store a float.";
            SFFetch "SF@" (1 0) "( sf-addr -- ) ( F: -- r ) Fetch a 32-bit float.";
            SFStore "SF!" (1 0) "( sf-addr -- ) ( F: r -- ) Store r as a 32-bit float.";
            DFFetch "DF@" (1 0) "( df-addr -- ) ( F: -- r ) Fetch a 64-bit float.";
            DFStore "DF!" (1 0) "( df-addr -- ) ( F: r -- ) Store a 64-bit float.";
            FComma "F," (0 0) "( F: r -- ) Append a float to data space.";
            FDup "FDUP" (0 0) "( F: r -- r r ) Duplicate the top float.";
            FDrop "FDROP" (0 0) "( F: r -- ) Discard the top float.";
            FSwap "FSWAP" (0 0) "( F: r1 r2 -- r2 r1 ) Exchange the top two floats.";
            FOver "FOVER" (0 0) "( F: r1 r2 -- r1 r2 r1 ) Copy the second float.";
            FRot "FROT" (0 0) "( F: r1 r2 r3 -- r2 r3 r1 ) Rotate the third float to the top.";
            FMinusRot "-FROT" (0 0) "( F: r1 r2 r3 -- r3 r1 r2 ) Rotate the top float to third place.";
            FNip "FNIP" (0 0) "( F: r1 r2 -- r2 ) Drop the second float.";
            FTuck "FTUCK" (0 0) "( F: r1 r2 -- r2 r1 r2 ) Copy the top float below the second.";
            FPick "FPICK" (1 0) "( u -- ) ( F: ru ... r0 -- ru ... r0 ru ) Copy the u-th float.";
            FDepth "FDEPTH" (0 1) "( -- +n ) The number of floats on the float stack.";
            FToD "F>D" (0 2) "( -- d ) ( F: r -- ) Truncate to a double.";
            DToF "D>F" (2 0) "( d -- ) ( F: -- r ) Convert a double.";
            FToS "F>S" (0 1) "( -- n ) ( F: r -- ) Truncate to a cell.";
            SToF "S>F" (1 0) "( n -- ) ( F: -- r ) Convert a cell.";
            Floats "FLOATS" (1 1) "( n1 -- n2 ) Size of n1 floats.";
            FloatPlus "FLOAT+" (1 1) "( f-addr1 -- f-addr2 ) Add the size of a float.";
            FAlign "FALIGN" (0 0) "( -- ) Align HERE for a float.";
            FAligned "FALIGNED" (1 1) "( addr -- f-addr ) Round up to a float boundary.";
            SFloats "SFLOATS" (1 1) "( n1 -- n2 ) Size of n1 32-bit floats.";
            SFloatPlus "SFLOAT+" (1 1) "( sf-addr1 -- sf-addr2 ) Add the size of a 32-bit float.";
            SFAlign "SFALIGN" (0 0) "( -- ) Align HERE for a 32-bit float.";
            SFAligned "SFALIGNED" (1 1) "( addr -- sf-addr ) Round up to a 32-bit float boundary.";
            DFloats "DFLOATS" (1 1) "( n1 -- n2 ) Size of n1 64-bit floats.";
            DFloatPlus "DFLOAT+" (1 1) "( df-addr1 -- df-addr2 ) Add the size of a 64-bit float.";
            DFAlign "DFALIGN" (0 0) "( -- ) Align HERE for a 64-bit float.";
            DFAligned "DFALIGNED" (1 1) "( addr -- df-addr ) Round up to a 64-bit float boundary.";
        }
    };
}

macro_rules! define_prims {
    ($($id:ident $name:literal ($($effect:tt)*) $doc:literal;)*) => {
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

            /// The static stack effect `(inputs, outputs)`, or `None` if dynamic.
            pub fn effect(self) -> Option<(u8, u8)> {
                match self { $(Prim::$id => define_prims!(@effect $($effect)*),)* }
            }
        }
    };
    (@effect dyn) => { None };
    (@effect $i:literal $o:literal) => { Some(($i, $o)) };
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
