//! Compile speed: the front end, the optimizer and emission, for generated
//! programs of 100, 500, 1000 and 5000 lines, reported in lines per second.
//!
//! - `load`: reading and compiling the program into batch modules (front
//!   end, effect inference and emission of each batch);
//! - `load+link+validate`: that, then linking the loaded program into one
//!   image (the whole-program passes and emission) and validating it.
//!
//! Only the compiler is timed. The system is booted once on wasmtime (the
//! prelude runs Forth), linked into an image, and each iteration starts
//! from a fresh instance of that image (untimed). While the program loads,
//! the machine keeps memory and runs primitives, but does not instantiate
//! the batch modules: the fixture only defines words, and Cranelift's time
//! is not the compiler's.

mod fixture;

use std::time::{Duration, Instant};

use compiler::file_system::FileSystem;
use compiler::ir::Xt;
use compiler::{Config, Fault, Forth, Host, ImageInfo, LinkOptions, Machine};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use native_runner::console::Console;
use native_runner::machine::NativeMachine;
use runtime::CodeField;

/// A booted system's image, compiled once.
struct Booted {
    engine: wasmtime::Engine,
    module: wasmtime::Module,
    info: ImageInfo,
}

impl Booted {
    fn new() -> Booted {
        let engine = native_runner::engine::engine(native_runner::engine::Checks::None).expect("the engine starts");
        let mut m = NativeMachine::new(&engine, Console::capture().0, None);
        let mut f = Forth::new(Config { validate: false, ..Config::default() });
        f.boot(&mut m).expect("boots");
        f.interpret_line(&mut m, "bench", ": MAIN ;").expect("defines MAIN");
        let image = f.link(&mut m, &LinkOptions::default()).expect("links");
        let info = compiler::link::image_info(&image.bytes).expect("an image");
        let module = wasmtime::Module::new(&engine, &image.bytes).expect("compiles");
        Booted { engine, module, info }
    }

    /// A fresh system from the image, on a machine that defines only.
    fn fresh(&self) -> (Forth, DefineOnly) {
        let mut m = NativeMachine::new(&self.engine, Console::capture().0, None);
        m.boot_compiled(&self.module).expect("instantiates");
        (Forth::from_image(&self.info, false), DefineOnly(m))
    }
}

/// The native machine, except that batch modules are not instantiated.
struct DefineOnly(NativeMachine);

impl Machine for DefineOnly {
    fn boot(&mut self, kernel: &[u8]) -> Result<(), Fault> {
        self.0.boot(kernel)
    }
    fn instantiate(&mut self, _module: &[u8]) -> Result<(), Fault> {
        Ok(())
    }
    fn call(&mut self, xt: Xt, host: &mut dyn Host) -> Result<(), Fault> {
        self.0.call(xt, host)
    }
    fn set_code_field(&mut self, xt: Xt, cf: CodeField) -> Result<(), Fault> {
        self.0.set_code_field(xt, cf)
    }
    fn set_host_entry(&mut self, xt: Xt) -> Result<(), Fault> {
        self.0.set_host_entry(xt)
    }
    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), Fault> {
        self.0.read(addr, buf)
    }
    fn write(&mut self, addr: u32, data: &[u8]) -> Result<(), Fault> {
        self.0.write(addr, data)
    }
    fn sp(&mut self) -> u32 {
        self.0.sp()
    }
    fn set_sp(&mut self, sp: u32) {
        self.0.set_sp(sp)
    }
    fn rp(&mut self) -> u32 {
        self.0.rp()
    }
    fn set_rp(&mut self, rp: u32) {
        self.0.set_rp(rp)
    }
    fn fsp(&mut self) -> u32 {
        self.0.fsp()
    }
    fn set_fsp(&mut self, fsp: u32) {
        self.0.set_fsp(fsp)
    }
    fn output(&mut self, bytes: &[u8]) {
        self.0.output(bytes)
    }
    fn key(&mut self) -> Option<u8> {
        None
    }
    fn read_line(&mut self) -> Option<Vec<u8>> {
        None
    }
    fn files(&mut self, _f: &mut dyn FnMut(&mut dyn FileSystem)) {
        // The fixture reads no files.
    }
    fn now_ms(&mut self) -> f64 {
        self.0.now_ms()
    }
    fn wall_clock_ms(&mut self) -> f64 {
        self.0.wall_clock_ms()
    }
}

/// Times `iters` runs of `routine` on fresh systems; the setup is untimed.
fn timed(booted: &Booted, iters: u64, mut routine: impl FnMut(&mut Forth, &mut DefineOnly)) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let (mut f, mut m) = booted.fresh();
        let t = Instant::now();
        routine(&mut f, &mut m);
        total += t.elapsed();
    }
    total
}

fn load(f: &mut Forth, m: &mut DefineOnly, src: &str) {
    if let Err(e) = f.load_source(m, "fixture.fs", src.as_bytes()) {
        panic!("the fixture does not load: {e}\n{src}");
    }
}

fn bench(c: &mut Criterion) {
    let booted = Booted::new();
    let mut group = c.benchmark_group("compile");
    group.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    for lines in [100usize, 500, 1000, 5000] {
        let src = fixture::program(lines);
        group.throughput(Throughput::Elements(src.lines().count() as u64));
        group.bench_with_input(BenchmarkId::new("load", lines), &src, |b, src| {
            b.iter_custom(|iters| timed(&booted, iters, |f, m| load(f, m, src)))
        });
        group.bench_with_input(BenchmarkId::new("load+link+validate", lines), &src, |b, src| {
            b.iter_custom(|iters| {
                timed(&booted, iters, |f, m| {
                    load(f, m, src);
                    let a = f.link(m, &LinkOptions::default()).expect("links");
                    wasmparser::validate(&a.bytes).expect("valid");
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
