//! `native-runner cache info` and `native-runner cache clean`: what the
//! module cache holds, and emptying it.
//!
//! Guarantees: `info` only reads the folder (it is created if missing);
//! `clean` deletes only the cache's own files (compiled modules, boot
//! snapshots and temporary files), never anything else a user put there,
//! and `clean --trim` only what the size limit asks for, least recently
//! used first.

use std::path::PathBuf;

use crate::host;
use crate::module_cache::{parse_size, ModuleCache, Summary, DEFAULT_MAX_BYTES, MAX_ENV};

/// Look at or empty the module cache.
#[derive(clap::Args, Debug)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: CacheAction,
}

/// What to do with the cache.
#[derive(clap::Subcommand, Debug)]
pub enum CacheAction {
    /// Print the cache's folder, its entries, size and size limit.
    Info(CacheInfoArgs),
    /// Delete the cache's entries (every one, or with --trim those over the
    /// size limit) and print what was freed.
    Clean(CacheCleanArgs),
}

/// The folder and limit both actions take.
#[derive(clap::Args, Debug)]
pub struct Folder {
    /// The cache folder [default: $XDG_CACHE_HOME/fastforth].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// The size limit, such as 512M or 2G [default: $FASTFORTH_CACHE_MAX, or 1G].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub cache_max: Option<u64>,
}

/// `cache info`.
#[derive(clap::Args, Debug)]
pub struct CacheInfoArgs {
    #[command(flatten)]
    pub folder: Folder,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `cache clean`.
#[derive(clap::Args, Debug)]
pub struct CacheCleanArgs {
    #[command(flatten)]
    pub folder: Folder,
    /// Only delete least recently used entries until the folder is within
    /// its size limit.
    #[arg(long)]
    pub trim: bool,
}

impl Folder {
    fn open(&self) -> anyhow::Result<ModuleCache> {
        let dir = self.cache_dir.clone().unwrap_or_else(ModuleCache::default_dir);
        let cache = ModuleCache::new(dir.clone())
            .map_err(|e| anyhow::anyhow!("cannot open the cache folder {}: {e}", dir.display()))?;
        Ok(match self.cache_max {
            Some(max) => cache.with_max_bytes(max),
            None => cache,
        })
    }
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: CacheArgs) -> anyhow::Result<i32> {
    match args.action {
        CacheAction::Info(a) => {
            let cache = a.folder.open()?;
            let s = cache.summary();
            match a.json {
                true => println!("{}", info_json(&cache, &s)),
                false => print!("{}", info_text(&cache, &s)),
            }
        }
        CacheAction::Clean(a) => {
            let cache = a.folder.open()?;
            let before = cache.summary();
            let (files, bytes) = match a.trim {
                true => {
                    cache.trim();
                    let after = cache.summary();
                    let count = |s: &Summary| s.modules + s.snapshots + s.abandoned;
                    (count(&before) - count(&after), before.bytes - after.bytes)
                }
                false => cache.clean(),
            };
            println!("removed {files} files ({}) from {}", mib(bytes), cache.dir().display());
        }
    }
    Ok(0)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1u64 << 20) as f64)
}

fn info_text(cache: &ModuleCache, s: &Summary) -> String {
    let when = |t: Option<u64>| t.map_or("-".to_string(), host::timestamp_of_unix);
    format!(
        "folder: {}\n\
         entries: {} compiled modules, {} boot snapshots\n\
         size: {} bytes ({}), limit {} ({})\n\
         least recently used: {}\n\
         most recently used: {}\n\
         abandoned temporary files: {}\n",
        cache.dir().display(),
        s.modules,
        s.snapshots,
        s.bytes,
        mib(s.bytes),
        mib(cache.max_bytes()),
        limit_source(cache.max_bytes()),
        when(s.oldest_use),
        when(s.newest_use),
        s.abandoned,
    )
}

/// Where the limit comes from, for the reader.
fn limit_source(max: u64) -> String {
    match std::env::var(MAX_ENV) {
        Ok(v) if parse_size(&v) == Ok(max) => format!("from {MAX_ENV}"),
        _ if max == DEFAULT_MAX_BYTES => "the default".to_string(),
        _ => "from --cache-max".to_string(),
    }
}

fn info_json(cache: &ModuleCache, s: &Summary) -> String {
    let v = serde_json::json!({
        "folder": cache.dir().display().to_string(),
        "limit_bytes": cache.max_bytes(),
        "summary": s,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
