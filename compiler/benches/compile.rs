//! Compile speed: the front end, the optimizer and emission, for generated
//! programs of 100, 500, 1000 and 5000 lines, reported in lines per second.
//!
//! - `load`: reading and compiling the program into batch modules (front
//!   end, effect inference and emission of each batch), on a machine that
//!   runs nothing;
//! - `link`: linking the loaded program into one validated image (the
//!   optimizer and emission over the whole program, plus validation).

mod fixture;
mod null_machine;

use compiler::{Config, Forth, LinkOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use null_machine::NullMachine;

fn loaded(src: &str) -> (Forth, NullMachine) {
    let cfg = Config { validate: false, ..Config::default() };
    let mut m = NullMachine::new(cfg.layout);
    let mut f = Forth::new(cfg);
    f.boot(&mut m).expect("boots");
    if let Err(e) = f.load_source(&mut m, "fixture.fs", src.as_bytes()) {
        panic!("the fixture does not load: {e}\n{src}");
    }
    (f, m)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("compile");
    group.sample_size(20);
    for lines in [100usize, 500, 1000, 5000] {
        let src = fixture::program(lines);
        let n_lines = src.lines().count() as u64;
        group.throughput(Throughput::Elements(n_lines));
        group.bench_with_input(BenchmarkId::new("load", lines), &src, |b, src| b.iter(|| loaded(src)));
        group.bench_with_input(BenchmarkId::new("load+link+validate", lines), &src, |b, src| {
            b.iter(|| {
                let (mut f, mut m) = loaded(src);
                let a = f.link(&mut m, &LinkOptions::default()).expect("links");
                wasmparser::validate(&a.bytes).expect("valid");
                a.bytes.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
