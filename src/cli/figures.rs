//! `stet figures`: the claims report, and the JSON-lines mode number corpora are scored with.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use super::check::{collect_drafts, Workspaces};
use super::json::{json_range, JsonRange};
use super::FiguresFormat;
use crate::check::analyse;
use crate::extract::{extract_figures, Figure};
use crate::text::LineIndex;

/// A figure in the JSON-lines mode: UTF-8 byte offsets into the line's text.
#[derive(Serialize)]
struct FoundFigure<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<f64>,
    unit: Option<&'a str>,
    kind: &'static str,
    hedge: Option<&'static str>,
}

/// A figure in the claims report.
#[derive(Serialize)]
struct ReportedFigure {
    path: String,
    range: JsonRange,
    text: String,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<f64>,
    unit: Option<String>,
    kind: &'static str,
    hedge: Option<&'static str>,
    /// Whether a source note covers it (false also for figures that need none).
    sourced: bool,
    /// `matched`, `derived`, `conflicting`, `miscalculated`, `unsupported`, `unsourced` or
    /// `no reference`.
    status: &'static str,
    /// What it counts and the period it speaks of, as read from its sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    /// How the draft derives it from its other figures, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    derived: Option<String>,
    /// The reference fact it matched, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    matched: Option<MatchedFact>,
}

#[derive(Serialize)]
struct MatchedFact {
    source_key: String,
    fact: String,
    agrees: bool,
    confidence: f64,
}

#[derive(Deserialize)]
struct Line {
    text: String,
}

pub fn run(format: FiguresFormat, paths: &[PathBuf]) -> Result<ExitCode> {
    if paths.is_empty() {
        return match format {
            FiguresFormat::Jsonl => stdin_lines(),
            _ => anyhow::bail!("name at least one draft, or use --format jsonl to read from stdin"),
        };
    }
    let mut workspaces = Workspaces::default();
    let mut reported = Vec::new();
    let mut unreadable = false;
    let drafts = collect_drafts(paths, &mut workspaces);
    let texts: Vec<(PathBuf, Option<String>)> = drafts
        .into_iter()
        .map(|d| {
            let text = crate::files::read_regular_text(&d)
                .map_err(|e| eprintln!("stet: cannot read {}: {e}", d.display()))
                .ok();
            (d, text)
        })
        .collect();
    for (path, text) in &texts {
        let Some(text) = text else {
            unreadable = true;
            continue;
        };
        let ws = workspaces.for_draft(path);
        let lines = LineIndex::new(text);
        for report in analyse(text, &ws.against()).figures() {
            let figure = &report.figure;
            let sourced = report.sourced();
            let matched = report.matched.map(|m| MatchedFact {
                source_key: m.source_key,
                fact: m.phrase,
                agrees: m.agrees,
                confidence: (m.confidence * 100.0).round() / 100.0,
            });
            reported.push(ReportedFigure {
                path: path.display().to_string(),
                range: json_range(text, &lines, figure.range.clone()),
                text: text.get(figure.range.clone()).unwrap_or("").to_string(),
                value: figure.value,
                high: figure.high,
                unit: figure.unit.clone(),
                kind: figure.kind.as_str(),
                hedge: figure.hedge.map(|h| h.as_str()),
                sourced,
                status: report.standing.status.as_str(),
                counts: report.counts,
                period: report.period,
                derived: report.derived,
                matched,
            });
        }
    }
    let mut out = std::io::stdout().lock();
    match format {
        FiguresFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&reported)?)?,
        FiguresFormat::Jsonl => {
            for r in &reported {
                writeln!(out, "{}", serde_json::to_string(r)?)?;
            }
        }
        FiguresFormat::Human => {
            for r in &reported {
                let unit = r.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
                let hedge = r.hedge.map(|h| format!(" ({h})")).unwrap_or_default();
                writeln!(
                    out,
                    "{}:{}:{}\t{}\t{}{}{}\t{}\t{}",
                    r.path,
                    r.range.start.line + 1,
                    r.range.start.character + 1,
                    r.text,
                    r.value,
                    unit,
                    hedge,
                    r.kind,
                    match (&r.matched, &r.derived) {
                        (_, Some(arithmetic)) => format!("{} ({arithmetic})", r.status),
                        (Some(m), None) => format!("{} ({}: {})", r.status, m.source_key, m.fact),
                        (None, None) => r.status.to_string(),
                    }
                )?;
            }
        }
    }
    Ok(if unreadable { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// One `{"text": ...}` object a line in, one `{"found": [...]}` a line out.
fn stdin_lines() -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.context("reading stdin")?;
        if line.trim().is_empty() {
            continue;
        }
        let input: Line =
            serde_json::from_str(&line).with_context(|| format!("stdin line {}: expected {{\"text\": ...}}", n + 1))?;
        let figures = extract_figures(&input.text, 0..input.text.len());
        let found: Vec<FoundFigure> = figures.iter().map(|f| found(&input.text, f)).collect();
        writeln!(out, "{}", serde_json::json!({ "found": found }))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn found<'a>(text: &'a str, f: &'a Figure) -> FoundFigure<'a> {
    FoundFigure {
        start: f.range.start,
        end: f.range.end,
        text: text.get(f.range.clone()).unwrap_or(""),
        value: f.value,
        high: f.high,
        unit: f.unit.as_deref(),
        kind: f.kind.as_str(),
        hedge: f.hedge.map(|h| h.as_str()),
    }
}
