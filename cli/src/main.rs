//! The `tinhloc` command line: `extract` runs the library over files, folders, stdin and
//! WARC archives into JSON Lines or one file per page; `explain` turns the library's
//! `Trace` of one page into an HTML report; `eval` scores a folder of gold pairs with the
//! benchmark rule of `tests/common/score.rs`.

mod eval;
mod explain;
mod extract;
mod fetch;
mod input;

#[path = "../../tests/common/score.rs"]
#[allow(dead_code)]
mod score;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Main-text extraction for news pages.
#[derive(Debug, Parser)]
#[command(name = "tinhloc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract the main text of pages: files, folders (recursive; .html, .htm, .html.gz),
    /// `-` for stdin, and WARC / WARC.gz archives.
    Extract(extract::Args),
    /// Write an HTML report of what the pipeline kept and dropped on one page, and why.
    Explain(explain::Args),
    /// P/R/F1 of a folder of `<id>.html` + `<id>.txt` gold pairs (benchmark 4-gram rule).
    Eval(eval::Args),
}

/// What the extractor reads as the main text.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum ScopeArg {
    /// One article, or no result (listings give the `listing` error kind).
    #[default]
    Article,
    /// The main text of any page, listings included.
    Any,
}

/// How hard the extractor prunes.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum PolicyArg {
    /// Drop anything doubtful.
    Precision,
    /// The library's default.
    #[default]
    Balanced,
    /// Keep anything plausible.
    Recall,
}

/// Extractor options shared by the subcommands.
#[derive(Debug, clap::Args)]
pub struct ExtractorArgs {
    /// Article only, or the main text of any page.
    #[arg(long, value_enum, default_value_t = ScopeArg::Article)]
    scope: ScopeArg,
    /// Pruning policy.
    #[arg(long, value_enum, default_value_t = PolicyArg::Balanced)]
    policy: PolicyArg,
    /// Largest page read, in bytes (the library's limit otherwise).
    #[arg(long)]
    pub max_input_bytes: Option<usize>,
    /// Seconds one page may take (0: no limit); a slower page is one failed record
    /// (`time_budget_exceeded`) and the batch goes on.
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_TIME_BUDGET_SECS)]
    time_budget: f64,
}

/// Default of `--time-budget`: a page takes milliseconds, so ten seconds is a stuck one.
const DEFAULT_TIME_BUDGET_SECS: f64 = 10.0;

impl ExtractorArgs {
    /// The extractor these options describe.
    pub fn extractor(&self) -> tinhloc::Extractor {
        let mut extractor = tinhloc::Extractor::new()
            .scope(match self.scope {
                ScopeArg::Article => tinhloc::Scope::Article,
                ScopeArg::Any => tinhloc::Scope::Any,
            })
            .policy(match self.policy {
                PolicyArg::Precision => tinhloc::Policy::Precision,
                PolicyArg::Balanced => tinhloc::Policy::Balanced,
                PolicyArg::Recall => tinhloc::Policy::Recall,
            });
        if let Some(bytes) = self.max_input_bytes {
            extractor = extractor.max_input_bytes(bytes);
        }
        if self.time_budget > 0.0
            && let Ok(budget) = std::time::Duration::try_from_secs_f64(self.time_budget)
        {
            extractor = extractor.time_budget(budget);
        }
        extractor
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Eval(args) => eval::run(&args),
    };
    match result {
        Ok(code) => code,
        // A reader that stops early (`tinhloc eval DIR | head -1`) is no failure.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("tinhloc: {err}");
            ExitCode::from(2)
        }
    }
}
