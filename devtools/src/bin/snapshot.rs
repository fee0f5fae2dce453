//! Writes what the extractor gives for every page of some folders, one file per page, so
//! two builds can be compared: an optimisation must leave every file the same.
//!
//! ```text
//! cargo run --release -p tinhloc-devtools --bin snapshot -- OUT_DIR FOLDER...
//! diff -r before/ after/
//! ```
//!
//! A folder holds `<id>.html` pages (the corpora under `../shared/corpus`) or fixture
//! folders with a `source.html` (`fixtures/`). Each page gives `OUT_DIR/<folder>__<file>.txt`
//! with the title, authors, dates, language and site name, the text and the Markdown, or
//! the error. Pages are read as bytes with no content type, as the harness gives them.

use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(out), folders) = (args.next(), args.collect::<Vec<_>>()) else {
        eprintln!("usage: snapshot OUT_DIR FOLDER...");
        std::process::exit(2);
    };
    let out = PathBuf::from(out);
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("snapshot: cannot create {}: {e}", out.display());
        std::process::exit(1);
    }
    let extractor = tinhloc::Extractor::new();
    let mut written = 0usize;
    for folder in &folders {
        let tag = Path::new(folder)
            .file_name()
            .map_or_else(|| "pages".into(), |n| n.to_string_lossy().into_owned());
        let Ok(entries) = std::fs::read_dir(folder) else {
            eprintln!("snapshot: cannot read {folder}");
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let source = if path.is_dir() {
                path.join("source.html")
            } else if path.extension().is_some_and(|e| e == "html") {
                path.clone()
            } else {
                continue;
            };
            let Ok(bytes) = std::fs::read(&source) else {
                continue;
            };
            let report = match extractor.extract_bytes(&bytes, None) {
                Ok(article) => {
                    let m = &article.metadata();
                    format!(
                        "title {:?}\nauthors {:?}\npublished {:?}\nmodified {:?}\nlanguage {:?}\n\
                         site {:?}\n--- text\n{}\n--- markdown\n{}\n",
                        m.title,
                        m.authors,
                        m.published,
                        m.modified,
                        m.language,
                        m.site_name,
                        article.text(),
                        article.markdown()
                    )
                }
                Err(error) => format!("error {error:?}\n"),
            };
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let file = out.join(format!("{tag}__{name}.txt"));
            match std::fs::write(&file, report) {
                Ok(()) => written += 1,
                Err(e) => eprintln!("snapshot: cannot write {}: {e}", file.display()),
            }
        }
    }
    eprintln!("snapshot: {written} pages written to {}", out.display());
}
