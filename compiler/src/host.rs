//! The host words: what each word of the host-word table does.
//!
//! Each arm works on the data stack through the machine and on the
//! interpreter's state. Compile-time words (`IF`, `POSTPONE`, `DOES>` …) edit
//! the definition under construction; run-time words (`EVALUATE`, `CATCH`,
//! `TYPE` …) act immediately.
//!
//! Guarantee: bad arguments give a THROW code, never a panic.

use crate::definition::Definition;
use crate::dictionary::{Header, Kind, WordId};
use crate::host_words::HostWord;
use crate::input::SourceKind;
use crate::interpreter::{Current, Forth, Snapshot, TableEntry};
use crate::ir::{Op, Xt};
use crate::kernel::host_xt;
use crate::machine::{Fault, Machine, MachineExt};
use crate::number::format_signed;
use crate::primitives::Prim;
use runtime::{addr, throw, CodeField};

impl Forth {
    /// Runs one host word.
    pub(crate) fn run_host(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            Colon => {
                let name = self.parse_def_name(m)?;
                self.start_definition(m, name)
            }
            ColonNoName => {
                let xt = self
                    .start_definition(m, String::new())
                    .map(|_| self.current.as_ref().expect("just started").def.func.xt)?;
                self.push(m, xt as i32)
            }
            Semicolon => self.end_definition(m),
            Create => self.define_with_body(m, CodeField::Var, |body| Kind::Created { body }).map(|_| ()),
            Variable => {
                let body = self.define_with_body(m, CodeField::Var, |body| Kind::Variable { body })?;
                self.allot_bytes(m, &[0; 4]).map(|_| debug_assert_eq!(body % 4, 0))
            }
            Constant | Value => {
                let v = self.pop(m)?;
                let value = h == Value;
                self.define_with_body(m, CodeField::Con, |body| {
                    if value {
                        Kind::Value { body }
                    } else {
                        Kind::Constant { value: v }
                    }
                })?;
                self.allot_bytes(m, &v.to_le_bytes()).map(|_| ())
            }
            Defer => {
                self.define_with_body(m, CodeField::Defer, |body| Kind::Defer { body })?;
                if let Some(id) = self.latest {
                    let h = self.dict.get(id);
                    let (xt, name) = (h.xt, h.name.clone());
                    self.declare_deferred_effect(xt, &name);
                }
                self.allot_bytes(m, &[0; 4]).map(|_| ())
            }
            BufferColon => {
                let u = self.pop(m)?;
                self.define_with_body(m, CodeField::Var, |body| Kind::Variable { body })?;
                let here = self.here(m)? as i64 + i64::from(u);
                if u < 0 || here > i64::from(self.cfg.layout.data_end()) {
                    return Err(self.fail(throw::DICTIONARY_OVERFLOW, "data space is full"));
                }
                m.write_cell(addr::DP, here as i32)
            }
            Marker => {
                let name = self.parse_def_name(m)?;
                let here = m.read_cell(addr::DP)?;
                let snapshot = self.markers.len();
                let order = (self.dict.order().to_vec(), self.dict.current());
                self.markers.push(Snapshot { dict_len: self.dict.len(), here, latest: self.latest, order });
                let xt = self.alloc_xt()?;
                self.install(m, xt, TableEntry::Host)?;
                self.dict.add(Header {
                    name,
                    xt,
                    immediate: false,
                    compile_only: false,
                    hidden: false,
                    kind: Kind::Marker { snapshot },
                });
                Ok(())
            }
            To => {
                let name = self.parse_word_name(m)?;
                if self.state {
                    if let Some(local) = self.current.as_ref().and_then(|c| c.def.find_local(&name)) {
                        return self.compile_local_store(local, &name);
                    }
                }
                let Some(kind) = self.dict.find(&name).map(|h| h.kind.clone()) else {
                    return Err(self.fail(throw::UNDEFINED_WORD, format!("undefined word {name}")));
                };
                match (kind, self.state) {
                    (Kind::Value { body }, true) => self.compile_op(Op::StoreLit(body)),
                    (Kind::Value { body }, false) => {
                        let v = self.pop(m)?;
                        m.write_cell(body, v)
                    }
                    (Kind::TwoValue { body }, true) => {
                        self.compile_op(Op::Lit(body as i32))?;
                        self.compile_op(Op::Prim(Prim::TwoStore))
                    }
                    (Kind::TwoValue { body }, false) => {
                        let x2 = self.pop(m)?;
                        let x1 = self.pop(m)?;
                        m.write_cell(body, x2)?;
                        m.write_cell(body + 4, x1)
                    }
                    (Kind::FValue { body }, _) => self.store_fvalue(m, body),
                    // gforth's OUTFILE-ID and INFILE-ID are VALUEs: storing
                    // one redirects output or input until the next store.
                    (Kind::Host(id @ (HostWord::OutfileId | HostWord::InfileId)), state) => {
                        let store = if id == HostWord::OutfileId { ToOutfileId } else { ToInfileId };
                        if state {
                            self.compile_op(Op::Call(host_xt(store)))
                        } else {
                            self.run_host(m, store)
                        }
                    }
                    _ => Err(self.fail(throw::INVALID_NAME, "TO needs a VALUE, a 2VALUE, an FVALUE or a local")),
                }
            }
            Is | ActionOf => {
                let (xt, _, kind) = self.find_parsed(m)?;
                let Kind::Defer { body } = kind else {
                    return Err(self.fail(throw::INVALID_NAME, format!("{} needs a DEFERred word", h.name())));
                };
                if self.state {
                    self.compile_op(Op::Lit(xt as i32))?;
                    self.compile_op(Op::Prim(if h == Is { Prim::DeferStore } else { Prim::DeferFetch }))
                } else if h == Is {
                    let target = self.pop(m)?;
                    m.write_cell(body, target)
                } else {
                    let v = m.read_cell(body)?;
                    self.push(m, v)
                }
            }
            Immediate => {
                if let Some(id) = self.latest {
                    self.dict.get_mut(id).immediate = true;
                }
                Ok(())
            }
            Tick => {
                let (xt, _, _) = self.find_parsed(m)?;
                self.push(m, xt as i32)
            }
            BracketTick => {
                let (xt, _, _) = self.find_parsed(m)?;
                self.compile_op(Op::Lit(xt as i32))
            }
            Postpone => {
                let (xt, immediate, kind) = self.find_parsed(m)?;
                self.postpone_word(m, xt, immediate, &kind)
            }
            BracketCompile => {
                let (xt, _, _) = self.find_parsed(m)?;
                self.compile_xt(m, xt)
            }
            Literal => {
                let v = self.pop(m)?;
                self.compile_op(Op::Lit(v))
            }
            ToStderr => match (self.state, self.current.as_mut()) {
                (true, Some(cur)) => {
                    cur.def.redirect_to_stderr();
                    Ok(())
                }
                _ => {
                    self.push(m, crate::gforth_io::STDERR as i32)?;
                    self.run_host(m, ToOutfileId)
                }
            },
            CompileComma => {
                let xt = self.pop(m)?;
                if self.current.is_none() {
                    // gforth appends threaded code to the dictionary even
                    // outside a definition (tables of xts are built so); the
                    // nearest here is the xt in a cell of data space.
                    return self.allot_bytes(m, &xt.to_le_bytes()).map(|_| ());
                }
                self.compile_xt(m, xt as Xt)
            }
            LeftBracket => self.set_state(m, false),
            RightBracket => self.set_state(m, true),
            Recurse => {
                let xt = match &self.current {
                    Some(c) => c.def.func.xt,
                    None => return Err(self.fail(throw::COMPILE_ONLY, "RECURSE outside a definition")),
                };
                self.compile_op(Op::Call(xt))
            }
            Exit | Unloop | LoopI | LoopJ | LoopK | LoopLimit => {
                if self.state && self.current.is_some() {
                    self.compile_xt(m, host_xt(h))
                } else {
                    Err(self.fail(throw::COMPILE_ONLY, format!("{} can only be compiled", h.name())))
                }
            }
            If => self.with_def(m, |d| {
                d.if_();
                Ok(())
            }),
            Else => self.with_def(m, Definition::else_),
            Then => self.with_def(m, Definition::then),
            Begin => self.with_def(m, |d| {
                d.begin();
                Ok(())
            }),
            Until => self.with_def(m, Definition::until),
            While => self.with_def(m, Definition::while_),
            Repeat => self.with_def(m, Definition::repeat),
            Again => self.with_def(m, Definition::again),
            Ahead => self.with_def(m, |d| {
                d.ahead();
                Ok(())
            }),
            Do | QuestionDo => self.with_def(m, |d| {
                d.do_(h == QuestionDo);
                Ok(())
            }),
            Loop => self.with_def(m, |d| d.loop_(false)),
            PlusLoop => self.with_def(m, |d| d.loop_(true)),
            Leave => self.with_def(m, Definition::leave),
            // Interpreted, gforth's CASE pushes its case-sys, a zero.
            Case if !self.state => self.push(m, 0),
            Case => self.with_def(m, |d| {
                d.case();
                Ok(())
            }),
            Of => self.with_def(m, Definition::of),
            EndOf => self.with_def(m, Definition::endof),
            EndCase => self.with_def(m, Definition::endcase),
            CsPick | CsRoll => {
                let u = self.pop(m)?;
                let u = usize::try_from(u).unwrap_or(usize::MAX);
                self.with_def(m, |d| if h == CsPick { d.cs_pick(u) } else { d.cs_roll(u) })
            }
            Paren => self.comment(m),
            Backslash | HashBang => {
                let end = match self.inputs.last() {
                    // In a block, the comment ends with its 64-character line.
                    Some(t) if matches!(t.kind, SourceKind::Block { .. }) => {
                        let line = crate::block::LINE;
                        ((t.tok_start / line + 1) * line).min(t.line.len())
                    }
                    Some(t) => t.line.len(),
                    None => 0,
                };
                m.write_cell(addr::TO_IN, end as i32)
            }
            DotParen => {
                let s = self.parse_string(m, b')', ".(")?;
                self.display(m, &s)
            }
            SQuote => {
                let s = self.parse_string(m, b'"', "S\"")?;
                self.string_literal(m, &s)
            }
            SBackslashQuote => {
                let raw = self.parse_escaped(m)?;
                let s = self.unescape(raw)?;
                self.string_literal(m, &s)
            }
            BackslashQuoteParse => {
                let raw = self.parse_escaped(m)?;
                let s = self.unescape(raw)?;
                // At HERE and not allotted, as gforth leaves it: the caller
                // copies it (S\" does) before data space grows.
                let here = self.allot_bytes(m, &s)?;
                m.write_cell(addr::DP, here as i32)?;
                self.push(m, here as i32)?;
                self.push(m, s.len() as i32)
            }
            CQuote => {
                let s = self.parse_string(m, b'"', "C\"")?;
                if s.len() > 255 {
                    return Err(self.fail(throw::PARSED_OVERFLOW, "counted strings are at most 255 characters"));
                }
                let mut counted = vec![s.len() as u8];
                counted.extend_from_slice(&s);
                let a = self.allot_bytes(m, &counted)?;
                self.align(m)?;
                self.compile_op(Op::Lit(a as i32))
            }
            DotQuote => {
                let s = self.parse_string(m, b'"', ".\"")?;
                // Interpreted, it displays the text now, as in gforth.
                if !self.state {
                    return self.display(m, &s);
                }
                self.string_literal(m, &s)?;
                // It calls the deferred TYPE, which the prelude defines first
                // (so during boot it is the latest TYPE).
                let ty = self.system.type_xt.or_else(|| self.dict.find("TYPE").map(|h| h.xt));
                self.compile_op(Op::Call(ty.unwrap_or(host_xt(Type))))
            }
            AbortQuote => {
                let s = self.parse_string(m, b'"', "ABORT\"")?;
                self.string_literal(m, &s)?;
                self.compile_op(Op::Call(host_xt(AbortQuoteRuntime)))
            }
            AbortQuoteRuntime => {
                let u = self.pop(m)?;
                let a = self.pop(m)?;
                let flag = self.pop(m)?;
                if flag == 0 {
                    return Ok(());
                }
                let text = m.read_vec(a as u32, u as u32)?;
                m.write_cell(addr::ABORT_MSG_ADDR, a)?;
                m.write_cell(addr::ABORT_MSG_LEN, u)?;
                Err(self.fail(throw::ABORT_QUOTE, String::from_utf8_lossy(&text).into_owned()))
            }
            Char | BracketChar => {
                let (_, tok) = self.parse_name(m)?;
                if tok.is_empty() {
                    return Err(self.fail(throw::ZERO_LENGTH_NAME, "a character was expected"));
                }
                // The first xchar of the name (XCHAR EXT), UTF-8 decoded.
                let c = crate::host_xchar::decode(&tok).0;
                if h == Char {
                    self.push(m, c)
                } else {
                    self.compile_op(Op::Lit(c))
                }
            }
            Word => {
                let delim = self.pop(m)? as u8;
                let (start, len, _) = self.parse_delim(m, delim, true)?;
                if len > 255 {
                    return Err(self.fail(throw::PARSED_OVERFLOW, "WORD parsed more than 255 characters"));
                }
                let mut counted = vec![len as u8];
                counted.extend(self.line_bytes(start, len));
                counted.push(b' ');
                // As in gforth, the counted string is at HERE, so the
                // Starting Forth idiom `WORD C@ 1+ ALLOT` keeps it; where
                // data space has no room left, in a buffer of its own.
                let here = self.here(m)?;
                let fits = u64::from(here) + counted.len() as u64 <= u64::from(self.cfg.layout.data_end());
                let to = if fits { here } else { addr::WORD_BUF };
                m.write(to, &counted)?;
                self.push(m, to as i32)
            }
            Parse => {
                let delim = self.pop(m)? as u8;
                let (start, len, _) = self.parse_delim(m, delim, false)?;
                let a = self.line_addr(start);
                self.push(m, a as i32)?;
                self.push(m, len as i32)
            }
            ParseName => {
                let (start, tok) = self.parse_name(m)?;
                let a = self.line_addr(start);
                self.push(m, a as i32)?;
                self.push(m, tok.len() as i32)
            }
            Find => {
                let a = self.pop(m)? as u32;
                let len = m.read_byte(a)?;
                let name = m.read_vec(a + 1, u32::from(len))?;
                match self.dict.find(&String::from_utf8_lossy(&name)) {
                    Some(hdr) => {
                        let (xt, flag) = (hdr.xt, if hdr.immediate { 1 } else { -1 });
                        self.push(m, xt as i32)?;
                        self.push(m, flag)
                    }
                    None => {
                        self.push(m, a as i32)?;
                        self.push(m, 0)
                    }
                }
            }
            ToNumber => self.convert_number(m),
            Evaluate => {
                let u = self.pop(m)?;
                let a = self.pop(m)? as u32;
                let text = m.read_vec(a, u.max(0) as u32)?;
                self.push_input_at(m, SourceKind::Evaluate, text, None, Some(a))?;
                self.interpret_source(m)?;
                self.pop_input(m)
            }
            Refill => {
                let ok = self.refill(m)?;
                self.push(m, if ok { -1 } else { 0 })
            }
            SaveInput => self.save_input(m),
            RestoreInput => self.restore_input(m),
            Included => {
                let u = self.pop(m)?;
                let a = self.pop(m)? as u32;
                let path = m.read_vec(a, u.max(0) as u32)?;
                self.include(m, &String::from_utf8_lossy(&path))
            }
            Include => {
                let name = self.parse_word_name(m)?;
                self.include(m, &name)
            }
            Catch => self.catch(m),
            Throw => match self.pop(m)? {
                0 => Ok(()),
                code => Err(Fault::Throw(code)),
            },
            Abort => Err(Fault::Throw(throw::ABORT)),
            DoesRuntime => {
                let does = self.pop(m)? as Xt;
                self.apply_does(m, does)
            }
            Does => self.does(m),
            Quit => {
                let base = self.cfg.layout.rs_base();
                m.set_rp(base);
                Err(Fault::Quit)
            }
            Bye => Err(Fault::Bye),
            Emit => {
                let c = self.pop(m)?;
                self.out_bytes(m, &[c as u8]);
                Ok(())
            }
            Type => {
                let u = self.pop(m)?;
                let a = self.pop(m)?;
                if u > 0 {
                    let s = m.read_vec(a as u32, u as u32)?;
                    self.out_bytes(m, &s);
                }
                Ok(())
            }
            // gforth's CR types a newline through the deferred TYPE.
            Cr => self.display(m, b"\n"),
            Key => {
                let c = self.key_in(m)?;
                self.push(m, c)
            }
            Accept => {
                let n = self.pop(m)?;
                let a = self.pop(m)? as u32;
                let Some(line) = self.accept_line(m, n.max(0) as usize)? else {
                    // As gforth: end of input before a line ends the program.
                    return Err(Fault::Bye);
                };
                let take = line.len().min(n.max(0) as usize);
                m.write(a, &line[..take])?;
                self.push(m, take as i32)
            }
            DotS => {
                let out = self.dot_s_text(m)?;
                self.display(m, out.as_bytes())
            }
            Words => {
                let text = self.words_text();
                self.display(m, text.as_bytes())
            }
            Environment => self.environment(m),
            Alias | Defers | CompileOnly | Restrict | Latest | LatestXt | LastXt | FindName | NameToInt | NameQInt
            | ToName | BodyFrom | IdDot | CompTick | BracketCompTick | ParenTick | BracketParenTick | NextNameWord
            | NoName | Recursive | Reveal | InterpretCompile | PostponeMode | ToDoesCode | DoesCodeStore
            | StoreDoes => self.run_gforth_defining(m, h),
            Try | IfError | Restore | EndTry | EndTryIfError | NoThrow | ParenTry => self.run_gforth_exceptions(m, h),
            SourceFilename | SourceLineNumber | IncludedQ | AddIncludedFile | ExecuteParsing => {
                self.run_gforth_input(m, h)
            }
            BracketDo | BracketQDo | BracketLoop | BracketPlusLoop | BracketFor | BracketNext | BracketI
            | BracketBegin | BracketUntil | BracketAgain | BracketWhile | BracketRepeat => self.run_bracket_loop(m, h),
            TildeTilde | CloseAssert | TildeTildeRuntime | AssertRuntime => self.run_gforth_debug(m, h),
            QDupIf | QDupZeroIf | PlusDo | MinusDo | UPlusDo | UMinusDo | MinusLoop | For | Next | QLeave | QExit
            | EndIf | Unreachable | AssumeLive | Done | Branch | QBranch | Call | ToMark => {
                self.run_gforth_control(m, h)
            }
            InterpretationGt | LtInterpretation | CompilationGt | LtCompilation | SemanticsDoes => {
                self.run_gforth_intcomp(m, h)
            }
            BracketIf | BracketElse | BracketThen | BracketDefined | BracketUndefined | NToR | NRFrom | Synonym
            | NameToString | NameToInterpret | NameToCompile | TraverseWordlist | Dump | See => self.run_tools(m, h),
            ForthWordlist | Wordlist | Table | GetOrder | SetOrder | GetCurrent | SetCurrent | SearchWordlist
            | Definitions | Also | Only | Order | Previous | ForthOrder | RootOrder | Vocs | DotVoc | NamesWordlist => {
                self.run_search_order(m, h)
            }
            OpenFile | CreateFile | CloseFile | ReadFile | ReadLine | WriteFile | WriteLine | FilePosition
            | RepositionFile | FileSize | ResizeFile | DeleteFile | RenameFile | FileStatus | FlushFile
            | IncludeFile | Required | Require => self.run_file_access(m, h),
            Block | Buffer | Update | SaveBuffers | EmptyBuffers | Load | List => self.run_block(m, h),
            // LOCALS, DOUBLE, MEMORY-ALLOCATION, STRING, FACILITY.
            BraceColon => self.brace_locals(m),
            ParenLocal => self.paren_local(m),
            LocalsBar => self.locals_bar(m),
            Brace => self.gforth_locals(m),
            Scope => self.with_def(m, |d| {
                d.scope();
                Ok(())
            }),
            EndScope => self.with_def(m, Definition::endscope),
            TwoValue => self.two_value_word(m),
            MStarSlash => self.m_star_slash_word(m),
            SLiteral => {
                let (_, s) = self.pop_text(m)?;
                self.string_literal(m, &s)
            }
            Compare => self.compare_word(m),
            Search => self.search_word(m),
            Replaces => self.replaces_word(m),
            Substitute => self.substitute_word(m),
            Unescape => self.unescape_word(m),
            Ms => self.ms_word(m),
            TimeAndDate => self.time_and_date_word(m),
            KeyQuestion => self.key_question_word(m),
            FVariable | FConstant | FValue | FLiteral | FSin | FCos | FTan | FSinCos | FAsin | FAcos | FAtan
            | FAtan2 | FSinh | FCosh | FTanh | FAsinh | FAcosh | FAtanh | FExp | FExpm1 | FLn | FLnp1 | FLog
            | FAlog | FPow | FProx | FDot | FEDot | FSDot | FDotS | Represent | ToFloat | Precision | SetPrecision
            | FDotRdp | FToStrRdp | FToBufRdp => self.run_float(m, h),
            XCSize
            | XSize
            | XCFetchPlus
            | XCStorePlus
            | XCStorePlusQ
            | XCComma
            | XCharPlus
            | XCharMinus
            | PlusXSlashString
            | XBackslashStringMinus
            | TrailingGarbage
            | XWidth
            | XCWidth
            | XEmit
            | XKey
            | XKeyQuestion
            | XHold
            | EKeyToXChar => self.run_xchar(m, h),
            Utime | Cputime | ParenGetenv | Stdin | Stdout | Stderr | InfileId | OutfileId | ToInfileId
            | ToOutfileId | InfileExecute | OutfileExecute | KeyFile | KeyQuestionFile | FileEofQuestion | SpFetch
            | SpStore | RpFetch | RpStore | FpFetch | FpStore | Exception => self.run_gforth_io(m, h),
        }
    }

    /// Gives a `CREATE`d word (`id`) the behaviour `does`: it will push its
    /// body and execute `does` (`DOES>`, gforth's `DOES-CODE!`).
    pub(crate) fn set_does_code(&mut self, m: &mut dyn Machine, id: WordId, does: Xt, word: &str) -> Result<(), Fault> {
        let hdr = self.dict.get(id);
        let (xt, body) = match hdr.kind {
            Kind::Created { body } | Kind::Does { body } => (hdr.xt, body),
            _ => {
                return Err(self.fail(throw::BODY_OF_NON_CREATE, format!("{word} applied to a word not made by CREATE")))
            }
        };
        self.dict.get_mut(id).kind = Kind::Does { body };
        self.set_xt_info(m, xt, body, Some(does))?;
        self.install(m, xt, TableEntry::CodeField(CodeField::Does))
    }

    /// Appends a word's compilation semantics to the current definition
    /// (`POSTPONE`, and each word between gforth's `]]` and `[[`).
    pub(crate) fn postpone_word(
        &mut self,
        m: &mut dyn Machine,
        xt: Xt,
        immediate: bool,
        kind: &Kind,
    ) -> Result<(), Fault> {
        if let Kind::InterpCompile { comp } = *kind {
            self.compile_xt(m, comp)
        } else if immediate {
            self.compile_xt(m, xt)
        } else {
            self.compile_op(Op::Lit(xt as i32))?;
            self.compile_op(Op::Call(host_xt(HostWord::CompileComma)))
        }
    }

    /// The data stack as `.S` shows it: `<depth> ` and each item in `BASE`,
    /// only the top `MAXDEPTH-.S` items (a variable of `gforth/compile.fs`,
    /// 9 unless changed) as in gforth.
    /// The value of a variable the system's Forth files define (in FORTH),
    /// or `None` if a program has replaced it by something else.
    pub(crate) fn system_variable(&self, m: &mut dyn Machine, name: &str) -> Result<Option<i32>, Fault> {
        match self.dict.find_in(name, crate::dictionary::FORTH_WORDLIST).map(|id| &self.dict.get(id).kind) {
            Some(&Kind::Variable { body }) => Ok(Some(m.read_cell(body)?)),
            _ => Ok(None),
        }
    }

    pub(crate) fn dot_s_text(&mut self, m: &mut dyn Machine) -> Result<String, Fault> {
        let stack = self.data_stack(m);
        let base = m.read_cell(addr::BASE)? as u32;
        let max_depth = match self.system_variable(m, "MAXDEPTH-.S")? {
            Some(v) => v.max(0) as usize,
            None => usize::MAX,
        };
        let mut out = format!("<{}> ", stack.len());
        for &v in &stack[stack.len().saturating_sub(max_depth)..] {
            out.push_str(&format_signed(v, base));
            out.push(' ');
        }
        Ok(out)
    }

    pub(crate) fn set_state(&mut self, m: &mut dyn Machine, compiling: bool) -> Result<(), Fault> {
        self.state = compiling;
        m.write_cell(addr::STATE, if compiling { -1 } else { 0 })
    }

    fn start_definition(&mut self, m: &mut dyn Machine, name: String) -> Result<(), Fault> {
        if self.current.is_some() {
            return Err(self.fail(throw::COMPILER_NESTING, "a definition is already open"));
        }
        let xt = self.alloc_xt()?;
        let start = self.location();
        let id = self.dict.add(Header {
            name: name.clone(),
            xt,
            immediate: false,
            compile_only: false,
            hidden: true,
            kind: Kind::Colon,
        });
        self.latest = Some(id);
        let text = self.inputs.last().map(|t| (self.inputs.len(), t.line[t.tok_start.min(t.line.len())..].to_vec()));
        let mut def = Definition::new(xt, if name.is_empty() { ":NONAME".into() } else { name });
        // Only the program's definitions in named text get a source map: the
        // prelude's are never viewed, and booting stays as fast as before.
        let booting = self.boot_record.as_ref().is_some_and(|r| r.open);
        if !booting && start.is_some() {
            def.tokens = Some(Box::new(crate::source_map::TokenTrace::new(self.inputs.len())));
        }
        self.current = Some(Current { def, header: id, start, text, stack_comment: None });
        self.set_state(m, true)
    }

    fn end_definition(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        if !self.gforth.tries.is_empty() || !self.gforth.semantics_parts.is_empty() {
            return Err(self.cf_error(crate::definition::CfError::Mismatch(";")));
        }
        if self.current.is_none() {
            return Err(self.fail(throw::CONTROL_MISMATCH, "; without :"));
        }
        self.check_closed(m, ";")?;
        let mut cur = self.current.take().expect("checked above");
        let source_map = cur.def.take_source_map();
        if let Some((depth, mut text)) = cur.text {
            if depth == self.inputs.len() {
                let top = self.inputs.last().expect("the input source of the definition");
                let to_in = (m.read_cell(addr::TO_IN)?.max(0) as usize).min(top.line.len());
                text.truncate(text.len().saturating_sub(top.line.len() - to_in));
            }
            let xt = self.dict.get(cur.header).xt;
            self.see_sources.insert(xt, String::from_utf8_lossy(&text).trim_end().to_string());
        }
        let mut funcs = self.finish_def(cur.def)?;
        let name = self.dict.get(cur.header).name.clone();
        let word = if name.is_empty() { ":NONAME".to_string() } else { name.to_ascii_uppercase() };
        let count = |n: u32| if n == 1 { "1 item".to_string() } else { format!("{n} items") };
        let imbalance =
            funcs.iter().enumerate().find_map(|(i, f)| Some((i, crate::passes::return_balance::imbalance(f)?)));
        if let Some((i, crate::passes::return_balance::Imbalance::Taken(n))) = imbalance {
            // gforth would run it on its return addresses. Here it cannot
            // mean what it says, but a program may define such a word and
            // never run it (a library's `F>R` for systems without one), so
            // the word is defined and running it is the error.
            let what = format!(
                "return stack not balanced ({} taken from the caller, where gforth keeps return addresses and this system none)",
                count(n)
            );
            self.warnings.push(crate::warnings::Warning {
                location: cur.start.clone(),
                word: word.clone(),
                message: format!("{what}: running it is an error"),
            });
            let text = format!("{word}: {what}");
            let a = self.allot_bytes(m, text.as_bytes())?;
            self.align(m)?;
            let f = &mut funcs[i];
            f.blocks = vec![crate::ir::Block {
                ops: vec![
                    Op::Lit(-1),
                    Op::Lit(a as i32),
                    Op::Lit(text.len() as i32),
                    Op::Call(host_xt(HostWord::AbortQuoteRuntime)),
                ],
                term: crate::ir::Term::Return,
            }];
            (f.n_loops, f.n_locals) = (0, 0);
        }
        if let Some((_, crate::passes::return_balance::Imbalance::Left(n))) = imbalance {
            let what = format!("{} left", count(n));
            self.dict.truncate_if_last(cur.header);
            self.set_state(m, false)?;
            self.detail = Some(crate::interpreter::Detail {
                location: self.location(),
                word: Some(word),
                message: Some(format!("return stack not balanced at ; ({what})")),
                hide_code: false,
            });
            return Err(Fault::Throw(throw::RSTACK_IMBALANCE));
        }
        self.declare(funcs[0].xt, cur.stack_comment.as_deref(), cur.start.clone(), &name);
        self.note_definition(funcs[0].xt, cur.start.clone());
        if let Some(map) = source_map {
            self.source_maps.insert(funcs[0].xt, map);
        }
        if funcs.iter().any(|f| !crate::cfg::Cfg::new(f).reducible) {
            return Err(self.fail(
                throw::CONTROL_MISMATCH,
                "control flow enters a loop in two places; this compiler cannot express it",
            ));
        }
        self.pipeline.pending.extend(funcs);
        self.dict.get_mut(cur.header).hidden = false;
        self.set_state(m, false)?;
        // Bound the size of a batch, so that a long file of definitions
        // compiles in pieces of predictable cost.
        if self.pipeline.pending.len() >= crate::interpreter::MAX_BATCH {
            self.prepare()?;
        }
        Ok(())
    }

    /// Gives the latest `CREATE`d word the behaviour of `does`: the run time
    /// of `DOES>`.
    fn apply_does(&mut self, m: &mut dyn Machine, does: Xt) -> Result<(), Fault> {
        let Some(id) = self.latest else {
            return Err(self.fail(throw::BODY_OF_NON_CREATE, "DOES> without a CREATEd word"));
        };
        self.set_does_code(m, id, does, "DOES>")
    }

    /// `DOES>` while interpreting, as gforth gives it: the latest `CREATE`d
    /// word gets the behaviour compiled from here to `;`, a nameless
    /// definition (`CREATE X 1 , DOES> @ ;`).
    fn does_interpreted(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let created = self.latest;
        self.start_definition(m, String::new())?;
        self.latest = created;
        let xt = self.current.as_ref().expect("just started").def.func.xt;
        if let Err(f) = self.apply_does(m, xt) {
            // Nothing is left open: the error names DOES>, not a definition.
            if let Some(cur) = self.current.take() {
                self.dict.truncate_if_last(cur.header);
            }
            self.set_state(m, false)?;
            return Err(f);
        }
        Ok(())
    }

    /// `DOES>` at compile time: ends this part of the definition with a call
    /// to the run time of `DOES>`, and starts the part the child words run.
    fn does(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        if self.current.is_none() && !self.state {
            return self.does_interpreted(m);
        }
        let does_xt = self.alloc_hidden_colon()?;
        self.compile_op(Op::Lit(does_xt as i32))?;
        self.compile_op(Op::Call(host_xt(HostWord::DoesRuntime)))?;
        if self.current.is_none() {
            return Err(self.fail(throw::COMPILE_ONLY, "DOES> outside a definition"));
        }
        self.check_closed(m, "DOES>")?;
        let cur = self.current.take().expect("checked above");
        let name = format!("{} (does>)", cur.def.func.name);
        let (header, start, text) = (cur.header, cur.start, cur.text);
        let funcs = self.finish_def(cur.def)?;
        self.pipeline.pending.extend(funcs);
        self.current = Some(Current {
            def: Definition::new(does_xt, name),
            header,
            start,
            text,
            // Not checked (see `warnings`): mark the comment as seen.
            stack_comment: Some(String::new()),
        });
        self.set_state(m, true)
    }

    /// Defines a word with a data field at (aligned) `HERE`; returns the body.
    pub(crate) fn define_with_body(
        &mut self,
        m: &mut dyn Machine,
        cf: CodeField,
        kind: impl FnOnce(u32) -> Kind,
    ) -> Result<u32, Fault> {
        let name = self.parse_def_name(m)?;
        self.align(m)?;
        let body = self.here(m)?;
        let xt = self.alloc_xt()?;
        self.set_xt_info(m, xt, body, None)?;
        self.install(m, xt, TableEntry::CodeField(cf))?;
        let id =
            self.dict.add(Header { name, xt, immediate: false, compile_only: false, hidden: false, kind: kind(body) });
        self.latest = Some(id);
        Ok(body)
    }

    /// Parses a string up to `delim` on the current line; a missing
    /// delimiter is an error.
    fn parse_string(&mut self, m: &mut dyn Machine, delim: u8, word: &str) -> Result<Vec<u8>, Fault> {
        // One space after the word is the delimiter of the word itself.
        let (start, len, found) = self.parse_delim(m, delim, false)?;
        if !found {
            let what = if delim == b')' { "')'" } else { "'\"'" };
            return Err(self.fail_plain(
                throw::UNEXPECTED_EOF,
                format!("unterminated string: {word} needs a closing {what} on the same line"),
            ));
        }
        Ok(self.line_bytes(start, len))
    }

    /// `(`: a comment, which in a file may span lines.
    fn comment(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        if let Some(text) = self.skip_comment(m)? {
            self.note_comment(&text);
        }
        Ok(())
    }

    /// Parses a `(` comment, which in a file may span lines; the text of its
    /// last line if it found the `)`. As in gforth, a comment still open at
    /// the end of a file ends there, with `warning: ')' missing` on the
    /// standard output unless `WARNINGS` is off.
    pub(crate) fn skip_comment(&mut self, m: &mut dyn Machine) -> Result<Option<Vec<u8>>, Fault> {
        loop {
            let (at, len, found) = self.parse_delim(m, b')', false)?;
            if found {
                return Ok(Some(self.line_bytes(at, len)));
            }
            let is_file = matches!(self.inputs.last().map(|i| &i.kind), Some(SourceKind::File { .. }));
            if !is_file {
                return Ok(None);
            }
            if !self.refill_file(m)? {
                if self.system_variable(m, "WARNINGS")? != Some(0) {
                    self.display(m, b"warning: ')' missing\n")?;
                }
                return Ok(None);
            }
        }
    }

    /// Memory of `size` bytes (at least one) from `ALLOCATE`; `None` if
    /// the heap is full.
    pub(crate) fn allocate(&mut self, m: &mut dyn Machine, size: u32) -> Result<Option<u32>, Fault> {
        // During boot (before the system's words are known) the prelude's
        // own ALLOCATE is the only one there is.
        let found = self.system.allocate.or_else(|| self.dict.find("ALLOCATE").map(|h| h.xt));
        let Some(xt) = found else { return Ok(None) };
        self.push(m, size.max(1) as i32)?;
        self.execute(m, xt)?;
        let ior = self.pop(m)?;
        let a = self.pop(m)?;
        Ok((ior == 0).then_some(a as u32))
    }

    /// Copies bytes to memory from `ALLOCATE`; `None` if the heap is full.
    fn save_mem(&mut self, m: &mut dyn Machine, s: &[u8]) -> Result<Option<u32>, Fault> {
        let Some(a) = self.allocate(m, s.len() as u32)? else { return Ok(None) };
        m.write(a, s)?;
        Ok(Some(a))
    }

    /// Pushes a string (interpreting) or compiles it (compiling).
    pub(crate) fn string_literal(&mut self, m: &mut dyn Machine, s: &[u8]) -> Result<(), Fault> {
        if self.state {
            let a = self.allot_bytes(m, s)?;
            self.align(m)?;
            self.compile_op(Op::Lit(a as i32))?;
            self.compile_op(Op::Lit(s.len() as i32))
        } else {
            // As in gforth 0.7.3, an interpreted string lives on in memory
            // of its own (gforth's `save-mem`): programs keep them in
            // tables (`S" first" 2,`). Only when the heap is full does it
            // go to one of the two transient buffers the standard names.
            if let Some(a) = self.save_mem(m, s)? {
                self.push(m, a as i32)?;
                return self.push(m, s.len() as i32);
            }
            if s.len() > addr::SQUOTE_BUF_LEN as usize {
                return Err(self.fail(
                    throw::PARSED_OVERFLOW,
                    format!("interpreted strings are at most {} bytes", addr::SQUOTE_BUF_LEN),
                ));
            }
            let a = addr::SQUOTE_BUF + self.squote_next * addr::SQUOTE_BUF_LEN;
            self.squote_next ^= 1;
            m.write(a, s)?;
            self.push(m, a as i32)?;
            self.push(m, s.len() as i32)
        }
    }

    /// Parses the raw text of `S\"`: up to a `"` that no `\` escapes.
    fn parse_escaped(&mut self, m: &mut dyn Machine) -> Result<Vec<u8>, Fault> {
        let to_in = m.read_cell(addr::TO_IN)?.max(0) as usize;
        let line = self.inputs.last().map(|t| t.line.clone()).unwrap_or_default();
        let mut i = to_in.min(line.len());
        let start = i;
        while i < line.len() && line[i] != b'"' {
            i += if line[i] == b'\\' { 2 } else { 1 };
        }
        if i >= line.len() {
            m.write_cell(addr::TO_IN, line.len() as i32)?;
            return Err(self.fail_plain(
                throw::UNEXPECTED_EOF,
                "unterminated string: S\\\" needs a closing '\"' on the same line",
            ));
        }
        m.write_cell(addr::TO_IN, (i + 1) as i32)?;
        Ok(line[start..i].to_vec())
    }

    /// The escapes of `S\"`.
    fn unescape(&mut self, raw: Vec<u8>) -> Result<Vec<u8>, Fault> {
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let c = raw[i];
            i += 1;
            if c != b'\\' {
                out.push(c);
                continue;
            }
            let Some(&e) = raw.get(i) else {
                out.push(b'\\');
                break;
            };
            i += 1;
            match e {
                b'a' => out.push(7),
                b'b' => out.push(8),
                b'e' => out.push(27),
                b'f' => out.push(12),
                b'l' | b'n' => out.push(10),
                b'm' => out.extend_from_slice(b"\r\n"),
                b'q' | b'"' => out.push(b'"'),
                b'r' => out.push(13),
                b't' => out.push(9),
                b'v' => out.push(11),
                b'z' => out.push(0),
                b'\\' => out.push(b'\\'),
                b'x' => {
                    let hex = |c: Option<&u8>| c.and_then(|&c| crate::number::digit(c, 16));
                    match (hex(raw.get(i)), hex(raw.get(i + 1))) {
                        (Some(h), Some(l)) => {
                            out.push((h * 16 + l) as u8);
                            i += 2;
                        }
                        _ => return Err(self.fail(throw::INVALID_NUMERIC, "\\x needs two hex digits")),
                    }
                }
                other => out.push(other),
            }
        }
        Ok(out)
    }

    /// `>NUMBER`: accumulates digits of `BASE` into a double.
    fn convert_number(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let mut u = self.pop(m)?;
        let mut a = self.pop(m)? as u32;
        let hi = self.pop(m)? as u32;
        let lo = self.pop(m)? as u32;
        let base = m.read_cell(addr::BASE)? as u32;
        let mut acc = (u64::from(hi) << 32) | u64::from(lo);
        while u > 0 {
            let c = m.read_byte(a)?;
            let Some(d) = crate::number::digit(c, base) else {
                break;
            };
            acc = acc.wrapping_mul(u64::from(base)).wrapping_add(u64::from(d));
            a += 1;
            u -= 1;
        }
        self.push(m, acc as u32 as i32)?;
        self.push(m, (acc >> 32) as u32 as i32)?;
        self.push(m, a as i32)?;
        self.push(m, u)
    }

    fn catch(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let xt = self.pop(m)? as Xt;
        let code = self.run_caught(m, xt, &[])?;
        self.push(m, code)
    }

    /// Pushes `args` and executes `xt`, catching a throw: then the stacks
    /// get back the depths they had before `args`, and the result is the
    /// throw code (0 if nothing was thrown).
    pub(crate) fn run_caught(&mut self, m: &mut dyn Machine, xt: Xt, args: &[i32]) -> Result<i32, Fault> {
        let (sp, rp, depth) = (m.sp(), m.rp(), self.inputs.len());
        // THROW restores the depth of every stack, the float stack too.
        let fsp = m.fsp();
        let state = self.state;
        for &a in args {
            self.push(m, a)?;
        }
        match self.execute(m, xt) {
            Ok(()) => Ok(0),
            Err(f) => match f.catch_code() {
                Some(code) => {
                    m.set_sp(sp);
                    m.set_rp(rp);
                    m.set_fsp(fsp);
                    self.unwind_inputs(m, depth)?;
                    if self.state != state {
                        self.set_state(m, state)?;
                    }
                    self.detail = None;
                    self.message = None;
                    Ok(code)
                }
                None => Err(f),
            },
        }
    }

    fn save_input(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let to_in = m.read_cell(addr::TO_IN)?;
        if let Some(SourceKind::Block { blk, .. }) = self.inputs.last().map(|t| &t.kind) {
            let blk = *blk as i32;
            self.push(m, blk)?;
            self.push(m, to_in)?;
            return self.push(m, 2);
        }
        let top = self.inputs.last().map(|t| (matches!(t.kind, SourceKind::File { .. }), t.line_start, t.line_no));
        match top {
            Some((true, start, line_no)) => {
                self.push(m, start as i32)?;
                self.push(m, line_no as i32)?;
                self.push(m, to_in)?;
                self.push(m, 3)
            }
            _ => {
                self.push(m, to_in)?;
                self.push(m, 1)
            }
        }
    }

    fn restore_input(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let n = self.pop(m)?;
        let is_file = matches!(self.inputs.last().map(|i| &i.kind), Some(SourceKind::File { .. }));
        let block = match self.inputs.last().map(|i| &i.kind) {
            Some(SourceKind::Block { blk, .. }) => Some(*blk),
            _ => None,
        };
        if let (2, Some(cur)) = (n, block) {
            let to_in = self.pop(m)?;
            let blk = self.pop(m)?;
            if blk < 0 {
                return self.push(m, -1);
            }
            if blk as u32 != cur {
                self.reload_block(m, blk as u32)?;
            }
            m.write_cell(addr::TO_IN, to_in)?;
            self.push(m, 0)
        } else if n == 3 && is_file {
            let to_in = self.pop(m)?;
            let line_no = self.pop(m)? as u32;
            let start = self.pop(m)? as usize;
            let top = self.inputs.last_mut().expect("checked");
            if top.line_start != start || top.line_no != line_no {
                if !top.seek_file(start, line_no) {
                    return self.push(m, -1);
                }
                let line = top.next_file_line().unwrap_or_default();
                self.set_line(m, line)?;
            }
            m.write_cell(addr::TO_IN, to_in)?;
            self.push(m, 0)
        } else if n == 1 && !is_file && block.is_none() {
            let to_in = self.pop(m)?;
            m.write_cell(addr::TO_IN, to_in)?;
            self.push(m, 0)
        } else {
            for _ in 0..n.max(0) {
                self.pop(m)?;
            }
            self.push(m, -1)
        }
    }

    fn environment(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let u = self.pop(m)?;
        let a = self.pop(m)? as u32;
        let q = String::from_utf8_lossy(&m.read_vec(a, u.max(0) as u32)?).to_ascii_uppercase();
        let l = self.cfg.layout;
        let single = |v: i32| vec![v];
        let answer: Option<Vec<i32>> = match q.as_str() {
            "/COUNTED-STRING" => Some(single(255)),
            "#LOCALS" => Some(single(crate::locals::MAX_LOCALS as i32)),
            "/HOLD" => Some(single((addr::HOLD_END - addr::HOLD_START) as i32)),
            "/PAD" => Some(single(addr::PAD_LEN as i32)),
            "ADDRESS-UNIT-BITS" => Some(single(8)),
            "FLOORED" => Some(single(-1)),
            "MAX-CHAR" => Some(single(255)),
            "MAX-D" => Some(vec![-1, i32::MAX]),
            "MAX-N" => Some(single(i32::MAX)),
            "MAX-U" => Some(single(-1)),
            "MAX-UD" => Some(vec![-1, -1]),
            "RETURN-STACK-CELLS" => Some(single(l.return_stack_cells as i32)),
            "STACK-CELLS" => Some(single(l.data_stack_cells as i32)),
            "WORDLISTS" => Some(single(crate::dictionary::MAX_ORDER as i32)),
            "FLOATING" | "FLOATING-EXT" | "FLOATING-STACK" | "MAX-FLOAT" => self.float_environment(m, &q)?,
            // The word-set queries (obsolescent in Forth 2012), answered as
            // gforth answers them: every one of these sets is complete.
            "CORE" | "CORE-EXT" | "DOUBLE" | "DOUBLE-EXT" | "EXCEPTION" | "EXCEPTION-EXT" | "FACILITY"
            | "FACILITY-EXT" | "FILE" | "FILE-EXT" | "LOCALS" | "LOCALS-EXT" | "MEMORY-ALLOC" | "MEMORY-ALLOC-EXT"
            | "SEARCH-ORDER" | "SEARCH-ORDER-EXT" | "STRING" | "STRING-EXT" | "TOOLS" | "TOOLS-EXT" | "BLOCK"
            | "BLOCK-EXT" => Some(single(-1)),
            _ => None,
        };
        match answer {
            Some(vals) => {
                for v in vals {
                    self.push(m, v)?;
                }
                self.push(m, -1)
            }
            None => self.push(m, 0),
        }
    }
}
