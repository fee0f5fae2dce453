//! Prints every block of a page with its features, for tuning the heuristics.
//!
//! `cargo run --release --features debug-dump --example dump -- page.html`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump <page.html>");
        std::process::exit(2);
    };
    match std::fs::read(&path) {
        Ok(bytes) => print!("{}", tinhloc::debug_dump(&String::from_utf8_lossy(&bytes))),
        Err(error) => {
            eprintln!("dump: {path}: {error}");
            std::process::exit(1);
        }
    }
}
