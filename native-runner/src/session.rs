//! A booted Forth system on wasmtime, with the options every subcommand shares.

use std::path::PathBuf;

use compiler::boot_snapshot::OpenSnapshot;
use compiler::{Config, Forth, ImageInfo, Stop};

use crate::aot;
use crate::console::Console;
use crate::engine;
use crate::machine::NativeMachine;
use crate::module_cache::ModuleCache;

/// Limits and caching, shared by the subcommands that run Forth.
#[derive(clap::Args, Debug, Clone)]
pub struct Limits {
    /// Stop a program that runs longer than this many seconds (0: no limit;
    /// such a run can only be stopped from outside). On Linux (x86_64,
    /// aarch64) a limit costs nothing, a signal interrupts the run;
    /// elsewhere it compiles epoch checks, which slow calls and tight loops.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub timeout: f64,
    /// Linear memory size in MiB: data space, buffers and stacks.
    #[arg(long, value_name = "MIB", default_value_t = compiler::limits::DEFAULT_MEMORY_MIB)]
    pub memory: u32,
    /// Data stack capacity in cells.
    #[arg(long, value_name = "CELLS", default_value_t = compiler::limits::DEFAULT_STACK_CELLS)]
    pub data_stack: u32,
    /// Return stack capacity in cells.
    #[arg(long, value_name = "CELLS", default_value_t = compiler::limits::DEFAULT_STACK_CELLS)]
    pub return_stack: u32,
    /// Floating-point stack capacity in floats.
    #[arg(long, value_name = "FLOATS", default_value_t = runtime::DEFAULT_FLOAT_STACK)]
    pub float_stack: u32,
    /// The largest source file, or file read by INCLUDED, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = compiler::limits::DEFAULT_MAX_INPUT_MIB, value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub max_input: u32,
    /// How deeply input sources may nest: INCLUDED and EVALUATE inside each other.
    #[arg(long, value_name = "N", default_value_t = compiler::limits::DEFAULT_MAX_NESTING, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub max_nesting: u32,
    /// Folder for compiled modules [default: $XDG_CACHE_HOME/fastforth].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Compile every module afresh; read and write no cache.
    #[arg(long)]
    pub no_cache: bool,
    /// The cache folder's size limit, such as 512M or 2G; the least recently
    /// used entries go first [default: $FASTFORTH_CACHE_MAX, or 1G].
    #[arg(long, value_name = "SIZE", value_parser = crate::module_cache::parse_size)]
    pub cache_max: Option<u64>,
    /// Optimization level: 0 keeps every word on the memory stack; 1 and
    /// above give static words register signatures.
    #[arg(short = 'O', long = "opt-level", value_name = "LEVEL", default_value_t = compiler::limits::DEFAULT_OPT_LEVEL, value_parser = clap::value_parser!(u8).range(0..=i64::from(compiler::limits::MAX_OPT_LEVEL)))]
    pub opt_level: u8,
    /// Do not inline small words into their callers (on from -O2).
    #[arg(long)]
    pub no_inline: bool,
    /// The block file of the BLOCK words (BLOCK, LOAD, LIST, ...); created
    /// the first time a block is written.
    #[arg(long, value_name = "FILE", default_value = "blocks.fb")]
    pub blocks: PathBuf,
    /// Run small innermost loop bodies this many times per back edge
    /// [default: 1 (off) below -O2, 4 from -O2].
    #[arg(long, value_name = "FACTOR", value_parser = clap::value_parser!(u8).range(1..=16))]
    pub unroll: Option<u8>,
    /// Keep self tail calls as calls (from -O2 they become loops).
    #[arg(long)]
    pub no_tail_loops: bool,
    /// Keep counted loops scalar (from -O2, loops that reduce or map cell
    /// arrays run four trips at a time with wasm SIMD).
    #[arg(long)]
    pub no_vectorize: bool,
    /// Warn (on stderr) when a definition's stack comment, like ( a b -- c ),
    /// has other item counts than the stack effect the compiler infers.
    #[arg(long)]
    pub warn_stack_comments: bool,
}

impl Limits {
    /// The limits that the browser's session shares (`compiler::Limits`).
    pub fn shared(&self) -> compiler::Limits {
        compiler::Limits {
            memory: self.memory,
            data_stack: self.data_stack,
            return_stack: self.return_stack,
            float_stack: self.float_stack,
            max_input: self.max_input,
            max_nesting: self.max_nesting,
            opt_level: self.opt_level,
        }
    }

    /// Whether code must be interruptible: there is a time limit. Without
    /// one (`--timeout 0`) no engine compiles epoch checks; with one, only
    /// engines on hosts that cannot interrupt by signal do
    /// (`engine::Checks::for_time_limit`).
    pub fn interruptible(&self) -> bool {
        self.timeout > 0.0
    }

    /// The loop-unrolling factor the options ask for.
    pub fn unroll_factor(&self) -> usize {
        self.unroll.map_or(compiler::pipeline::Level::of(self.opt_level).unroll, usize::from)
    }
}

/// The module cache the limits ask for; an unusable folder only costs speed.
pub fn cache(limits: &Limits) -> Option<ModuleCache> {
    if limits.no_cache {
        return None;
    }
    let dir = limits.cache_dir.clone().unwrap_or_else(ModuleCache::default_dir);
    let cache = ModuleCache::new(dir).ok()?;
    Some(match limits.cache_max {
        Some(max) => cache.with_max_bytes(max),
        None => cache,
    })
}

/// The system and its machine.
pub struct Session {
    /// The outer interpreter.
    pub forth: Forth,
    /// The wasmtime machine.
    pub machine: NativeMachine,
}

impl Session {
    /// Builds the engine and machine and boots the system.
    pub fn boot(limits: &Limits, console: Console) -> anyhow::Result<Session> {
        let shared = limits.shared();
        shared.check().map_err(anyhow::Error::msg)?;
        // The engine is made on a thread of its own while the snapshot is
        // read and its decoding starts: each takes about half a millisecond.
        let checks = engine::Checks::for_time_limit(limits.interruptible());
        let making = std::thread::Builder::new().name("engine".into()).spawn(move || engine::engine(checks));
        // The browser builds its system from the same `compiler::Limits`;
        // only the native-only switches are applied on top.
        let base = shared.config();
        let config = Config {
            inline: base.inline && !limits.no_inline,
            block_file: limits.blocks.to_string_lossy().into_owned(),
            unroll: limits.unroll_factor(),
            tail_loops: base.tail_loops && !limits.no_tail_loops,
            vectorize: base.vectorize && !limits.no_vectorize,
            warn_stack_comments: limits.warn_stack_comments,
            ..base
        };
        let cache = cache(limits);
        let key = compiler::boot_snapshot::snapshot_key(&config);
        // The booted system from the cache, when a run with this build and
        // configuration left one: no prelude to compile.
        let opened = cache.as_ref().and_then(|c| c.snapshot(&key)).map(|b| OpenSnapshot::open(&b, &config));
        let engine = match making {
            Ok(thread) => thread.join().unwrap_or_else(|_| Err(anyhow::anyhow!("making the engine panicked")))?,
            Err(_) => engine::engine(checks)?,
        };
        let mut console = console;
        if let Some(opened) = opened {
            let mut machine = NativeMachine::new(&engine, console, cache.clone());
            machine.set_max_file_bytes(shared.max_input_bytes());
            let mut forth = Forth::new(config.clone());
            let r = opened.and_then(|o| forth.boot_from_open(&mut machine, o));
            match r {
                Ok(()) => return Ok(Session { forth, machine }),
                Err(why) => {
                    eprintln!("warning: boot snapshot: {why}; booting from source");
                    if let Some(c) = &cache {
                        c.discard_snapshot(&key);
                    }
                    console = machine.into_console();
                }
            }
        }
        let mut machine = NativeMachine::new(&engine, console, cache.clone());
        machine.set_max_file_bytes(shared.max_input_bytes());
        let mut forth = Forth::new(config);
        // The diagnostic says `error:` itself, so it is the cause, not the message.
        forth.boot(&mut machine).map_err(|s| anyhow::Error::msg(s.to_string()).context("the system did not boot"))?;
        if let Some(c) = &cache {
            // Best effort: a snapshot that cannot be made or stored only
            // costs the next run its speed.
            if let Ok(Some(bytes)) = forth.snapshot(&mut machine) {
                let _ = c.store_snapshot(&key, &bytes);
            }
        }
        Ok(Session { forth, machine })
    }

    /// Builds the engine and machine and boots a linked image as the
    /// kernel: a module built by `native-runner build` (compiled through the
    /// module cache) or a `.cwasm` from `build --aot` (loaded as it is).
    pub fn boot_image(limits: &Limits, console: Console, bytes: &[u8]) -> anyhow::Result<(Session, ImageInfo)> {
        let packed = aot::is_packed(bytes) || bytes.starts_with(b"\x7fELF");
        // A `.cwasm` was compiled with the checks of a time limit (`build
        // --aot`), and code loads only into an engine of the same configuration.
        let checks = engine::Checks::for_time_limit(limits.interruptible() || packed);
        Self::boot_image_on(&engine::engine(checks)?, limits, console, bytes)
    }

    /// [`Session::boot_image`] on a given engine.
    pub fn boot_image_on(
        engine: &wasmtime::Engine,
        limits: &Limits,
        console: Console,
        bytes: &[u8],
    ) -> anyhow::Result<(Session, ImageInfo)> {
        let packed = aot::is_packed(bytes) || bytes.starts_with(b"\x7fELF");
        let cache = cache(limits);
        let (artifact, code) = match packed {
            true => aot::unpack(bytes).map(|u| (u.artifact, Some(u.precompiled))).map_err(anyhow::Error::msg)?,
            false => (bytes, None),
        };
        // The image checks come before anything is compiled or loaded.
        let info = compiler::link::image_info(artifact).map_err(anyhow::Error::msg)?;
        let module = match code {
            // SAFETY: see `aot`: the checksum matched, and wasmtime checks
            // that the code was built for this engine's settings and target.
            Some(code) => unsafe { wasmtime::Module::deserialize(engine, code) }
                .map_err(|e| e.context("cannot load the precompiled code"))?,
            None => match &cache {
                Some(c) => c.load_or_compile(engine, bytes),
                None => wasmtime::Module::new(engine, bytes),
            }
            .map_err(|e| e.context("cannot compile the module"))?,
        };
        let mut machine = NativeMachine::new(engine, console, cache);
        machine.boot_compiled(&module).map_err(|f| anyhow::anyhow!("cannot load the image: {f:?}"))?;
        let mut forth = Forth::from_image(&info, cfg!(debug_assertions));
        forth.set_block_file(&limits.blocks.to_string_lossy());
        Ok((Session { forth, machine }, info))
    }

    /// The link options for this session: just the entry word. The
    /// compiler records its own settings (layout and passes) in the
    /// provenance, so a browser build of the same source with the same
    /// settings gives the same bytes.
    pub fn link_options(&self, entry: Option<&str>) -> compiler::LinkOptions {
        compiler::LinkOptions { entry: entry.map(str::to_string), ..Default::default() }
    }

    /// Ends the session when the process exits next: flushes the output
    /// and leaves the rest (the dictionary, the compiled code, wasm's
    /// memory) to the operating system, which takes it back at once,
    /// where freeing it piece by piece took half a millisecond of every
    /// run. Files the program wrote are unbuffered, so nothing else is
    /// pending.
    pub fn leave(mut self) {
        self.machine.flush_output();
        std::mem::forget(self);
    }

    /// Starts the time limit for what runs next.
    pub fn arm_timeout(&mut self, limits: &Limits) {
        self.machine.set_deadline(engine::deadline_ticks(Some(limits.timeout)));
    }

    /// Loads files, then `-e` strings, then checks that no definition is
    /// left open. Returns the exit code if loading stopped (an error or BYE).
    pub fn load(&mut self, files: &[std::path::PathBuf], eval: &[String]) -> Option<i32> {
        for file in files {
            if let Err(stop) = self.forth.include_file(&mut self.machine, &file.to_string_lossy()) {
                return Some(self.stopped(&stop));
            }
        }
        for code in eval {
            if let Err(stop) = self.forth.interpret_line(&mut self.machine, "-e", code) {
                return Some(self.stopped(&stop));
            }
        }
        self.finish()
    }

    /// Gives the program its command line: this process's argv[0] as
    /// `0 ARG`, as in gforth (which shows `gforth` when started from PATH,
    /// not the resolved executable), then `rest`.
    pub fn set_args(&mut self, rest: &[std::ffi::OsString]) -> anyhow::Result<()> {
        let argv0 = std::env::args_os().next().unwrap_or_else(|| "native-runner".into());
        let argv: Vec<&[u8]> = std::iter::once(&argv0).chain(rest).map(|a| a.as_encoded_bytes()).collect();
        self.forth.set_args(&mut self.machine, &argv).map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// Loads the program's command line (see [`Forth::set_args`]) the way
    /// gforth does: takes each argument in turn with `NEXT-ARG`, evaluates
    /// the code after a `-e` or `--evaluate` and loads anything else as a
    /// file with `REQUIRED` (a file named twice loads once), then checks that no definition is left open. What a file takes
    /// with `NEXT-ARG` itself is not loaded. Returns the exit code if
    /// loading stopped (an error or BYE).
    pub fn load_command_line(&mut self) -> Option<i32> {
        loop {
            let arg = match self.forth.next_arg(&mut self.machine) {
                Ok(Some(arg)) => arg,
                Ok(None) => break,
                Err(stop) => return Some(self.stopped(&stop)),
            };
            let done = match arg.as_slice() {
                b"-e" | b"--evaluate" => match self.forth.next_arg(&mut self.machine) {
                    Ok(code) => {
                        let code = String::from_utf8_lossy(&code.unwrap_or_default()).into_owned();
                        self.forth.interpret_line(&mut self.machine, "-e", &code)
                    }
                    Err(stop) => Err(stop),
                },
                file => self.forth.require_file(&mut self.machine, &String::from_utf8_lossy(file)),
            };
            if let Err(stop) = done {
                return Some(self.stopped(&stop));
            }
        }
        self.finish()
    }

    /// Ends loading: reports a definition left open (exit code 1) and the
    /// warnings.
    fn finish(&mut self) -> Option<i32> {
        if let Err(stop) = self.forth.end_of_input() {
            self.report_uncaught(&stop);
            return Some(1);
        }
        self.print_warnings();
        None
    }

    /// The exit code of a stop that ends loading: 0 for BYE, 1 for an error.
    fn stopped(&mut self, stop: &Stop) -> i32 {
        if self.report_uncaught(stop) {
            0
        } else {
            1
        }
    }

    /// Prints the compiler's warnings to stderr (after flushing output).
    pub fn print_warnings(&mut self) {
        let warnings = self.forth.take_warnings();
        if !warnings.is_empty() {
            self.machine.flush_output();
            for w in warnings {
                eprintln!("{w}");
            }
        }
    }

    /// Reports a stop that ends the program, as gforth does: an error first
    /// writes one newline to standard output, so that whatever the program
    /// printed ends its line there and the message on standard error starts
    /// on a fresh one (gforth writes it whatever the column, on a terminal
    /// and on a pipe alike). After `QUIT` gforth's interactive loop meets
    /// the end of standard input and ends its line the same way. Returns
    /// whether the program ended well (BYE or QUIT).
    pub fn report_uncaught(&mut self, stop: &Stop) -> bool {
        if matches!(stop, Stop::Error(_) | Stop::Quit) {
            self.machine.console().write(b"\n");
        }
        self.report(stop)
    }

    /// Prints a stop to stderr (after flushing output) and returns whether
    /// it ends the program: `BYE`, or `QUIT` outside the REPL (gforth's
    /// interactive loop would read standard input; here the program ends
    /// as there when that input is empty). The REPL handles `QUIT` itself.
    pub fn report(&mut self, stop: &Stop) -> bool {
        self.print_warnings();
        self.machine.flush_output();
        match stop {
            Stop::Bye | Stop::Quit => true,
            Stop::Error(d) => {
                eprintln!("{d}");
                false
            }
        }
    }
}
