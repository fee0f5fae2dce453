//! Peak memory of one extraction, measured in a fresh child process of the bench itself
//! (Linux `/proc`): the parent runs `peak_rise(a, b)`, which starts the bench again with
//! `--memory-child a b`; the child builds its input and calls `print_rise`. A fresh
//! process keeps memory freed by earlier runs (and kept by the allocator) out of the
//! figure. Shared by `benches/scaling.rs` and `benches/hostile.rs`.

use std::hint::black_box;
use std::process::Command;

/// The argument that makes a bench run as the measuring child.
pub const CHILD_FLAG: &str = "--memory-child";

/// A `kB` field of `/proc/self/status` (Linux), in bytes.
fn status_bytes(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// In the child: resets the peak RSS, runs `extract` once, and prints the rise of the
/// peak over the resident size before it, and whether the reset worked.
pub fn print_rise<R>(extract: impl FnOnce() -> R) {
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let base = status_bytes("VmRSS:").unwrap_or(0);
    let result = extract();
    let peak = status_bytes("VmHWM:").unwrap_or(0);
    drop(black_box(result));
    println!("{} {}", peak.saturating_sub(base), u8::from(reset));
}

/// In the parent: the peak RSS the child `--memory-child first second` added; `None`
/// when the child or `/proc` is not available.
pub fn peak_rise(first: &str, second: usize) -> Option<usize> {
    let exe = std::env::current_exe().ok()?;
    let output = Command::new(exe)
        .args([CHILD_FLAG, first, &second.to_string()])
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let mut fields = text.split_whitespace();
    let peak: usize = fields.next()?.parse().ok()?;
    (fields.next()? == "1").then_some(peak)
}
