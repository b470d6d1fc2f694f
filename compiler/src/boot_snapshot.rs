//! A snapshot of the booted system, so that a host can start without
//! compiling the prelude again: the kernel and the prelude's batch modules
//! (merged into one where they merge: `merge_batches`) as bytes, the
//! memory the prelude filled, the stack pointers, the table entries the
//! host installed, and the compiler's own state (dictionary, effects,
//! inline bodies, compiled IR for linking).
//!
//! The snapshot is made through the [`Machine`] trait only, so every host
//! can keep one. Its encoding is postcard, behind a magic number, a format
//! version and a checksum of the payload (`digest::with_checksum`).
//!
//! Guarantees:
//! - [`Forth::boot_from_snapshot`] (or [`OpenSnapshot::open`], then
//!   [`Forth::boot_from_open`]) leaves the system in the state that
//!   [`Forth::boot`] left when the snapshot was taken, for the same
//!   [`Config`](crate::Config) and the same compiler build; a host keys its
//!   stored snapshots by [`snapshot_key`], which covers both;
//! - a snapshot that is truncated, corrupt, of another format or of another
//!   configuration is refused with a message before the machine is touched;
//!   the host then boots from source (on a fresh machine) as before.

use std::collections::HashMap;

use runtime::CodeField;
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;
use sha2::{Digest, Sha256};

use crate::dictionary::{Dictionary, WordId};
use crate::digest::{checked_payload, with_checksum, CHECKSUM_LEN};
use crate::interpreter::{Forth, Stats, TableEntry};
use crate::ir::{Function, Op, Xt};
use crate::machine::{Fault, Machine};
use crate::passes::effects::Known;

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"FFSNAP\0\x01";

/// The length of the magic number and the format version.
const HEADER: usize = 12;

/// The encoding's version; a change to [`Saved`] must change it.
const FORMAT: u32 = 3;

/// The size of the memory pages a snapshot keeps when they are not zero.
const PAGE: u32 = 4096;

/// A content hash of the compiler's and the runtime's sources, made by
/// `build.rs`: a snapshot never outlives the code that made it.
pub const COMPILER_BUILD: &str = env!("FASTFORTH_COMPILER_BUILD");

/// The key a host stores a snapshot under: the compiler build, the
/// snapshot format and everything in the configuration that changes what
/// the prelude compiles to.
pub fn snapshot_key(cfg: &crate::Config) -> String {
    let mut h = Sha256::new();
    h.update(COMPILER_BUILD.as_bytes());
    h.update(FORMAT.to_le_bytes());
    h.update(format!("{cfg:?}").as_bytes());
    crate::digest::hex(&h.finalize())
}

/// What a snapshot holds.
#[derive(Serialize, Deserialize)]
struct Saved {
    /// The configuration it was made with (its `Debug` text).
    config: String,
    // Byte strings go through `serde_bytes`: serde's own `Vec<u8>` is a
    // sequence decoded one element at a time, which took 0.2 ms of every
    // start-up for these 170 KB.
    kernel: ByteBuf,
    modules: Vec<ByteBuf>,
    /// The non-zero pages below the stacks: (address, bytes).
    pages: Vec<(u32, ByteBuf)>,
    /// The table entries the host installed, in order: the index of the
    /// code field in [`CodeField::ALL`], or `None` for the host import.
    installed: Vec<(Xt, Option<u8>)>,
    /// The encoded [`State`]: decoded on a thread of its own while the
    /// machine loads the modules.
    state: ByteBuf,
}

/// The compiler's state after boot.
#[derive(Serialize, Deserialize)]
struct State {
    dict: Dictionary,
    next_xt: Xt,
    latest: Option<WordId>,
    stats: Stats,
    effects: Known,
    inline_bodies: HashMap<Xt, Vec<Op>>,
    inline_graphs: HashMap<Xt, Function>,
    inlined_calls: HashMap<Xt, Vec<Xt>>,
    compiled: Vec<Function>,
    sources: Vec<(String, [u8; 32])>,
    see_sources: HashMap<Xt, String>,
    names_copied: HashMap<(WordId, Xt), u32>,
    names_used: u32,
    substitutions: HashMap<Vec<u8>, Vec<u8>>,
    declared: HashMap<Xt, crate::warnings::Declared>,
    command_line: Option<crate::command_line::CommandLine>,
    system: crate::system_words::SystemWords,
    exceptions: Vec<String>,
    file_names: HashMap<String, u32>,
    precision: usize,
    squote_next: u32,
    next_file_id: i32,
}

/// A snapshot checked and decoded for booting, but for the compiler's
/// state: that decodes on a thread of its own from the moment the snapshot
/// is opened (on hosts with threads), while the host makes its machine and
/// loads the modules.
pub struct OpenSnapshot {
    /// The snapshot without its state.
    saved: Saved,
    /// The configuration it was made with (its `Debug` text).
    config: String,
    /// The compiler's state, being decoded.
    state: Decoding,
}

impl OpenSnapshot {
    /// Checks the snapshot's header and checksum, decodes what the machine
    /// needs and starts decoding the compiler's state. A snapshot of
    /// another configuration than `cfg` is refused here, before any work.
    pub fn open(bytes: &[u8], cfg: &crate::Config) -> Result<OpenSnapshot, String> {
        let mut saved = decode(bytes)?;
        let config = std::mem::take(&mut saved.config);
        made_with(&config, cfg)?;
        let state = Decoding::start(std::mem::take(&mut saved.state).into_vec());
        Ok(OpenSnapshot { saved, config, state })
    }
}

/// Refuses a snapshot whose configuration (its `Debug` text) is not `cfg`.
fn made_with(config: &str, cfg: &crate::Config) -> Result<(), String> {
    match config == format!("{cfg:?}") {
        true => Ok(()),
        false => Err("the snapshot was made with another configuration".into()),
    }
}

/// The compiler's state of a snapshot, being decoded: on a thread where the
/// host has threads and one could be started, else when it is needed.
enum Decoding {
    #[cfg(not(target_arch = "wasm32"))]
    Thread(std::thread::JoinHandle<Result<State, postcard::Error>>),
    Later(Vec<u8>),
}

impl Decoding {
    fn start(bytes: Vec<u8>) -> Decoding {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let bytes = std::sync::Arc::new(bytes);
            let mine = std::sync::Arc::clone(&bytes);
            let spawned =
                std::thread::Builder::new().name("snapshot".into()).spawn(move || postcard::from_bytes::<State>(&mine));
            match spawned {
                Ok(handle) => Decoding::Thread(handle),
                Err(_) => Decoding::Later(std::sync::Arc::unwrap_or_clone(bytes)),
            }
        }
        #[cfg(target_arch = "wasm32")]
        Decoding::Later(bytes)
    }

    fn finish(self) -> Result<State, postcard::Error> {
        match self {
            #[cfg(not(target_arch = "wasm32"))]
            Decoding::Thread(h) => h.join().unwrap_or(Err(postcard::Error::DeserializeUnexpectedEnd)),
            Decoding::Later(bytes) => postcard::from_bytes::<State>(&bytes),
        }
    }
}

impl Forth {
    /// The snapshot of a system [`Forth::boot`] has just booted on `m`
    /// (before any program ran). `None` if this system cannot be
    /// snapshotted: it did not record its boot, or something is left open.
    pub fn snapshot(&mut self, m: &mut dyn Machine) -> Result<Option<Vec<u8>>, Fault> {
        let Some(boot) = self.boot_record.take().filter(|r| !r.open) else { return Ok(None) };
        let l = self.cfg.layout;
        let open = !self.markers.is_empty()
            || !self.pipeline.pending.is_empty()
            || !self.pipeline.prepared.is_empty()
            || self.current.is_some()
            || m.sp() != l.ds_base()
            || m.rp() != l.rs_base()
            || m.fsp() != l.fs_base();
        if open {
            return Ok(None);
        }
        let mut pages = Vec::new();
        let mut buf = vec![0u8; PAGE as usize];
        let mut a = 0;
        while a < l.heap_end() {
            let n = PAGE.min(l.heap_end() - a) as usize;
            m.read(a, &mut buf[..n])?;
            if buf[..n].iter().any(|&b| b != 0) {
                pages.push((a, ByteBuf::from(&buf[..n])));
            }
            a += PAGE;
        }
        let installed = self
            .installed
            .iter()
            .map(|&(xt, e)| match e {
                TableEntry::CodeField(cf) => (xt, CodeField::ALL.iter().position(|&c| c == cf).map(|i| i as u8)),
                TableEntry::Host => (xt, None),
            })
            .collect();
        let state = State {
            dict: self.dict.clone(),
            next_xt: self.next_xt,
            latest: self.latest,
            stats: self.stats,
            effects: self.pipeline.effects.clone(),
            inline_bodies: self.pipeline.inline_bodies.clone(),
            inline_graphs: self.pipeline.inline_graphs.clone(),
            inlined_calls: self.pipeline.inlined_calls.clone(),
            compiled: self.pipeline.compiled.clone(),
            sources: self.sources.clone(),
            see_sources: self.see_sources.clone(),
            names_copied: self.names_copied.clone(),
            names_used: self.names_used,
            substitutions: self.substitutions.clone(),
            declared: self.declared.clone(),
            command_line: self.gforth.command_line,
            system: self.system.clone(),
            exceptions: self.io.exceptions.clone(),
            file_names: self.gforth.file_names.clone(),
            precision: self.precision,
            squote_next: self.squote_next,
            next_file_id: self.next_file_id,
        };
        let encode = |e: postcard::Error| Fault::Host(format!("cannot encode the snapshot: {e}"));
        let saved = Saved {
            config: format!("{:?}", self.cfg),
            kernel: ByteBuf::from(boot.kernel),
            modules: self.one_module(boot.modules).into_iter().map(ByteBuf::from).collect(),
            pages,
            installed,
            state: ByteBuf::from(postcard::to_allocvec(&state).map_err(encode)?),
        };
        let payload = postcard::to_allocvec(&saved).map_err(encode)?;
        let mut out = Vec::with_capacity(payload.len() + HEADER + CHECKSUM_LEN);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&with_checksum(&payload));
        Ok(Some(out))
    }

    /// Boots from a snapshot that [`Forth::snapshot`] made, instead of
    /// compiling the prelude. `Err` says why the snapshot was refused; a
    /// `Fault` while restoring is an `Err` too, after which the machine
    /// must not be used (the host boots a fresh one from source).
    pub fn boot_from_snapshot(&mut self, m: &mut dyn Machine, bytes: &[u8]) -> Result<(), String> {
        let opened = OpenSnapshot::open(bytes, &self.cfg)?;
        self.boot_from_open(m, opened)
    }

    /// [`Forth::boot_from_snapshot`] from a snapshot opened beforehand,
    /// for the same configuration as this system's.
    pub fn boot_from_open(&mut self, m: &mut dyn Machine, opened: OpenSnapshot) -> Result<(), String> {
        made_with(&opened.config, &self.cfg)?;
        let loaded = restore_machine(m, &opened.saved);
        let state = opened.state.finish();
        let installed = loaded?;
        let s = state.map_err(|e| format!("cannot decode the snapshot: {e}"))?;
        self.restore_state(s, installed);
        Ok(())
    }

    /// The prelude's batches as one module (`merge_batches`), which a host
    /// loads and instantiates once, or the batches as they are where they
    /// do not merge (or, with validation on, the merge does not validate).
    fn one_module(&self, batches: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
        if batches.len() < 2 {
            return batches;
        }
        let Ok(one) = crate::merge_batches::merge(&batches) else { return batches };
        #[cfg(feature = "validate")]
        if self.cfg.validate && wasmparser::validate(&one).is_err() {
            return batches;
        }
        vec![one]
    }

    /// Puts the compiler's state back.
    fn restore_state(&mut self, s: State, installed: Vec<(Xt, TableEntry)>) {
        self.dict = s.dict;
        self.next_xt = s.next_xt;
        self.latest = s.latest;
        self.stats = s.stats;
        self.pipeline.effects = s.effects;
        self.pipeline.inline_bodies = s.inline_bodies;
        self.pipeline.inline_graphs = s.inline_graphs;
        self.pipeline.inlined_calls = s.inlined_calls;
        self.pipeline.compiled = s.compiled;
        self.installed = installed;
        self.sources = s.sources;
        self.see_sources = s.see_sources;
        self.names_copied = s.names_copied;
        self.names_used = s.names_used;
        self.substitutions = s.substitutions;
        self.declared = s.declared;
        self.gforth.command_line = s.command_line;
        self.system = s.system;
        self.io.exceptions = s.exceptions;
        self.gforth.file_names = s.file_names;
        self.precision = s.precision;
        self.squote_next = s.squote_next;
        self.next_file_id = s.next_file_id;
        self.booted = true;
    }
}

/// Gives the machine the snapshot's modules, memory, table entries and
/// stack pointers; returns the table entries, as the compiler records them.
fn restore_machine(m: &mut dyn Machine, saved: &Saved) -> Result<Vec<(Xt, TableEntry)>, String> {
    let fault = |f: Fault| format!("cannot restore the snapshot: {f:?}");
    m.boot(&saved.kernel).map_err(fault)?;
    for module in &saved.modules {
        m.instantiate(module).map_err(fault)?;
    }
    // After the modules, as at boot, where the memory's contents came
    // after every instantiation (batch modules carry no data anyway).
    for (a, page) in &saved.pages {
        m.write(*a, page).map_err(fault)?;
    }
    let mut installed = Vec::with_capacity(saved.installed.len());
    for &(xt, cf) in &saved.installed {
        let entry = match cf {
            Some(i) => {
                let cf = *CodeField::ALL.get(usize::from(i)).ok_or("the snapshot names an unknown code field")?;
                m.set_code_field(xt, cf).map_err(fault)?;
                TableEntry::CodeField(cf)
            }
            None => {
                m.set_host_entry(xt).map_err(fault)?;
                TableEntry::Host
            }
        };
        installed.push((xt, entry));
    }
    // The stacks were empty when the snapshot was taken, and the
    // kernel's globals start at the empty stacks.
    Ok(installed)
}

/// Checks the header and checksum and decodes the payload.
fn decode(bytes: &[u8]) -> Result<Saved, String> {
    if bytes.len() < HEADER + CHECKSUM_LEN || &bytes[..8] != MAGIC {
        return Err("not a snapshot".into());
    }
    let format = u32::from_le_bytes(bytes[8..HEADER].try_into().expect("four bytes"));
    if format != FORMAT {
        return Err(format!("snapshot format {format}, this build reads {FORMAT}"));
    }
    let payload =
        checked_payload(&bytes[HEADER..]).map_err(|_| "the snapshot's checksum does not match: it is corrupt")?;
    postcard::from_bytes(payload).map_err(|e| format!("cannot decode the snapshot: {e}"))
}

/// What [`Forth::boot`] records for a snapshot: the modules it gave the
/// machine, in order.
#[derive(Debug, Default)]
pub(crate) struct BootRecord {
    pub kernel: Vec<u8>,
    pub modules: Vec<Vec<u8>>,
    /// Whether boot is still running (later modules are the program's).
    pub open: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_snapshots_are_refused() {
        assert_eq!(decode(b"short").err().unwrap(), "not a snapshot");
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&7u32.to_le_bytes());
        b.extend_from_slice(&[0; 40]);
        assert!(decode(&b).err().unwrap().contains("format 7"));
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&FORMAT.to_le_bytes());
        b.extend_from_slice(&[0; 40]);
        assert!(decode(&b).err().unwrap().contains("corrupt"));
    }

    #[test]
    fn keys_differ_by_configuration() {
        let a = crate::Config::default();
        let b = crate::Config { optimize: !a.optimize, ..a.clone() };
        assert_ne!(snapshot_key(&a), snapshot_key(&b));
        assert_eq!(snapshot_key(&a), snapshot_key(&a.clone()));
        assert_eq!(snapshot_key(&a).len(), 64);
    }
}
