//! The command line: `stet check`, `stet report`, `stet figures`, `stet quotes`, `stet explain`,
//! `stet reference`, `stet lsp`.

mod check;
mod figures;
mod html;
pub(crate) mod json;
mod quotes;
mod reference;
mod report;
pub(crate) mod sarif;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// stet checks the figures and source notes of journalism drafts.
///
/// `stet check drafts/` checks drafts from the command line. Editors start the language server
/// with `stet lsp` (or `stet --stdio`, or `stet` with its input not a terminal).
#[derive(Debug, Parser)]
#[command(name = "stet", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Speak LSP over stdio (what editors pass; the default anyway).
    #[arg(long, global = true, hide = true)]
    stdio: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check drafts and report findings.
    ///
    /// Exits 0 when no finding reaches --min-severity, 1 when one does, and 2 on a usage or input
    /// error: a path that cannot be read, or no draft found (unless --allow-empty).
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Also show, for every figure, the fact it matched and the parts of the score.
        #[arg(long)]
        explain: bool,
        /// The least severe finding that makes the run fail (exit 1).
        #[arg(long, value_enum, default_value_t = MinSeverity::Error)]
        min_severity: MinSeverity,
        /// Succeed when the paths hold no draft (by default that is an error, so a CI job pointed
        /// at the wrong folder fails).
        #[arg(long)]
        allow_empty: bool,
        /// Draft files, or folders to search for drafts.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write a fact-check report of drafts: one self-contained HTML page for a browser.
    ///
    /// Every figure, name and quotation of each draft, marked in its text by how it stands
    /// (verified, unsourced, conflicting, unsupported, not checked), with the finding, the source
    /// passage and the fix beside it. Exits 0 when the page is written, whatever it holds; 2 on a
    /// path that cannot be read or no draft found.
    Report {
        /// The page to write; `-` writes it to standard output.
        #[arg(short, long, default_value = "stet-report.html")]
        output: PathBuf,
        /// Draft files, or folders to search for drafts.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the figures of drafts: value, unit, kind, hedge and whether a note covers them.
    Figures {
        #[arg(long, value_enum, default_value_t = FiguresFormat::Human)]
        format: FiguresFormat,
        /// Drafts; with `--format jsonl` and none, reads `{"text": ...}` lines from stdin.
        paths: Vec<PathBuf>,
    },
    /// List the quotations of drafts: speaker, status and the source passage each was found in.
    Quotes {
        #[arg(long, value_enum, default_value_t = QuotesFormat::Human)]
        format: QuotesFormat,
        /// Draft files, or folders to search for drafts.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Explain a rule: why it matters, an example, its fix; without a rule, list them all.
    Explain {
        /// A rule id, such as `unsourced-figure`.
        rule: Option<String>,
    },
    /// Speak the Language Server Protocol over stdio.
    Lsp,
    /// Work with reference datasets.
    Reference {
        #[command(subcommand)]
        command: ReferenceCommand,
    },
}

#[derive(Debug, Subcommand)]
enum ReferenceCommand {
    /// Build the dataset of one article: its facts and entities, as JSON.
    Build {
        /// The article: Markdown or plain text, with or without front matter.
        article: PathBuf,
        /// The source key (default: the front matter's `key`, else the file name).
        #[arg(long)]
        key: Option<String>,
        /// Write the dataset here instead of to stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

/// The severities, from the most severe.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MinSeverity {
    Error,
    Warning,
    Information,
    Hint,
}

impl MinSeverity {
    pub fn severity(self) -> crate::check::Severity {
        use crate::check::Severity;
        match self {
            MinSeverity::Error => Severity::Error,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Information => Severity::Information,
            MinSeverity::Hint => Severity::Hint,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QuotesFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FiguresFormat {
    Human,
    Json,
    Jsonl,
}

/// `stet explain`: a rule's documentation, or the list of rules.
fn explain(code: Option<&str>) -> anyhow::Result<ExitCode> {
    use crate::check::{rules::explanation, RULES};
    match code {
        None => {
            for r in RULES {
                println!("{:<20} {:<8} {}", r.code, r.default_level(), r.summary());
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(code) => match (explanation(code), crate::check::rule(code)) {
            (Some(text), Some(r)) => {
                let level = match r.on_by_default() {
                    true => r.default_severity.as_str().to_string(),
                    false => format!("off ({} when turned on)", r.default_severity.as_str()),
                };
                println!("{text}\n\nDefault severity: {level}.");
                Ok(ExitCode::SUCCESS)
            }
            _ => {
                let known: Vec<&str> = RULES.iter().map(|r| r.code).collect();
                anyhow::bail!("no rule {code}; the rules are {}", known.join(", "))
            }
        },
    }
}

/// Runs the command line; returns the process exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let result = match cli.command {
        // Typed at a terminal, `stet` alone would wait in silence for an editor's messages.
        None if !cli.stdio && std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            eprintln!(
                "stet: no command. Run `stet check PATH...` to check drafts, `stet --help` for every \
                 command; editors start the language server with `stet lsp`."
            );
            return ExitCode::from(2);
        }
        None | Some(Command::Lsp) => crate::lsp::run_stdio(),
        Some(Command::Check { format, explain, min_severity, allow_empty, paths }) => {
            check::run(format, explain, (min_severity.severity(), allow_empty), &paths)
        }
        Some(Command::Explain { rule }) => explain(rule.as_deref()),
        Some(Command::Report { output, paths }) => report::run(&output, &paths),
        Some(Command::Figures { format, paths }) => figures::run(format, &paths),
        Some(Command::Quotes { format, paths }) => quotes::run(format, &paths),
        Some(Command::Reference { command: ReferenceCommand::Build { article, key, output } }) => {
            reference::build(&article, key.as_deref(), output.as_deref())
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stet: {e:#}");
            ExitCode::from(2)
        }
    }
}
