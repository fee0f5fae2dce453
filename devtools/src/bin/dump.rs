//! Prints what the extractor decided on every text block of a page, from the pipeline's
//! own trace (`Extractor::extract_bytes_with_trace`): kept (`+`) or dropped (`-`), the
//! stage, the reason code, the block's weight and link density, and its text.
//!
//! ```text
//! cargo run --release -p tinhloc-devtools --bin dump -- page.html
//! cargo run --release -p tinhloc-devtools --bin dump -- --json page.html
//! cargo run --release -p tinhloc-devtools --bin dump -- --any page.html   # Scope::Any
//! cargo run --release -p tinhloc-devtools --bin dump -- --url=https://… page.html  # base URL
//! ```

fn main() {
    let mut json = false;
    let mut scope = tinhloc::Scope::Article;
    let mut path = None;
    let mut url = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--any" => scope = tinhloc::Scope::Any,
            _ => match arg.strip_prefix("--url=") {
                Some(address) => url = Some(address.to_string()),
                None => path = Some(arg),
            },
        }
    }
    let Some(path) = path else {
        eprintln!("usage: dump [--json] [--any] [--url=URL] PAGE.html");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("dump: {path}: {error}");
            std::process::exit(1);
        }
    };
    let mut extractor = tinhloc::Extractor::new().scope(scope);
    if let Some(url) = url {
        extractor = match extractor.base_url(&url) {
            Ok(extractor) => extractor,
            Err(error) => {
                eprintln!("dump: {error}");
                std::process::exit(2);
            }
        };
    }
    let (article, trace) = extractor.extract_bytes_with_trace(&bytes, None);
    if json {
        let value = serde_json::json!({
            "result": match &article {
                Ok(article) => serde_json::json!({"title": article.metadata().title}),
                Err(error) => serde_json::json!({"error": error.to_string()}),
            },
            "trace": trace,
        });
        println!("{value}");
        return;
    }
    match &article {
        Ok(article) => println!("article: {:?}", article.metadata().title),
        Err(error) => println!("no article: {error}"),
    }
    println!(
        "container={:?} lead={:?} page_type={:?} body={:?}",
        trace.container, trace.lead, trace.page_type, trace.body_source
    );
    for (index, block) in trace.blocks.iter().enumerate() {
        let text: String = block.text.chars().take(90).collect();
        println!(
            "{index:4} {} {:<7} {:<18} w{:7.1} ld{:.2} {:?} | {text}",
            if block.kept { "+" } else { "-" },
            format!("{:?}", block.stage).to_lowercase(),
            block.reason.code(),
            block.weight,
            block.link_density,
            block.kind,
        );
    }
}
