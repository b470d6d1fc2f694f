//! The table of host words: words the outer interpreter implements in Rust.
//!
//! These are the words that need the dictionary, the input source, the
//! compiler's state or the outside world: defining words, parsing words,
//! control-flow words, `EVALUATE`, `CATCH`, I/O. Each has an execution token
//! whose table entry is the `forth.host` import, so generated code and
//! `EXECUTE` reach them like any other word.
//!
//! Rows are `Ident "NAME" flags "doc";` where flags are `I` (immediate),
//! `C` (compile-only), `IC` (both) or `-`.

/// Invokes `$m!` with the whole host-word table.
#[macro_export]
macro_rules! for_each_host_word {
    ($m:ident) => {
        $m! {
            // Defining words.
            Colon ":" - "( \"name\" -- colon-sys ) Start a definition.";
            Semicolon ";" IC "( colon-sys -- ) End a definition.";
            ColonNoName ":NONAME" - "( -- xt colon-sys ) Start an anonymous definition.";
            Create "CREATE" - "( \"name\" -- ) Define a word that pushes its data field.";
            Does "DOES>" I "( -- ) Give the latest CREATEd word the following behaviour (interpreted: up to ;).";
            Variable "VARIABLE" - "( \"name\" -- ) Define a one-cell variable.";
            Constant "CONSTANT" - "( x \"name\" -- ) Define a constant.";
            Value "VALUE" - "( x \"name\" -- ) Define a value, changed by TO.";
            To "TO" I "( x \"name\" -- ) Store into a VALUE.";
            Defer "DEFER" - "( \"name\" -- ) Define a deferred word.";
            Is "IS" I "( xt \"name\" -- ) Set what a deferred word executes.";
            ActionOf "ACTION-OF" I "( \"name\" -- xt ) What a deferred word executes.";
            BufferColon "BUFFER:" - "( u \"name\" -- ) Define a buffer of u bytes.";
            Marker "MARKER" - "( \"name\" -- ) Define a word that forgets everything after it.";
            Immediate "IMMEDIATE" - "( -- ) Make the latest definition immediate.";
            // Compilation.
            Tick "'" - "( \"name\" -- xt ) Find a word's execution token.";
            BracketTick "[']" IC "( \"name\" -- ) Compile a word's execution token as a literal.";
            Postpone "POSTPONE" IC "( \"name\" -- ) Append a word's compilation semantics.";
            BracketCompile "[COMPILE]" I "( \"name\" -- ) Compile a word, even an immediate one (also between [ and ]).";
            Literal "LITERAL" IC "( x -- ) Compile a literal.";
            CompileComma "COMPILE," - "( xt -- ) Append the execution semantics of xt.";
            LeftBracket "[" I "( -- ) Enter interpretation state (interpreted: nothing).";
            RightBracket "]" - "( -- ) Enter compilation state.";
            Recurse "RECURSE" IC "( -- ) Call the current definition.";
            Exit "EXIT" C "( -- ) Return from the current definition.";
            Unloop "UNLOOP" C "( -- ) Discard the loop parameters.";
            LoopI "I" C "( -- n ) The innermost loop index.";
            LoopJ "J" C "( -- n ) The next outer loop index.";
            LoopK "K" C "( -- n ) The second outer loop index (gforth).";
            LoopLimit "I'" C "( -- n ) The innermost loop's limit (gforth).";
            If "IF" IC "( x -- ) Conditional forward branch.";
            Else "ELSE" IC "( -- ) The other branch of IF.";
            Then "THEN" IC "( -- ) Resolve a forward branch.";
            Begin "BEGIN" IC "( -- ) Mark a backward branch target.";
            Until "UNTIL" IC "( x -- ) Branch back if zero.";
            While "WHILE" IC "( x -- ) Leave a BEGIN loop if zero.";
            Repeat "REPEAT" IC "( -- ) Branch back to BEGIN and resolve WHILE.";
            Again "AGAIN" IC "( -- ) Branch back to BEGIN.";
            Ahead "AHEAD" IC "( -- ) Unconditional forward branch.";
            Do "DO" IC "( n1 n2 -- ) Start a counted loop from n2 up to n1.";
            QuestionDo "?DO" IC "( n1 n2 -- ) Like DO, but skip the loop if n1 = n2.";
            Loop "LOOP" IC "( -- ) Increment the index and loop.";
            PlusLoop "+LOOP" IC "( n -- ) Add n to the index and loop.";
            Leave "LEAVE" IC "( -- ) Leave the innermost loop.";
            Case "CASE" I "( -- ) Start a CASE structure (interpreted: push 0, as gforth).";
            Of "OF" IC "( x1 x2 -- | x1 ) Branch unless x1 = x2.";
            EndOf "ENDOF" IC "( -- ) End an OF clause.";
            EndCase "ENDCASE" IC "( x -- ) End a CASE structure.";
            CsPick "CS-PICK" - "( u -- ) Copy the u-th control-flow stack item.";
            CsRoll "CS-ROLL" - "( u -- ) Rotate the u-th control-flow stack item to the top.";
            // Parsing and the input source.
            Paren "(" I "( \"ccc<paren>\" -- ) A comment.";
            Backslash "\\" I "( \"ccc<eol>\" -- ) A comment to the end of the line.";
            HashBang "#!" I "( \"ccc<eol>\" -- ) A comment to the end of the line, for scripts (gforth).";
            DotParen ".(" I "( \"ccc<paren>\" -- ) Display a string now.";
            SQuote "S\"" I "( \"ccc<quote>\" -- c-addr u ) A string literal.";
            SBackslashQuote "S\\\"" I "( \"ccc<quote>\" -- c-addr u ) A string literal with escapes.";
            BackslashQuoteParse "\\\"-PARSE" - "( \"ccc<quote>\" -- c-addr u ) gforth: parse a string with S\\\"'s escapes; it lies at HERE, unallotted.";
            CQuote "C\"" IC "( \"ccc<quote>\" -- c-addr ) A counted string literal.";
            DotQuote ".\"" I "( \"ccc<quote>\" -- ) Display a string (interpreted: now).";
            Char "CHAR" - "( \"name\" -- char ) The first character of a name.";
            BracketChar "[CHAR]" IC "( \"name\" -- ) Compile the first character of a name.";
            Word "WORD" - "( char \"<chars>ccc<char>\" -- c-addr ) Parse a counted string.";
            Parse "PARSE" - "( char \"ccc<char>\" -- c-addr u ) Parse a string.";
            ParseName "PARSE-NAME" - "( \"<spaces>name\" -- c-addr u ) Parse a name.";
            Find "FIND" - "( c-addr -- c-addr 0 | xt 1 | xt -1 ) Look a counted string up.";
            ToNumber ">NUMBER" - "( ud1 c-addr1 u1 -- ud2 c-addr2 u2 ) Convert digits.";
            Evaluate "EVALUATE" - "( i*x c-addr u -- j*x ) Interpret a string.";
            Refill "REFILL" - "( -- flag ) Read the next line of the input source.";
            SaveInput "SAVE-INPUT" - "( -- xn ... x1 n ) Save the input position.";
            RestoreInput "RESTORE-INPUT" - "( xn ... x1 n -- flag ) Restore the input position.";
            Included "INCLUDED" - "( i*x c-addr u -- j*x ) Interpret a file.";
            Include "INCLUDE" - "( i*x \"name\" -- j*x ) Interpret a file.";
            // Exceptions.
            Catch "CATCH" - "( i*x xt -- j*x 0 | i*x n ) Execute xt, catching THROWs.";
            Throw "THROW" - "( k*x n -- k*x | i*x n ) Throw n if it is non-zero.";
            Abort "ABORT" - "( i*x -- ) Throw -1.";
            AbortQuote "ABORT\"" IC "( \"ccc<quote>\" -- ) Throw -2 with a message if the flag is set.";
            AbortQuoteRuntime "(ABORT\")" - "( flag c-addr u -- ) Runtime of ABORT\".";
            DoesRuntime "(DOES>)" - "( xt -- ) Runtime of DOES>: the latest word executes xt.";
            Quit "QUIT" - "( -- ) Empty the return stack and return to the outer interpreter.";
            Bye "BYE" - "( -- ) Leave the system.";
            // Input and output.
            Emit "EMIT" - "( char -- ) Display a character.";
            Type "TYPE" - "( c-addr u -- ) Display a string.";
            Cr "CR" - "( -- ) Start a new line.";
            Key "KEY" - "( -- char ) Read a character.";
            Accept "ACCEPT" - "( c-addr +n1 -- +n2 ) Read a line.";
            // Tools.
            DotS ".S" - "( -- ) Display the data stack.";
            Words "WORDS" - "( -- ) List the words of the dictionary.";
            Environment "ENVIRONMENT?" - "( c-addr u -- false | i*x true ) Query the system.";
            // PROGRAMMING-TOOLS (tools.rs).
            BracketIf "[IF]" I "( flag -- ) Skip to [ELSE] or [THEN] if flag is false.";
            BracketElse "[ELSE]" I "( -- ) Skip to the matching [THEN].";
            BracketThen "[THEN]" I "( -- ) End a conditional-compilation section.";
            BracketDefined "[DEFINED]" I "( \"name\" -- flag ) Whether name is found.";
            BracketUndefined "[UNDEFINED]" I "( \"name\" -- flag ) Whether name is not found.";
            NToR "N>R" - "( i*x +n -- ) ( R: -- j*x +n ) Move n items and n to the return stack.";
            NRFrom "NR>" - "( -- i*x +n ) ( R: j*x +n -- ) Move items saved by N>R back.";
            Synonym "SYNONYM" - "( \"newname\" \"oldname\" -- ) Define newname to behave as oldname.";
            NameToString "NAME>STRING" - "( nt -- c-addr u ) The name of a name token.";
            NameToInterpret "NAME>INTERPRET" - "( nt -- xt | 0 ) The interpretation semantics of a name token.";
            NameToCompile "NAME>COMPILE" - "( nt -- x xt ) The compilation semantics of a name token.";
            TraverseWordlist "TRAVERSE-WORDLIST" - "( i*x xt wid -- j*x ) Call xt ( nt -- flag ) for each word.";
            Dump "DUMP" - "( addr u -- ) Display memory in hex and characters.";
            See "SEE" - "( \"name\" -- ) Display a word's definition.";
            // SEARCH-ORDER (search_order.rs).
            ForthWordlist "FORTH-WORDLIST" - "( -- wid ) The word list of the system's words.";
            Wordlist "WORDLIST" - "( -- wid ) Make a new, empty word list.";
            Table "TABLE" - "( -- wid ) gforth: make a new, empty word list whose names are found only as written (case-sensitive).";
            GetOrder "GET-ORDER" - "( -- widn ... wid1 n ) The search order, wid1 searched first.";
            SetOrder "SET-ORDER" - "( widn ... wid1 n -- ) Set the search order; -1 for the minimum.";
            GetCurrent "GET-CURRENT" - "( -- wid ) The compilation word list.";
            SetCurrent "SET-CURRENT" - "( wid -- ) Set the compilation word list.";
            SearchWordlist "SEARCH-WORDLIST" - "( c-addr u wid -- 0 | xt 1 | xt -1 ) Look a name up in one word list.";
            Definitions "DEFINITIONS" - "( -- ) Compile into the first word list of the search order.";
            Also "ALSO" - "( -- ) Duplicate the first word list of the search order.";
            Only "ONLY" - "( -- ) Set the minimum search order.";
            Order "ORDER" - "( -- ) Display the search order and the compilation word list.";
            Previous "PREVIOUS" - "( -- ) Remove the first word list of the search order.";
            ForthOrder "FORTH" - "( -- ) Replace the first word list of the search order with FORTH-WORDLIST.";
            RootOrder "ROOT" - "( -- ) gforth: Replace the first word list of the search order with Root.";
            Vocs "VOCS" - "( -- ) gforth: Display the name of every word list, newest first.";
            NamesWordlist "(NAMES-WORDLIST)" - "( wid -- ) The latest word is the name of the word list (VOCABULARY).";
            DotVoc ".VOC" - "( wid -- ) gforth: Display the name of a word list (??? if it has none).";
            // FILE ACCESS (file_access.rs).
            OpenFile "OPEN-FILE" - "( c-addr u fam -- fileid ior ) Open a file.";
            CreateFile "CREATE-FILE" - "( c-addr u fam -- fileid ior ) Create (or truncate) a file and open it.";
            CloseFile "CLOSE-FILE" - "( fileid -- ior ) Close a file.";
            ReadFile "READ-FILE" - "( c-addr u1 fileid -- u2 ior ) Read up to u1 bytes.";
            ReadLine "READ-LINE" - "( c-addr u1 fileid -- u2 flag ior ) Read a line of at most u1 bytes.";
            WriteFile "WRITE-FILE" - "( c-addr u fileid -- ior ) Write bytes.";
            WriteLine "WRITE-LINE" - "( c-addr u fileid -- ior ) Write bytes and a line terminator.";
            FilePosition "FILE-POSITION" - "( fileid -- ud ior ) The current position.";
            RepositionFile "REPOSITION-FILE" - "( ud fileid -- ior ) Set the position.";
            FileSize "FILE-SIZE" - "( fileid -- ud ior ) The size in bytes.";
            ResizeFile "RESIZE-FILE" - "( ud fileid -- ior ) Set the size, padding with zero bytes.";
            DeleteFile "DELETE-FILE" - "( c-addr u -- ior ) Delete a file.";
            RenameFile "RENAME-FILE" - "( c-addr1 u1 c-addr2 u2 -- ior ) Rename a file.";
            FileStatus "FILE-STATUS" - "( c-addr u -- x ior ) Whether a file exists (ior 0) and its access.";
            FlushFile "FLUSH-FILE" - "( fileid -- ior ) Write buffered data to the file.";
            IncludeFile "INCLUDE-FILE" - "( i*x fileid -- j*x ) Interpret the rest of an open file, then close it.";
            Required "REQUIRED" - "( i*x c-addr u -- j*x ) Interpret a file unless it was already included.";
            Require "REQUIRE" - "( i*x \"name\" -- j*x ) Interpret a file unless it was already included.";
            // BLOCK (block.rs).
            Block "BLOCK" - "( u -- a-addr ) A buffer holding block u, read if needed.";
            Buffer "BUFFER" - "( u -- a-addr ) A buffer assigned to block u, not read.";
            Update "UPDATE" - "( -- ) Mark the current block buffer as modified.";
            SaveBuffers "SAVE-BUFFERS" - "( -- ) Write every modified block buffer.";
            EmptyBuffers "EMPTY-BUFFERS" - "( -- ) Unassign every block buffer, without writing.";
            Load "LOAD" - "( i*x u -- j*x ) Interpret block u.";
            List "LIST" - "( u -- ) Display block u and store u in SCR.";
            // LOCALS, DOUBLE, MEMORY-ALLOCATION, STRING, FACILITY (host.rs: optional_sets).
            BraceColon "{:" IC "( \"args [| vals] [-- outs] :}\" -- ) Declare locals; args take the stack, deepest first.";
            ParenLocal "(LOCAL)" - "( c-addr u -- ) Declare a local, or end the declarations when u is 0.";
            LocalsBar "LOCALS|" IC "( \"name ... |\" -- ) Declare locals; the first takes the top item.";
            Brace "{" IC "( \"args [| vals] [-- comment] }\" -- ) Declare gforth locals (W: D: F: C: W^ D^ F^ C^); the last arg takes the top item.";
            Scope "SCOPE" IC "( -- scope ) Begin a scope: locals declared in it end at ENDSCOPE.";
            EndScope "ENDSCOPE" IC "( scope -- ) End a scope and the locals declared in it.";
            TwoValue "2VALUE" - "( x1 x2 \"name\" -- ) Define a two-cell value, changed by TO.";
            MStarSlash "M*/" - "( d1 n1 +n2 -- d2 ) d1 times n1 divided by n2, with a triple-cell product, floored.";
            SLiteral "SLITERAL" IC "( c-addr u -- ) Compile a string literal.";
            Compare "COMPARE" - "( c-addr1 u1 c-addr2 u2 -- n ) Compare two strings: -1, 0 or 1.";
            Search "SEARCH" - "( c-addr1 u1 c-addr2 u2 -- c-addr3 u3 flag ) Find a string in another.";
            Replaces "REPLACES" - "( c-addr1 u1 c-addr2 u2 -- ) Make %name% (c-addr2 u2) stand for the text c-addr1 u1.";
            Substitute "SUBSTITUTE" - "( c-addr1 u1 c-addr2 u2 -- c-addr2 u3 n ) Expand %name% into a buffer; n substitutions or an error.";
            Unescape "UNESCAPE" - "( c-addr1 u1 c-addr2 -- c-addr2 u2 ) Double every % so SUBSTITUTE leaves the text alone.";
            Ms "MS" - "( u -- ) Wait at least u milliseconds.";
            TimeAndDate "TIME&DATE" - "( -- sec min hour day month year ) The current time (UTC).";
            KeyQuestion "KEY?" - "( -- flag ) Whether KEY would return without waiting.";
            // gforth's control-flow words (gforth_control.rs).
            QDupIf "?DUP-IF" IC "( x -- | x ) gforth: IF that keeps a non-zero x.";
            QDupZeroIf "?DUP-0=-IF" IC "( x -- | x ) gforth: IF on zero (dropped); a non-zero x stays for ELSE.";
            PlusDo "+DO" IC "( n1 n2 -- ) gforth: a counted loop from n2 up to n1, skipped unless n2 < n1.";
            MinusDo "-DO" IC "( n1 n2 -- ) gforth: a counted loop from n2 down to n1, skipped unless n2 > n1.";
            UPlusDo "U+DO" IC "( u1 u2 -- ) gforth: +DO with unsigned bounds.";
            UMinusDo "U-DO" IC "( u1 u2 -- ) gforth: -DO with unsigned bounds.";
            MinusLoop "-LOOP" IC "( u -- ) gforth: step the index down by u; leave at or past the limit.";
            For "FOR" IC "( u -- ) gforth: a loop run u+1 times, index u down to 0.";
            Next "NEXT" IC "( -- ) gforth: end a FOR loop.";
            QLeave "?LEAVE" IC "( flag -- ) gforth: leave the innermost loop if flag is set.";
            QExit "?EXIT" IC "( flag -- ) gforth: return from the definition if flag is set.";
            EndIf "ENDIF" IC "( -- ) gforth: THEN.";
            Unreachable "UNREACHABLE" I "( -- ) gforth: mark code as unreachable (no effect here).";
            AssumeLive "ASSUME-LIVE" I "( orig -- orig ) gforth: mark the code after an orig as reachable (no effect here).";
            InterpretationGt "INTERPRETATION>" IC "( -- ) gforth: in a word using CREATE-INTERPRET/COMPILE, the interpretation semantics of its child, up to <INTERPRETATION.";
            LtInterpretation "<INTERPRETATION" IC "( -- ) gforth: end the part INTERPRETATION> began.";
            CompilationGt "COMPILATION>" IC "( -- ) gforth: in a word using CREATE-INTERPRET/COMPILE, the compilation semantics of its child, up to <COMPILATION.";
            LtCompilation "<COMPILATION" IC "( -- ) gforth: end the part COMPILATION> began.";
            SemanticsDoes "(SEMANTICS-DOES)" - "( xt n -- ) Give the latest CREATE-INTERPRET/COMPILE word interpretation (n 0) or compilation (n 1) code xt, run on its body.";
            Done "DONE" IC "( orig|dest -- ) gforth: resolve, to here, every LEAVE and ?LEAVE compiled since the entry began.";
            Branch "BRANCH" - "( -- ) gforth: a jump, compiled by POSTPONE BRANCH and given its target by >MARK.";
            QBranch "?BRANCH" - "( f -- ) gforth: a jump on zero, compiled by POSTPONE ?BRANCH and given its target by >MARK.";
            Call "CALL" - "( -- ) gforth: a call, compiled by POSTPONE CALL and given its target by >MARK (regexp.fs's FORK).";
            ToMark ">MARK" - "( -- orig ) gforth: the orig of the BRANCH, ?BRANCH or CALL just compiled.";
            // gforth's defining and compiling words (gforth_defining.rs).
            Alias "ALIAS" - "( xt \"name\" -- ) gforth: define name to execute xt.";
            Defers "DEFERS" IC "( \"name\" -- ) gforth: compile what the deferred word executes now.";
            CompileOnly "COMPILE-ONLY" - "( -- ) gforth: make the latest word compile-only.";
            Restrict "RESTRICT" - "( -- ) gforth: COMPILE-ONLY.";
            Latest "LATEST" - "( -- nt ) gforth: the latest definition's name token (0 if it has no name).";
            LatestXt "LATESTXT" - "( -- xt ) gforth: the latest definition's execution token.";
            LastXt "LASTXT" - "( -- xt ) gforth: LATESTXT.";
            FindName "FIND-NAME" - "( c-addr u -- nt | 0 ) gforth: look a name up in the search order.";
            NameToInt "NAME>INT" - "( nt -- xt ) gforth: the interpretation semantics of a name token.";
            NameQInt "NAME?INT" - "( nt -- xt ) gforth: NAME>INT, an error for compile-only words.";
            ToName ">NAME" - "( xt -- nt | 0 ) gforth: the name token of an execution token.";
            BodyFrom "BODY>" - "( a-addr -- xt ) gforth: the word whose data field is at a-addr.";
            IdDot "ID." - "( nt -- ) gforth: display a name and a space.";
            CompTick "COMP'" - "( \"name\" -- w xt ) gforth: the compilation semantics of name.";
            BracketCompTick "[COMP']" IC "( \"name\" -- ) gforth: compile COMP' of name as two literals.";
            ParenTick "(')" - "( \"name\" -- nt ) gforth: the name token of name.";
            BracketParenTick "[(')]" IC "( \"name\" -- ) gforth: compile (') of name as a literal.";
            NextNameWord "NEXTNAME" - "( c-addr u -- ) gforth: the next defined word gets this name.";
            NoName "NONAME" - "( -- ) gforth: the next defined word gets no name.";
            Recursive "RECURSIVE" I "( -- ) gforth: make the definition being compiled findable now.";
            Reveal "REVEAL" - "( -- ) gforth: make the latest definition findable.";
            InterpretCompile "INTERPRET/COMPILE:" - "( int-xt comp-xt \"name\" -- ) gforth: a word with separate interpretation and compilation semantics.";
            PostponeMode "]]" IC "( \"words<[[>\" -- ) gforth: postpone every word up to [[.";
            ToDoesCode ">DOES-CODE" - "( xt1 -- xt2 | 0 ) gforth: the DOES> code a word runs (here an xt), or 0.";
            DoesCodeStore "DOES-CODE!" - "( xt2 xt1 -- ) gforth: make the CREATEd word xt1 run the DOES> code xt2.";
            StoreDoes "!DOES" - "( xt -- ) gforth: make the latest (CREATEd) word run the DOES> code xt.";
            // gforth's exception words (gforth_exceptions.rs).
            Try "TRY" IC "( -- ) gforth: start a region whose throws are caught.";
            IfError "IFERROR" IC "( -- ) gforth: what follows up to THEN runs on a throw, with its code; protected up to ENDTRY.";
            Restore "RESTORE" IC "( -- ) gforth: what follows runs always (a throw's code on the stack), again after each throw up to ENDTRY.";
            EndTry "ENDTRY" IC "( -- ) gforth: end a TRY structure.";
            EndTryIfError "ENDTRY-IFERROR" IC "( -- ) gforth: end the TRY region; what follows up to THEN runs on a throw.";
            NoThrow "NOTHROW" - "( -- ) gforth: reset backtrace recording (no effect here).";
            ParenTry "(TRY)" - "( i*x v1 .. vn n xt1 xt2 -- j*x ) Run TRY's regions: xt1, then xt2 with the throw code until it does not throw.";
            // gforth's input-source words (gforth_input.rs).
            SourceFilename "SOURCEFILENAME" - "( -- c-addr u ) gforth: the name of the file being interpreted.";
            SourceLineNumber "SOURCELINE#" - "( -- u ) gforth: the number of the line being interpreted.";
            IncludedQ "INCLUDED?" - "( c-addr u -- flag ) gforth: whether the file was included.";
            AddIncludedFile "ADD-INCLUDED-FILE" - "( c-addr u -- ) gforth: record the file as included (REQUIRED skips it).";
            ExecuteParsing "EXECUTE-PARSING" - "( ... c-addr u xt -- ... ) gforth: execute xt with the string as the input source.";
            // gforth's interpretive loops (gforth_bracket_loops.rs).
            BracketDo "[DO]" I "( n1 n2 -- ) gforth: interpret the text up to [LOOP] for each index from n2 up to n1.";
            BracketQDo "[?DO]" I "( n1 n2 -- ) gforth: [DO], skipped if n1 = n2.";
            BracketLoop "[LOOP]" I "( -- ) gforth: end a [DO] loop, stepping by 1.";
            BracketPlusLoop "[+LOOP]" I "( n -- ) gforth: end a [DO] loop, stepping by n.";
            BracketFor "[FOR]" I "( u -- ) gforth: interpret the text up to [NEXT] for each index from u down to 0.";
            BracketNext "[NEXT]" I "( -- ) gforth: end a [FOR] loop.";
            BracketI "[I]" I "( -- n ) gforth: the index of the innermost [DO] (a literal when compiling).";
            BracketBegin "[BEGIN]" I "( -- ) gforth: interpret the text up to [UNTIL], [AGAIN] or [REPEAT] repeatedly.";
            BracketUntil "[UNTIL]" I "( flag -- ) gforth: end a [BEGIN] loop when flag is true.";
            BracketAgain "[AGAIN]" I "( -- ) gforth: go back to [BEGIN].";
            BracketWhile "[WHILE]" I "( flag -- ) gforth: leave a [BEGIN] loop after [REPEAT] when flag is false.";
            BracketRepeat "[REPEAT]" I "( -- ) gforth: go back to [BEGIN].";
            // gforth's debugging words (gforth_debug.rs).
            TildeTilde "~~" I "( -- ) gforth: show the source position and the data stack on the error stream.";
            CloseAssert ")" I "( flag -- ) gforth: end an assertion; a false flag throws -2.";
            TildeTildeRuntime "(~~)" - "( n -- ) Run time of a compiled ~~ at source position n.";
            AssertRuntime "(END-ASSERT)" - "( flag n -- ) Run time of a compiled ) at source position n.";
            // Floating point (FLOATING-POINT and FLOATING-POINT EXT).
            FVariable "FVARIABLE" - "( \"name\" -- ) Define a float variable.";
            FConstant "FCONSTANT" - "( \"name\" -- ) ( F: r -- ) Define a float constant.";
            FValue "FVALUE" - "( \"name\" -- ) ( F: r -- ) Define a float value, changed by TO.";
            FLiteral "FLITERAL" I "( F: r -- ) Compile a float literal (also between [ and ]).";
            FSin "FSIN" - "( F: r1 -- r2 ) Sine (radians).";
            FCos "FCOS" - "( F: r1 -- r2 ) Cosine.";
            FTan "FTAN" - "( F: r1 -- r2 ) Tangent.";
            FSinCos "FSINCOS" - "( F: r1 -- r2 r3 ) Sine and cosine.";
            FAsin "FASIN" - "( F: r1 -- r2 ) Arc sine.";
            FAcos "FACOS" - "( F: r1 -- r2 ) Arc cosine.";
            FAtan "FATAN" - "( F: r1 -- r2 ) Arc tangent.";
            FAtan2 "FATAN2" - "( F: r1 r2 -- r3 ) Arc tangent of r1/r2, in the right quadrant.";
            FSinh "FSINH" - "( F: r1 -- r2 ) Hyperbolic sine.";
            FCosh "FCOSH" - "( F: r1 -- r2 ) Hyperbolic cosine.";
            FTanh "FTANH" - "( F: r1 -- r2 ) Hyperbolic tangent.";
            FAsinh "FASINH" - "( F: r1 -- r2 ) Inverse hyperbolic sine.";
            FAcosh "FACOSH" - "( F: r1 -- r2 ) Inverse hyperbolic cosine.";
            FAtanh "FATANH" - "( F: r1 -- r2 ) Inverse hyperbolic tangent.";
            FExp "FEXP" - "( F: r1 -- r2 ) e to the power r1.";
            FExpm1 "FEXPM1" - "( F: r1 -- r2 ) e to the power r1, minus one.";
            FLn "FLN" - "( F: r1 -- r2 ) Natural logarithm.";
            FLnp1 "FLNP1" - "( F: r1 -- r2 ) Natural logarithm of r1 + 1.";
            FLog "FLOG" - "( F: r1 -- r2 ) Base-10 logarithm.";
            FAlog "FALOG" - "( F: r1 -- r2 ) 10 to the power r1.";
            FPow "F**" - "( F: r1 r2 -- r3 ) r1 to the power r2.";
            FProx "F~" - "( -- flag ) ( F: r1 r2 r3 -- ) Approximate equality: absolute, exact or relative.";
            FDot "F." - "( F: r -- ) Display r without an exponent.";
            FEDot "FE." - "( F: r -- ) Display r in engineering notation.";
            FSDot "FS." - "( F: r -- ) Display r in scientific notation.";
            FDotS "F.S" - "( -- ) Display the float stack.";
            Represent "REPRESENT" - "( c-addr u -- n flag1 flag2 ) ( F: r -- ) The significand and exponent of r.";
            ToFloat ">FLOAT" - "( c-addr u -- flag ) ( F: -- r | ) Convert a string to a float.";
            Precision "PRECISION" - "( -- u ) Significant digits F., FE. and FS. show.";
            SetPrecision "SET-PRECISION" - "( u -- ) Set the significant digits F., FE. and FS. show.";
            // Extended characters (XCHAR and XCHAR EXT), UTF-8.
            XCSize "XC-SIZE" - "( xchar -- u ) Bytes of xchar's UTF-8 encoding.";
            XSize "X-SIZE" - "( xc-addr u1 -- u2 ) Bytes of the first xchar of a string.";
            XCFetchPlus "XC@+" - "( xc-addr1 -- xc-addr2 xchar ) Fetch an xchar and step past it.";
            XCStorePlus "XC!+" - "( xchar xc-addr1 -- xc-addr2 ) Store an xchar and step past it.";
            XCStorePlusQ "XC!+?" - "( xchar xc-addr1 u1 -- xc-addr2 u2 flag ) Store an xchar if it fits in u1 bytes.";
            XCComma "XC," - "( xchar -- ) Append an xchar to data space.";
            XCharPlus "XCHAR+" - "( xc-addr1 -- xc-addr2 ) Step past an xchar.";
            XCharMinus "XCHAR-" - "( xc-addr1 -- xc-addr2 ) Step back over the xchar before xc-addr1.";
            PlusXSlashString "+X/STRING" - "( xc-addr1 u1 -- xc-addr2 u2 ) Drop the first xchar of a string.";
            XBackslashStringMinus "X\\STRING-" - "( xc-addr u1 -- xc-addr u2 ) Drop the last xchar of a string.";
            TrailingGarbage "-TRAILING-GARBAGE" - "( xc-addr u1 -- xc-addr u2 ) Drop an incomplete last xchar.";
            XWidth "X-WIDTH" - "( xc-addr u -- n ) Display columns of a string.";
            XCWidth "XC-WIDTH" - "( xchar -- n ) Display columns of an xchar.";
            XEmit "XEMIT" - "( xchar -- ) Display an xchar.";
            XKey "XKEY" - "( -- xchar ) Read an xchar.";
            XKeyQuestion "XKEY?" - "( -- flag ) Whether XKEY would return without waiting.";
            XHold "XHOLD" - "( xchar -- ) Add an xchar to the pictured numeric output.";
            EKeyToXChar "EKEY>XCHAR" - "( u -- u false | xchar true ) Whether a keyboard event is an xchar.";
            // gforth 0.7.3's extensions (gforth_io.rs).
            Utime "UTIME" - "( -- ud ) Microseconds since 1970-01-01 UTC.";
            Cputime "CPUTIME" - "( -- duser dsystem ) Microseconds of processor time: the time since start, and 0.";
            ParenGetenv "(GETENV)" - "( c-addr1 u1 c-addr2 u2 -- n ) Copy up to u2 bytes of the environment variable c-addr1 u1 to c-addr2; its length, or -1 if unset.";
            Stdin "STDIN" - "( -- fileid ) The program's standard input.";
            Stdout "STDOUT" - "( -- fileid ) The program's standard output.";
            Stderr "STDERR" - "( -- fileid ) The program's standard error stream.";
            InfileId "INFILE-ID" - "( -- fileid ) The file KEY and ACCEPT read.";
            OutfileId "OUTFILE-ID" - "( -- fileid ) The file TYPE and EMIT write.";
            ToOutfileId "(TO-OUTFILE-ID)" - "( fileid -- ) What TO OUTFILE-ID does: send displayed text to fileid from now on.";
            ToStderr ">STDERR" I "( -- ) gforth: what the calling definition displays from here until it returns goes to STDERR (interpreted: from now on).";
            ToInfileId "(TO-INFILE-ID)" - "( fileid -- ) What TO INFILE-ID does: KEY and ACCEPT read fileid from now on.";
            InfileExecute "INFILE-EXECUTE" - "( i*x xt fileid -- j*x ) Execute xt with KEY and ACCEPT reading fileid.";
            OutfileExecute "OUTFILE-EXECUTE" - "( i*x xt fileid -- j*x ) Execute xt with displayed text going to fileid.";
            KeyFile "KEY-FILE" - "( fileid -- char ) Read a byte of a file; 4 at its end.";
            KeyQuestionFile "KEY?-FILE" - "( fileid -- flag ) Whether KEY-FILE would return without waiting.";
            FileEofQuestion "FILE-EOF?" - "( fileid -- flag ) Whether KEY-FILE has met the end of the file.";
            SpFetch "SP@" - "( -- a-addr ) The address of the top of the data stack.";
            SpStore "SP!" - "( a-addr -- ) Set the data stack pointer.";
            RpFetch "RP@" - "( -- a-addr ) The address of the top of the return stack.";
            RpStore "RP!" - "( a-addr -- ) Set the return stack pointer.";
            FpFetch "FP@" - "( -- f-addr ) The address of the top of the float stack.";
            FpStore "FP!" - "( f-addr -- ) Set the float stack pointer.";
            Exception "EXCEPTION" - "( c-addr u -- n ) A new THROW code; uncaught, it shows c-addr u.";
            FDotRdp "F.RDP" - "( +nr +nd +np -- ) ( F: r -- ) Display r in nr columns, nd digits after the point if at least np digits show (host_float.rs).";
            FToStrRdp "F>STR-RDP" - "( +nr +nd +np -- c-addr nr ) ( F: r -- ) F.RDP's text, below the pictured numeric output.";
            FToBufRdp "F>BUF-RDP" - "( c-addr +nr +nd +np -- ) ( F: r -- ) F.RDP's text, into the buffer c-addr nr.";
        }
    };
}

/// Whether a host word is immediate and whether it may be interpreted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Flags {
    /// Executes even in compilation state.
    pub immediate: bool,
    /// Interpreting it is an error (THROW -14).
    pub compile_only: bool,
}

macro_rules! define_host_words {
    ($($id:ident $name:literal $flags:tt $doc:literal;)*) => {
        /// A word implemented by the host.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum HostWord {
            $(#[doc = $doc] $id,)*
        }

        impl HostWord {
            /// Every host word, in table order; they get xts in this order,
            /// after the primitives.
            pub const ALL: &'static [HostWord] = &[$(HostWord::$id,)*];

            /// The Forth name.
            pub fn name(self) -> &'static str {
                match self { $(HostWord::$id => $name,)* }
            }

            /// The doc line, beginning with the stack comment.
            pub fn doc(self) -> &'static str {
                match self { $(HostWord::$id => $doc,)* }
            }

            /// Immediate and compile-only flags.
            pub fn flags(self) -> Flags {
                match self { $(HostWord::$id => define_host_words!(@flags $flags),)* }
            }
        }
    };
    (@flags -) => { Flags { immediate: false, compile_only: false } };
    (@flags I) => { Flags { immediate: true, compile_only: false } };
    (@flags C) => { Flags { immediate: false, compile_only: true } };
    (@flags IC) => { Flags { immediate: true, compile_only: true } };
}

for_each_host_word!(define_host_words);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::Prim;

    #[test]
    fn host_and_primitive_names_do_not_clash() {
        let mut seen = std::collections::HashSet::new();
        for p in Prim::ALL {
            seen.insert(p.name());
        }
        for h in HostWord::ALL {
            assert!(seen.insert(h.name()), "duplicate {}", h.name());
        }
    }

    #[test]
    fn control_words_are_immediate_and_compile_only() {
        for h in [HostWord::If, HostWord::Then, HostWord::Do, HostWord::Semicolon] {
            assert_eq!(h.flags(), Flags { immediate: true, compile_only: true }, "{}", h.name());
        }
        assert_eq!(HostWord::Colon.flags(), Flags::default());
    }
}
