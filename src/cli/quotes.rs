//! `stet quotes`: the quotations of drafts, each with its speaker, how it stands and the source
//! passage it was found in, the quotations' companion to `stet figures`.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::check::{collect_drafts, Workspaces};
use super::json::{json_range, JsonRange};
use super::QuotesFormat;
use crate::check::analyse;
use crate::check::quoting::QuotationReport;
use crate::text::LineIndex;

/// A quotation in the report.
#[derive(Serialize)]
struct ReportedQuotation {
    path: String,
    range: JsonRange,
    /// The quoted words, parts of an interrupted quote joined by ` … `.
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    /// `verified`, `misquoted`, `misattributed`, `unsupported`, `unsourced` or `not checked`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<ReportedPassage>,
}

#[derive(Serialize)]
struct ReportedPassage {
    source_key: String,
    /// 1-based line of the passage in its source.
    line: u32,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    cited: bool,
}

pub fn run(format: QuotesFormat, paths: &[PathBuf]) -> Result<ExitCode> {
    let mut workspaces = Workspaces::default();
    let mut reported = Vec::new();
    let mut unreadable = false;
    for path in collect_drafts(paths, &mut workspaces) {
        let Ok(text) = fs::read_to_string(&path).map_err(|e| eprintln!("stet: cannot read {}: {e}", path.display()))
        else {
            unreadable = true;
            continue;
        };
        let ws = workspaces.for_draft(&path);
        let lines = LineIndex::new(&text);
        for q in analyse(&text, &ws.against()).quotations() {
            reported.push(reported_quotation(&path.display().to_string(), &text, &lines, &q));
        }
    }
    let mut out = std::io::stdout().lock();
    match format {
        QuotesFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&reported)?)?,
        QuotesFormat::Human => {
            for r in &reported {
                let speaker = r.speaker.as_deref().unwrap_or("speaker not named");
                let found =
                    r.passage.as_ref().map_or(String::new(), |p| format!(" ({}, line {})", p.source_key, p.line));
                let (line, column) = (r.range.start.line + 1, r.range.start.character + 1);
                writeln!(out, "{}:{line}:{column}\t\"{}\"\t{speaker}\t{}{found}", r.path, r.text, r.status)?;
            }
        }
    }
    Ok(if unreadable { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn reported_quotation(path: &str, text: &str, lines: &LineIndex, q: &QuotationReport) -> ReportedQuotation {
    ReportedQuotation {
        path: path.to_string(),
        range: json_range(text, lines, q.quotation.range.clone()),
        text: q.words(text),
        speaker: q.quotation.speaker.as_ref().map(|s| s.name.clone()),
        status: q.status.as_str(),
        passage: q.passage.as_ref().map(|p| ReportedPassage {
            source_key: p.source_key.clone(),
            line: p.place.place.line + 1,
            text: p.text.clone(),
            speaker: p.speaker.clone(),
            cited: p.cited,
        }),
    }
}
