//! The watchdog: one thread for the whole process that sleeps until the
//! earliest deadline of the alarms it watches, then signals every thread
//! whose run of wasm is past its deadline, once per
//! [`crate::engine::TICK`], until the run ends.
//!
//! It starts with the first alarm that gets a deadline and sleeps without
//! waking while no deadline is set. Before its first signal it prepares the
//! handler (`signal::prepare`) and, before each signal, publishes the code
//! the run may be interrupted in; a host that cannot interrupt wasm ends
//! the process with an error instead of letting the run go on unbounded.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use super::{signal, Armed};
use crate::engine::TICK;

/// The alarms watched, and the watchdog's wake-up call.
struct Watched {
    alarms: Mutex<Vec<Weak<Armed>>>,
    wake: Condvar,
}

static WATCHED: OnceLock<Watched> = OnceLock::new();

/// The watched alarms; the first call starts the watchdog.
fn watched() -> &'static Watched {
    let mut first = false;
    let w = WATCHED.get_or_init(|| {
        first = true;
        Watched { alarms: Mutex::new(Vec::new()), wake: Condvar::new() }
    });
    if first {
        if let Err(e) = std::thread::Builder::new().name("watchdog".into()).spawn(run) {
            eprintln!("error: cannot start the thread that enforces time limits: {e}");
            std::process::exit(2);
        }
    }
    w
}

/// The instant that deadlines are counted from.
pub fn origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

/// `t` in nanoseconds after [`origin`] (0 if before it).
pub fn nanos_at(t: Instant) -> u64 {
    t.saturating_duration_since(origin()).as_nanos().min(u128::from(u64::MAX - 1)) as u64
}

/// Watches `armed` (again): its deadline changed.
pub(super) fn watch(armed: &Arc<Armed>) {
    let w = watched();
    let mut alarms = w.alarms.lock().unwrap_or_else(|e| e.into_inner());
    if !alarms.iter().any(|a| std::ptr::eq(a.as_ptr(), Arc::as_ptr(armed))) {
        alarms.push(Arc::downgrade(armed));
    }
    w.wake.notify_one();
}

/// Stops watching `armed`.
pub(super) fn forget(armed: &Arc<Armed>) {
    let Some(w) = WATCHED.get() else { return };
    let mut alarms = w.alarms.lock().unwrap_or_else(|e| e.into_inner());
    alarms.retain(|a| a.strong_count() > 0 && !std::ptr::eq(a.as_ptr(), Arc::as_ptr(armed)));
}

/// What one look at the alarms found: the runs to interrupt now, and when
/// to look again (`None`: when woken).
fn survey(alarms: &mut Vec<Weak<Armed>>, now: u64) -> (Vec<Arc<Armed>>, Option<Duration>) {
    alarms.retain(|a| a.strong_count() > 0);
    let mut due = Vec::new();
    let mut next = u64::MAX;
    for a in alarms.iter().filter_map(Weak::upgrade) {
        let deadline = a.deadline_ns.load(Ordering::Acquire);
        if deadline == u64::MAX {
            continue;
        }
        if now < deadline {
            next = next.min(deadline);
        } else if a.depth.load(Ordering::Acquire) > 0 {
            due.push(a);
        }
    }
    let wait = match (due.is_empty(), next) {
        (false, _) => Some(TICK),
        (true, u64::MAX) => None,
        (true, n) => Some(Duration::from_nanos(n - now)),
    };
    (due, wait)
}

/// Interrupts one run past its deadline.
fn interrupt(a: &Armed) {
    if !signal::prepare() {
        eprintln!("error: time limit exceeded, and this host cannot interrupt the program (see --timeout)");
        std::process::exit(1);
    }
    if let Ok(mut m) = a.modules.lock() {
        let (modules, published) = &mut *m;
        signal::publish(&modules[*published..]);
        *published = modules.len();
    }
    let tid = a.tid.load(Ordering::Acquire);
    if tid != 0 && a.depth.load(Ordering::Acquire) > 0 {
        signal::send(tid);
    }
}

fn run() {
    let w = watched();
    let mut alarms = w.alarms.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let (due, wait) = survey(&mut alarms, nanos_at(Instant::now()));
        if !due.is_empty() {
            drop(alarms);
            for a in &due {
                interrupt(a);
            }
            alarms = w.alarms.lock().unwrap_or_else(|e| e.into_inner());
        }
        alarms = match wait {
            Some(d) => w.wake.wait_timeout(alarms, d).unwrap_or_else(|e| e.into_inner()).0,
            None => w.wake.wait(alarms).unwrap_or_else(|e| e.into_inner()),
        };
    }
}
