//! `stet report`: every claim of drafts and what stet made of it, as one HTML page a desk editor
//! reads in a browser, shares and prints. This module gathers the claims from a draft's analysis;
//! `html` writes the page.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::check::{collect_drafts, Workspaces};
use super::json::{json_finding, JsonFinding};
use crate::check::analysis::{FigureReport, NameReport};
use crate::check::quoting::{QuotationReport, QuoteStatus};
use crate::check::standing::Status;
use crate::check::{analyse, Finding, Related};
use crate::text::{Encoding, LineIndex};
use crate::workspace::Workspace;

/// How a claim stands, in the five words of the report, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Conflicting,
    Unsupported,
    Unsourced,
    NotChecked,
    Verified,
}

impl Verdict {
    pub const ALL: [Verdict; 5] =
        [Verdict::Conflicting, Verdict::Unsupported, Verdict::Unsourced, Verdict::NotChecked, Verdict::Verified];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflicting => "conflicting",
            Verdict::Unsupported => "unsupported",
            Verdict::Unsourced => "unsourced",
            Verdict::NotChecked => "not checked",
            Verdict::Verified => "verified",
        }
    }

    /// The name used in the page's classes and anchors.
    pub fn slug(self) -> &'static str {
        match self {
            Verdict::NotChecked => "not-checked",
            other => other.as_str(),
        }
    }

    /// What a rule's finding says of the claim it is about.
    fn of_rule(code: &str) -> Verdict {
        if code.starts_with("unsourced-") {
            Verdict::Unsourced
        } else if code.starts_with("unsupported-") || code == "unknown-source" {
            Verdict::Unsupported
        } else {
            Verdict::Conflicting
        }
    }
}

/// What kind of thing a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    Figure,
    Name,
    Quotation,
    Citation,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Figure => "figure",
            ClaimKind::Name => "name",
            ClaimKind::Quotation => "quotation",
            ClaimKind::Citation => "citation",
        }
    }
}

/// Where in a source a claim was found.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub source_key: String,
    pub title: Option<String>,
    /// 1-based.
    pub line: Option<u32>,
    /// The source's words, where they can be shown.
    pub passage: Option<String>,
}

/// One figure, name or quotation of a draft and how it stands.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Bytes of the draft.
    pub range: Range<usize>,
    /// 1-based.
    pub line: u32,
    pub kind: ClaimKind,
    pub verdict: Verdict,
    /// The precise word: `derived`, `miscalculated`, `misquoted`, `misspelled` ...
    pub status: String,
    /// As the draft writes it, on one line.
    pub written: String,
    /// What stet read of it: (`Counts`, `people detained`), (`Speaker`, `Ortega`) ...
    pub about: Vec<(&'static str, String)>,
    pub evidence: Option<Evidence>,
    /// The arithmetic, when the draft derives it.
    pub computed: Option<String>,
    /// Indexes into the draft's findings.
    pub findings: Vec<usize>,
}

/// A draft, its claims and its findings.
#[derive(Debug)]
pub struct DraftReport {
    pub path: String,
    pub text: String,
    pub claims: Vec<Claim>,
    pub findings: Vec<JsonFinding>,
}

impl DraftReport {
    /// How many claims stand at `verdict`.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.claims.iter().filter(|c| c.verdict == verdict).count()
    }

    /// How many findings rule `code` made.
    pub fn findings_of(&self, code: &str) -> usize {
        self.findings.iter().filter(|f| f.code == code).count()
    }
}

pub fn run(output: &Path, paths: &[PathBuf]) -> Result<ExitCode> {
    if super::check::any_missing(paths) {
        return Ok(ExitCode::from(2));
    }
    let mut workspaces = Workspaces::default();
    let drafts = collect_drafts(paths, &mut workspaces);
    if drafts.is_empty() {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!("no drafts (Markdown files that are not sources) in {}", named.join(", "));
    }
    let mut reports = Vec::new();
    for draft in &drafts {
        let text =
            crate::files::read_regular_text(draft).with_context(|| format!("cannot read {}", draft.display()))?;
        let ws = workspaces.for_draft(draft);
        reports.push(report(draft, text, ws));
    }
    let page = super::html::page(&reports);
    if output == Path::new("-") {
        std::io::stdout().lock().write_all(page.as_bytes())?;
    } else {
        std::fs::write(output, page).with_context(|| format!("cannot write {}", output.display()))?;
        let findings: usize = reports.iter().map(|r| r.findings.len()).sum();
        let claims: usize = reports.iter().map(|r| r.claims.len()).sum();
        eprintln!(
            "stet: wrote {} ({claims} claims, {findings} findings in {} drafts)",
            output.display(),
            reports.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The report of one draft: its claims, each with the findings about it.
pub fn report(path: &Path, text: String, ws: &Workspace) -> DraftReport {
    let analysis = analyse(&text, &ws.against());
    let found = analysis.findings();
    let lines = LineIndex::new(&text);
    let mut sources = SourceLines { ws, lines: HashMap::new() };
    let mut claims: Vec<Claim> = Vec::new();
    for f in analysis.figures() {
        claims.push(figure_claim(&text, &f, &mut sources));
    }
    claims.extend(analysis.quotations().map(|q| quotation_claim(&text, &q, ws)));
    for n in analysis.names() {
        claims.push(name_claim(&text, &n, &mut sources));
    }
    for claim in &mut claims {
        claim.line = lines.position(&text, claim.range.start, Encoding::Utf16).line + 1;
    }
    attach_findings(&text, &lines, &found, &mut claims);
    claims.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
    let locate = |r: &Related| match &r.in_draft {
        Some(range) => {
            Some((path.to_path_buf(), crate::reference::Place::spanning(&text, &lines, range.clone(), Encoding::Utf16)))
        }
        None => ws.locate(r),
    };
    let findings = found.iter().map(|f| json_finding(path, &text, &lines, f, &locate)).collect();
    DraftReport { path: super::json::display_path(path), text, claims, findings }
}

/// The lines of the source texts a draft's claims were found in, each file read once for the
/// whole report.
struct SourceLines<'a> {
    ws: &'a Workspace,
    lines: HashMap<String, Option<Vec<String>>>,
}

impl SourceLines<'_> {
    /// Line `line` (0-based) of source `key`, on one line and cut at a word past 400 characters.
    fn line(&mut self, key: &str, line: u32) -> Option<String> {
        let ws = self.ws;
        let lines = self
            .lines
            .entry(key.to_string())
            .or_insert_with(|| ws.source_text(key).map(|t| t.lines().map(crate::check::finding::as_written).collect()));
        let words = lines.as_ref()?.get(line as usize)?;
        let cut = match words.char_indices().nth(400) {
            Some((at, _)) => format!("{} …", words.get(..at).and_then(|w| w.rsplit_once(' ')).map_or("", |(w, _)| w)),
            None => words.clone(),
        };
        (!cut.is_empty()).then_some(cut)
    }
}

/// How many claims before a finding are looked at for one that holds it: claims nest only a few
/// deep (a figure in a quotation), so a holder stands among the last few that start before it.
const HOLDER_REACH: usize = 64;

/// Gives each finding to the smallest claim it falls in (a figure inside a quotation takes the
/// figure's), or to a claim of its own (a misspelled name, an unknown citation key).
fn attach_findings(text: &str, lines: &LineIndex, found: &[Finding], claims: &mut Vec<Claim>) {
    claims.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
    let known = claims.len();
    let mut own: Vec<Claim> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let upto = claims.get(..known).map_or(0, |c| c.partition_point(|c| c.range.start <= f.range.start));
        let holds = |c: &Claim| f.range.end <= c.range.end.max(f.range.start);
        let holder = (upto.saturating_sub(HOLDER_REACH)..upto)
            .filter(|&k| claims.get(k).is_some_and(holds))
            .min_by_key(|&k| claims.get(k).map_or(usize::MAX, |c| c.range.len()));
        let claim = match holder.and_then(|k| claims.get_mut(k)) {
            Some(claim) => claim,
            None => {
                own.push(finding_claim(text, lines, f));
                let Some(claim) = own.last_mut() else { continue };
                claim
            }
        };
        claim.findings.push(i);
        let verdict = Verdict::of_rule(f.code);
        if verdict < claim.verdict {
            claim.verdict = verdict;
            claim.status = status_of_rule(f.code).to_string();
        }
    }
    claims.extend(own);
}

fn written(text: &str, range: &Range<usize>) -> String {
    crate::check::finding::as_written(text.get(range.clone()).unwrap_or(""))
}

fn blank(range: Range<usize>, kind: ClaimKind, verdict: Verdict, status: &str, written: String) -> Claim {
    Claim {
        range,
        line: 0,
        kind,
        verdict,
        status: status.to_string(),
        written,
        about: Vec::new(),
        evidence: None,
        computed: None,
        findings: Vec::new(),
    }
}

fn figure_claim(text: &str, report: &FigureReport, sources: &mut SourceLines) -> Claim {
    let ws = sources.ws;
    let verdict = match report.standing.status {
        Status::Conflicting | Status::Miscalculated => Verdict::Conflicting,
        Status::Unsupported => Verdict::Unsupported,
        Status::Unsourced => Verdict::Unsourced,
        Status::Verified | Status::Derived => Verdict::Verified,
        Status::NoReference => Verdict::NotChecked,
    };
    let range = report.figure.range.clone();
    let mut claim =
        blank(range.clone(), ClaimKind::Figure, verdict, report.standing.status.as_str(), written(text, &range));
    claim.about.extend(report.counts.clone().map(|c| ("Counts", c)));
    claim.about.extend(report.period.clone().map(|p| ("Period", p)));
    claim.computed = report.derived.clone();
    claim.evidence = report.matched.as_ref().map(|m| Evidence {
        source_key: m.source_key.clone(),
        title: ws.library.get(&m.source_key).and_then(|s| s.title.clone()),
        line: Some(m.place.place.line + 1),
        passage: sources.line(&m.source_key, m.place.place.line),
    });
    if let Some(m) = &report.matched {
        let word = if m.agrees { "Agrees with" } else { "Differs from" };
        claim.about.push(("Reference", format!("{word} {} (match {:.2})", m.phrase, m.confidence)));
    }
    claim
}

fn quotation_claim(text: &str, report: &QuotationReport, ws: &Workspace) -> Claim {
    let verdict = match report.status {
        QuoteStatus::Verified => Verdict::Verified,
        QuoteStatus::Misquoted | QuoteStatus::Misattributed => Verdict::Conflicting,
        QuoteStatus::Unsupported => Verdict::Unsupported,
        QuoteStatus::Unsourced => Verdict::Unsourced,
        QuoteStatus::Unchecked => Verdict::NotChecked,
    };
    let range = report.quotation.range.clone();
    let mut claim =
        blank(range, ClaimKind::Quotation, verdict, report.status.as_str(), format!("“{}”", report.words(text)));
    claim.about.extend(report.quotation.speaker.as_ref().map(|s| ("Speaker", s.name.clone())));
    if let Some(p) = &report.passage {
        claim.about.extend(p.speaker.clone().map(|s| ("In the source, said by", s)));
        if let Some(d) = &p.difference {
            claim.about.push(("Differs", format!("“{}” where the source has “{}”", d.written, d.source)));
        }
        claim.evidence = Some(Evidence {
            source_key: p.source_key.clone(),
            title: p.title.clone().or_else(|| ws.library.get(&p.source_key).and_then(|s| s.title.clone())),
            line: Some(p.place.place.line + 1),
            passage: Some(p.text.clone()),
        });
    }
    claim
}

fn name_claim(text: &str, report: &NameReport, sources: &mut SourceLines) -> Claim {
    let ws = sources.ws;
    let range = report.range.clone();
    let mut claim = blank(range.clone(), ClaimKind::Name, Verdict::Verified, "known name", written(text, &range));
    if let Some((dataset, entity)) = ws.index.entity(report.entity) {
        let kind = format!("{:?}", entity.kind).to_lowercase();
        let who = match entity.roles.first() {
            Some(role) => format!("{} ({kind}), {role}", entity.name),
            None => format!("{} ({kind})", entity.name),
        };
        claim.about.push(("Who", who));
        let times = match entity.mentions.len() {
            1 => "once".to_string(),
            n => format!("{n} times"),
        };
        claim.about.push(("Mentioned", format!("{times} in {}", dataset.source.key)));
        let first = entity.mentions.first().map(|p| p.line);
        claim.evidence = Some(Evidence {
            source_key: dataset.source.key.clone(),
            title: dataset.source.title.clone(),
            line: first.map(|l| l + 1),
            passage: first.and_then(|l| sources.line(&dataset.source.key, l)),
        });
    }
    claim
}

/// A claim made of a finding that no figure, name or quotation holds.
fn finding_claim(text: &str, lines: &LineIndex, f: &Finding) -> Claim {
    let kind = match f.code {
        "unknown-source" => ClaimKind::Citation,
        "misspelled-entity" | "conflicting-role" => ClaimKind::Name,
        c if c.ends_with("-quote") || c == "misquoted-text" => ClaimKind::Quotation,
        _ => ClaimKind::Figure,
    };
    let mut claim =
        blank(f.range.clone(), kind, Verdict::of_rule(f.code), status_of_rule(f.code), written(text, &f.range));
    claim.line = lines.position(text, f.range.start, Encoding::Utf16).line + 1;
    claim
}

/// The word for a claim a rule's finding is about: `misspelled`, `miscalculated` ...
fn status_of_rule(code: &str) -> &str {
    match code {
        "conflicting-role" => "wrong title",
        "unknown-source" => "unknown source",
        "inconsistent-figure" => "stated differently elsewhere",
        _ => code.split('-').next().unwrap_or(code),
    }
}
