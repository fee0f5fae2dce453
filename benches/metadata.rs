//! Metadata accuracy per field (work in progress).

fn main() {}
