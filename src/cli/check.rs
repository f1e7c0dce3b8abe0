//! `stet check`: findings for drafts, for people (human) or programs (json).

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use rayon::prelude::*;
use unicode_width::UnicodeWidthStr;

use super::json::json_finding;
use super::CheckFormat;
use crate::check::{analyse, Finding, Severity};
use crate::text::{Encoding, LineIndex};
use crate::workspace::{find_root, Workspace};

/// Loads workspaces once per root.
#[derive(Default)]
pub struct Workspaces {
    by_root: HashMap<PathBuf, Workspace>,
}

impl Workspaces {
    /// The workspace a draft belongs to (its own folder when no root is found), loaded the
    /// first time.
    pub fn for_draft(&mut self, draft: &Path) -> &Workspace {
        let root = root_of(draft);
        self.by_root.entry(root.clone()).or_insert_with(|| {
            let ws = Workspace::load(&root, None, None);
            for p in &ws.problems {
                eprintln!(
                    "{}:{}:{}: error: {}",
                    p.path.display(),
                    p.error.line + 1,
                    p.error.column + 1,
                    p.error.message
                );
            }
            ws
        })
    }

    /// The workspace of a draft already seen by `for_draft`.
    pub fn loaded(&self, draft: &Path) -> Option<&Workspace> {
        self.by_root.get(&root_of(draft))
    }
}

fn root_of(draft: &Path) -> PathBuf {
    find_root(draft).or_else(|| draft.parent().map(Path::to_path_buf)).unwrap_or_else(|| PathBuf::from("."))
}

/// A draft read and checked, or why it could not be read.
struct Outcome {
    text: String,
    findings: Vec<Finding>,
    explained: String,
}

fn check_one(draft: &Path, ws: &Workspace, explain: bool) -> Result<Outcome, std::io::Error> {
    let text = crate::files::read_regular_text(draft)?;
    let analysis = analyse(&text, &ws.against());
    let findings = analysis.findings();
    let explained = if explain { explain_matches(draft, &text, ws, &analysis) } else { String::new() };
    Ok(Outcome { text, findings, explained })
}

pub fn run(
    format: CheckFormat,
    explain: bool,
    (fails_at, allow_empty): (Severity, bool),
    paths: &[PathBuf],
) -> Result<ExitCode> {
    if any_missing(paths) {
        return Ok(ExitCode::from(2));
    }
    let mut workspaces = Workspaces::default();
    let drafts = collect_drafts(paths, &mut workspaces);
    if drafts.is_empty() && !allow_empty {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "stet: no drafts (Markdown files that are not sources) in {}; --allow-empty accepts that",
            named.join(", ")
        );
        return Ok(ExitCode::from(2));
    }
    let mut unreadable = false;
    let mut any_error = false;
    let mut json = Vec::new();
    let mut report = HumanReport::new(std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none());
    for draft in &drafts {
        workspaces.for_draft(draft);
    }
    // Drafts are checked on every core, and reported in the order they were named.
    let outcomes: Vec<_> = drafts
        .par_iter()
        .map(|draft| {
            let ws = workspaces.loaded(draft).ok_or_else(|| std::io::Error::other("no workspace"))?;
            check_one(draft, ws, explain)
        })
        .collect();
    for (draft, outcome) in drafts.iter().zip(outcomes) {
        let Outcome { text, findings, explained } = match outcome {
            Ok(o) => o,
            Err(e) => {
                eprintln!("stet: cannot read {}: {e}", draft.display());
                unreadable = true;
                continue;
            }
        };
        let Some(ws) = workspaces.loaded(draft) else { continue };
        eprint!("{explained}");
        // Severities order from the most severe: a finding at `fails_at` or above fails the run.
        any_error |= findings.iter().any(|f| f.severity <= fails_at);
        let lines = LineIndex::new(&text);
        match format {
            CheckFormat::Json | CheckFormat::Sarif => {
                let locate = |r: &crate::check::Related| match &r.in_draft {
                    Some(range) => {
                        let place = crate::reference::Place::spanning(&text, &lines, range.clone(), Encoding::Utf16);
                        Some((draft.clone(), place))
                    }
                    None => ws.locate(r),
                };
                json.extend(findings.iter().map(|f| json_finding(draft, &text, &lines, f, &locate)))
            }
            CheckFormat::Human => report.add(draft, &text, &lines, &findings),
        }
    }
    let mut out = std::io::stdout().lock();
    match format {
        CheckFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?,
        CheckFormat::Sarif => {
            let cwd = std::env::current_dir().and_then(std::fs::canonicalize)?;
            writeln!(out, "{}", serde_json::to_string_pretty(&super::sarif::log(&json, &cwd))?)?
        }
        CheckFormat::Human => report.finish(&mut out, drafts.len())?,
    }
    Ok(if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether a path is not there, each such one reported: a mistake in the command, after which
/// nothing is checked.
pub fn any_missing(paths: &[PathBuf]) -> bool {
    let missing: Vec<&PathBuf> = paths.iter().filter(|p| std::fs::metadata(p).is_err()).collect();
    for path in &missing {
        eprintln!("stet: cannot read {}: no such file or folder", path.display());
    }
    !missing.is_empty()
}

/// The drafts named by `paths`: files as given, folders searched for Markdown files that are
/// not sources.
pub fn collect_drafts(paths: &[PathBuf], workspaces: &mut Workspaces) -> Vec<PathBuf> {
    let mut drafts = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk_markdown(path, &mut found);
            found.sort();
            for file in found {
                if !workspaces.for_draft(&file).is_source(&file) {
                    drafts.push(file);
                }
            }
        } else if workspaces.for_draft(path).is_source(path) {
            // A source's figures are what drafts are checked against, not claims of their own.
            eprintln!("stet: {} is a source of its workspace, not a draft: not checked", path.display());
        } else {
            drafts.push(path.clone());
        }
    }
    drafts
}

fn walk_markdown(dir: &Path, out: &mut Vec<PathBuf>) {
    // Each folder once, links back up not followed, FIFOs not read: see `crate::files`.
    out.extend(crate::files::markdown_under(dir));
}

/// Findings as people read them: `path:line:col`, severity, code, message, the line, a caret.
struct HumanReport {
    colour: bool,
    text: String,
    errors: usize,
    warnings: usize,
    others: usize,
}

impl HumanReport {
    fn new(colour: bool) -> Self {
        Self { colour, text: String::new(), errors: 0, warnings: 0, others: 0 }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn add(&mut self, path: &Path, text: &str, lines: &LineIndex, findings: &[Finding]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                _ => self.others += 1,
            }
            let start = lines.position(text, f.range.start, Encoding::Utf16);
            let line_range = lines.line_range(text, start.line as usize).unwrap_or(0..0);
            let line_text = text.get(line_range.clone()).unwrap_or("");
            let prefix = text.get(line_range.start..f.range.start).unwrap_or("");
            let col = prefix.chars().count();
            // The caret lines up on screen, where an emoji or a CJK character takes two columns.
            let indent = prefix.width();
            let end = f.range.end.min(line_range.end).max(f.range.start);
            let width = text.get(f.range.start..end).map_or(1, |s| s.width()).max(1);
            let colour = match f.severity {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Information => "1;34",
                Severity::Hint => "1;36",
            };
            let number = (start.line + 1).to_string();
            let pad = " ".repeat(number.len());
            self.text.push_str(&format!(
                "{}:{}:{}: {}[{}]: {}\n{} | {}\n{} | {}{}\n",
                path.display(),
                start.line + 1,
                col + 1,
                self.paint(colour, f.severity.as_str()),
                self.paint("2", f.code),
                f.message,
                self.paint("2", &number),
                line_text,
                pad,
                " ".repeat(indent),
                self.paint(colour, &"^".repeat(width)),
            ));
        }
    }

    fn finish(self, out: &mut impl Write, drafts: usize) -> std::io::Result<()> {
        write!(out, "{}", self.text)?;
        let total = self.errors + self.warnings + self.others;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "{} ({}, {}) in {}",
            plural(total, "finding"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(drafts, "draft")
        )
    }
}

/// For every figure: the fact it matched, how sure, and why (`stet check --explain`).
fn explain_matches(path: &Path, text: &str, ws: &Workspace, analysis: &crate::check::Analysis) -> String {
    use crate::check::matching::{cited_keys, match_figures, rank, ACCEPT};
    use crate::check::Context;
    let draft = crate::extract::read_draft(text);
    let cx = Context::new(text, &draft, &ws.library, &ws.index, &ws.settings.check);
    let decided = match_figures(&cx);
    // What the check derived, with inputs from anywhere in the draft or its sources.
    let derived: std::collections::HashMap<usize, (String, bool)> = analysis
        .figures()
        .filter_map(|f| Some((f.figure.range.start, (f.derived?, f.standing.status == crate::check::Status::Derived))))
        .collect();
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for (i, figure) in draft.figures.iter().enumerate() {
        let at = lines.position(text, figure.range.start, Encoding::Utf16);
        let written = text.get(figure.range.clone()).unwrap_or("");
        out.push_str(&format!(
            "{}:{}:{}: {written} ({})",
            path.display(),
            at.line + 1,
            at.character + 1,
            figure.kind.as_str()
        ));
        if !figure.kind.is_claim() || figure.period {
            out.push_str(" -> not a claim\n");
            continue;
        }
        // A figure the draft derives is judged by its arithmetic, from the inputs shown.
        if let Some((arithmetic, holds)) = derived.get(&figure.range.start) {
            let verdict = if *holds { "holds" } else { "does not hold" };
            out.push_str(&format!(" -> derived: {arithmetic} ({verdict})\n"));
            continue;
        }
        // The facts the figure is judged against: those of the sources its note cites, if any.
        let cited = cited_keys(&cx, figure);
        let ranked = rank(&cx, figure, (!cited.is_empty()).then_some(cited.as_slice()));
        if ranked.first().is_none_or(|m| m.confidence() < ACCEPT) {
            out.push_str(&format!(" -> no fact reaches {ACCEPT}"));
        }
        out.push('\n');
        let verdict = decided.get(i).and_then(Option::as_ref).and_then(|m| Some((m, cx.index.fact(m.fact)?)));
        if let Some((m, (dataset, fact))) = verdict {
            out.push_str(&format!(
                "    => {} {} ({}, line {}; {:.2}{})\n",
                if m.agrees { "agrees with" } else { "conflicts with" },
                fact.text,
                dataset.source.key,
                fact.place.line + 1,
                m.confidence(),
                if m.cited { "" } else { "; not a cited source" }
            ));
        }
        for m in ranked.iter().take(3) {
            let Some((dataset, fact)) = cx.index.fact(m.fact) else { continue };
            let s = m.score;
            out.push_str(&format!(
                "    {:.2} {} {} {} ({}, line {}) [kind {:+.2} period {:+.2} subject {:+.2} terms {:+.2} entities {:+.2} cited {:+.2} passage {:+.2} segment {:+.2} magnitude {:+.2} value {:+.2}]\n",
                m.confidence(),
                if m.agrees { "agrees with" } else { "conflicts with" },
                fact.hedge.map(|h| h.as_str()).unwrap_or(""),
                fact.text,
                dataset.source.key,
                fact.place.line + 1,
                s.kind, s.period, s.subject, s.terms, s.entities, s.cited, s.passage, s.segment, s.magnitude, s.value
            ));
        }
    }
    out
}
