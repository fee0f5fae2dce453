//! `tinhloc explain`: one page in, the library's own `Trace` of it out, as a
//! self-contained HTML report (blocks in reading order, kept outlined green, dropped red,
//! stage and reason code on each) or as JSON.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Value, json};
use tinhloc::{Article, Error, Trace};

use crate::input::{self, Input};

/// Arguments of `tinhloc explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page: an HTML file (or `.html.gz`), or `-` for stdin.
    page: PathBuf,
    #[command(flatten)]
    extractor: crate::ExtractorArgs,
    /// The page's URL, to resolve its links.
    #[arg(long)]
    url: Option<String>,
    /// Where to write the report (default: stdout).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Print the trace as JSON instead of the HTML report.
    #[arg(long)]
    json: bool,
}

/// Runs `tinhloc explain`.
pub fn run(args: &Args) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let input = if args.page.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File {
            path: args.page.clone(),
            rel: PathBuf::new(),
        }
    };
    let bytes = input::read_page(&input, None)
        .bytes
        .map_err(|e| format!("{}: {e}", args.page.display()))?;
    let mut extractor = args.extractor.extractor();
    if let Some(url) = &args.url {
        extractor = extractor.base_url(url)?;
    }
    let (article, trace) = extractor.extract_bytes_with_trace(&bytes, None);
    let out = if args.json {
        let mut value = serde_json::to_value(&trace)?;
        if let Value::Object(map) = &mut value {
            map.insert("outcome".into(), outcome_json(&article));
        }
        serde_json::to_string_pretty(&value)? + "\n"
    } else {
        report(&args.page.display().to_string(), &article, &trace)
    };
    match &args.output {
        Some(path) => std::fs::write(path, out)?,
        None => std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn outcome_json(article: &Result<Article, Error>) -> Value {
    match article {
        Ok(article) => json!({"ok": true, "title": article.title()}),
        Err(err) => json!({"ok": false, "error": err.to_string()}),
    }
}

/// A serde enum's snake-case name.
fn code<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:1em auto;padding:0 1em}\
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5em 0}\
.block{margin:.4em 0;padding:.3em .6em;border:2px solid;border-radius:4px}\
.kept{border-color:#2a2}.dropped{border-color:#d22;color:#666}\
.code{font:12px monospace;float:right;margin-left:1em;padding:0 .3em;border-radius:3px}\
.kept .code{background:#dfd}.dropped .code{background:#fdd}\
.container-start{border-top:3px dashed #26c;margin-top:1em;padding-top:.3em;color:#26c;font-size:12px}\
body.hide-dropped .dropped{display:none}";

const SCRIPT: &str = "document.getElementById('hide-dropped').addEventListener('change',function(e){\
document.body.classList.toggle('hide-dropped',e.target.checked);});\
document.body.dataset.ready='1';";

/// The self-contained HTML report of a trace.
pub fn report(page: &str, article: &Result<Article, Error>, trace: &Trace) -> String {
    let kept = trace.blocks.iter().filter(|b| b.kept).count();
    let outcome = match article {
        Ok(article) => format!(
            "article: {}",
            escape(article.title().unwrap_or("(no title)"))
        ),
        Err(err) => format!("no article: {}", escape(&err.to_string())),
    };
    let container = match &trace.container {
        Some(range) => format!("blocks {}–{}", range.start, range.end),
        None => "none".into(),
    };
    let page_type = trace
        .page_type
        .map(|t| code(&t))
        .unwrap_or_else(|| "unknown".into());
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>tinhloc explain: {page}</title>\
<style>{STYLE}</style></head><body>\n<header><h1>tinhloc explain</h1>\
<p><b>page</b> {page}<br><b>outcome</b> <span id=\"outcome\">{outcome}</span><br>\
<b>container</b> <span id=\"container\">{container}</span> · \
<b>page type</b> <span id=\"page-type\">{page_type}</span> · \
<b>body from</b> {source} · <b>blocks</b> {total}, \
<span id=\"kept-count\">{kept}</span> kept, <span id=\"dropped-count\">{dropped}</span> dropped</p>\
<label><input type=\"checkbox\" id=\"hide-dropped\"> hide dropped blocks</label></header>\n<main>\n",
        page = escape(page),
        source = code(&trace.body_source),
        total = trace.blocks.len(),
        dropped = trace.blocks.len() - kept,
    );
    for (i, block) in trace.blocks.iter().enumerate() {
        if trace.container.as_ref().is_some_and(|r| r.start == i) {
            html.push_str("<div class=\"container-start\">container starts</div>\n");
        }
        let class = if block.kept { "kept" } else { "dropped" };
        let stage = code(&block.stage);
        let reason = block.reason.code();
        let _ = writeln!(
            html,
            "<div class=\"block {class}\" id=\"b{i}\" data-kept=\"{kept}\" data-stage=\"{stage}\" \
data-reason=\"{reason}\" title=\"{class} by {stage}: {reason} · {kind} · weight {weight:.1} · \
link density {ld:.2}\"><span class=\"code\">{stage}: {reason}</span>{text}</div>",
            kept = block.kept,
            kind = escape(&format!("{:?}", block.kind)),
            weight = block.weight,
            ld = block.link_density,
            text = escape(&block.text),
        );
        if trace.container.as_ref().is_some_and(|r| r.end == i + 1) {
            html.push_str("<div class=\"container-start\">container ends</div>\n");
        }
    }
    let _ = write!(html, "</main>\n<script>{SCRIPT}</script>\n</body></html>\n");
    html
}
