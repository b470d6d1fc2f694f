//! The booted system as a file, so that the worker starts without
//! compiling the prelude: `compiler::boot_snapshot`'s snapshot of a system
//! booted with the default limits, after the key of the compiler build and
//! configuration that made it (`boot_snapshot::snapshot_key`, 64 hex
//! digits). `make web-pkg` writes it as `pkg/boot.snap` ([`make`], which
//! `web-tools` runs under Node.js: the worker's façade only reads boot
//! files); the worker fetches it while the façade loads, and boots every
//! session with the default limits from it (about a quarter of the time of
//! a boot from source).
//!
//! Guarantees: a session booted from the file is in the state a boot from
//! source leaves (the snapshot's guarantee); a file made by another
//! compiler build or for other limits, or a corrupt one, is refused with a
//! message, and the worker boots from source instead.

use compiler::boot_snapshot::snapshot_key;
use compiler::Limits;
use wasm_bindgen::prelude::*;

use crate::Session;

/// The length of the key before the snapshot.
const KEY_LEN: usize = 64;

/// The boot file: a system booted with the default limits (here, so that
/// it has run nothing since), as the key, then the snapshot.
pub fn make() -> Result<Vec<u8>, String> {
    crate::prelude_file::set_embedded();
    let mut s = Session::new()?;
    let key = snapshot_key(&s.limits.config());
    let snapshot = s
        .forth
        .snapshot(&mut s.machine)
        .map_err(|f| format!("cannot snapshot the system: {f:?}"))?
        .ok_or("the booted system has no snapshot")?;
    Ok([key.as_bytes(), &snapshot].concat())
}

#[wasm_bindgen]
impl Session {
    /// A system with the default limits, booted from a boot file.
    pub fn from_boot_file(bytes: &[u8]) -> Result<Session, String> {
        let limits = Limits::default();
        let (key, snapshot) = bytes.split_at_checked(KEY_LEN).ok_or("not a boot file")?;
        if key != snapshot_key(&limits.config()).as_bytes() {
            return Err("the boot file was made by another compiler build or for other limits".into());
        }
        Session::start(limits, |forth, machine| forth.boot_from_snapshot(machine, snapshot))
    }
}
