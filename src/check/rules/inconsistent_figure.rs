//! `inconsistent-figure`: one quantity stated twice in a draft with values that do not agree.
//!
//! **Why.** A count that is 84,000 in the headline and 85,000 in the fourth paragraph is wrong
//! at least once, whatever the sources say, and readers notice.
//!
//! **Example.**
//!
//! ```markdown
//! # Over 84,000 detained
//!
//! Since 2022 the police have detained 85,000 people [@newsvane-2025-04-16].
//! ```
//!
//! reports `85,000 people detained disagrees with 84,000 people detained on line 1`, with the
//! fixes `Replace with 84,000` and `Make line 1 say 85,000`. Two figures are one quantity when
//! they count the same thing over the same period, read as matching reads a source (`people
//! detained`, `since 2022`); they disagree when no value satisfies both after rounding and
//! hedges, so a headline rounded from the body (`84,000` for `84,213`) agrees. Figures of one
//! sentence (a change from one value to another), the old end of a change (`up from 30,000`)
//! and figures the draft derives are not compared.
//!
//! **Fix.** Replace the figure with the value stated first, or the first statement with this
//! one.

use std::collections::HashMap;

use crate::check::agreement::{agree, comparable, Claim};
use std::ops::Range;

use crate::check::analysis::{shifted_figure, Analysis, FigureReport};
use crate::check::finding::{as_written, Edit, Finding, Fix, Related};
use crate::check::style::restyle_value;
use crate::check::CheckConfig;
use crate::extract::terms::content_terms;
use crate::extract::{Figure, Kind};
use crate::text::{Encoding, LineIndex};

pub const CODE: &str = "inconsistent-figure";

/// Nothing per paragraph: the rule reads the whole draft's analysis (see [`check_draft`]).
pub fn check(_: &crate::check::Context, _: &mut Vec<Finding>) {}

/// How many statements of one quantity a later statement is compared with.
const KEPT: usize = 8;

/// What two figures must share to be statements of one quantity.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub struct Quantity {
    kind: &'static str,
    unit: Option<String>,
    counts: Vec<String>,
    period: Option<String>,
}

/// The findings of a whole draft: each figure that disagrees with an earlier statement of the
/// same quantity. `text` is the draft as it stands. Only figures with a quantity (read when their
/// paragraph was checked) are looked at, and only those are moved to where they now stand.
pub fn check_draft(text: &str, analysis: &Analysis, config: &CheckConfig) -> Vec<Finding> {
    let Some(severity) = config.severity(CODE) else { return Vec::new() };
    let mut seen: HashMap<&Quantity, Vec<FigureReport>> = HashMap::new();
    let mut lines: Option<LineIndex> = None;
    let mut out = Vec::new();
    for (segment, part) in &analysis.parts {
        for report in &part.figures {
            let Some(quantity) = &report.quantity else { continue };
            let earlier = seen.entry(quantity).or_default();
            let report = shifted_figure(report, segment, part);
            if let Some(first) = earlier.first().filter(|_| disagrees_with_all(text, &report, earlier)) {
                let lines = lines.get_or_insert_with(|| LineIndex::new(text));
                out.push(finding(text, lines, &report, first, severity));
            }
            // The first statements of a quantity are the ones a later one is held to: a long
            // draft that states one count a thousand times is compared a few times a statement.
            if earlier.len() < KEPT {
                earlier.push(report);
            }
        }
    }
    out
}

/// Whether `report` disagrees with every earlier statement of its quantity, each in another
/// sentence, and shares its wording with one of them.
fn disagrees_with_all(text: &str, report: &FigureReport, earlier: &[FigureReport]) -> bool {
    let differs = |other: &FigureReport| other.sentence != report.sentence && !agrees(report, other);
    if !earlier.iter().all(differs) {
        return false;
    }
    let terms = sentence_terms(text, report);
    earlier.iter().any(|other| overlap(&terms, &sentence_terms(text, other)) >= SAME_STORY)
}

/// The quantity a figure states, if it says what it counts (over its period) and is no change's
/// old end; `prose` is the text its `sentence` and range are offsets into.
pub(crate) fn quantity_of(
    prose: &str,
    f: &Figure,
    sentence: Range<usize>,
    (counts, period): (&Option<String>, &Option<String>),
    derived: bool,
) -> Option<Quantity> {
    let amount = !matches!(f.kind, Kind::Year | Kind::Date | Kind::Time | Kind::Ordinal);
    if !amount || f.period || f.high.is_some() || derived || f.is_lone_one() {
        return None;
    }
    let before = prose.get(sentence.start..f.range.start).unwrap_or("");
    let last = before.split_whitespace().next_back().unwrap_or("").to_lowercase();
    if matches!(last.as_str(), "from" | "than" | "versus" | "vs" | "vs." | "of") {
        return None;
    }
    // What it counts, less its unit: `bushels` alone names no quantity, `homeless people` does.
    let unit: Vec<String> = f.unit.as_deref().map(content_terms).unwrap_or_default();
    let mut counts: Vec<String> = content_terms(counts.as_deref()?).into_iter().filter(|t| !unit.contains(t)).collect();
    // One word (`passengers`, `bushels`) is said of too many things to name one quantity.
    if counts.len() < 2 {
        return None;
    }
    counts.sort();
    let kind = match f.kind {
        Kind::Fraction | Kind::Percent => "share",
        other => other.as_str(),
    };
    let period = period.as_ref().map(|p| p.to_lowercase());
    Some(Quantity { kind, unit: f.unit.clone(), counts, period })
}

/// How much of their wording two sentences must share to speak of one thing: what a figure
/// counts (`passengers`) is said of many things; the words around it tell which.
const SAME_STORY: f64 = 0.3;

fn sentence_terms(text: &str, report: &FigureReport) -> Vec<String> {
    content_terms(text.get(report.sentence.clone()).unwrap_or(""))
}

/// The share of the smaller set of terms the other also has.
fn overlap(a: &[String], b: &[String]) -> f64 {
    let shared = a.iter().filter(|t| b.contains(t)).count();
    shared as f64 / a.len().min(b.len()).max(1) as f64
}

fn agrees(a: &FigureReport, b: &FigureReport) -> bool {
    let (fa, fb) = (&a.figure, &b.figure);
    if !comparable(fa.kind, fa.unit.as_deref(), fb.kind, fb.unit.as_deref()) {
        return true;
    }
    let (sa, sb) = crate::check::agreement::common_scale((fa.kind, fa.unit.as_deref()), (fb.kind, fb.unit.as_deref()));
    let claim = |f: &crate::extract::Figure, s: f64| {
        Claim { value: f.value, high: f.high, step: f.step, hedge: f.hedge }.scaled(s)
    };
    agree(&claim(fa, sa), &claim(fb, sb))
}

fn finding(
    text: &str,
    lines: &LineIndex,
    report: &FigureReport,
    first: &FigureReport,
    severity: crate::check::Severity,
) -> Finding {
    let written = |r: &FigureReport| as_written(text.get(r.figure.range.clone()).unwrap_or(""));
    let what = report.counts.as_deref().unwrap_or("");
    let line = lines.position(text, first.figure.range.start, Encoding::Utf8).line + 1;
    let (this, that) = (written(report), written(first));
    let mut fixes = Vec::new();
    if let Some(new) = restyle_value(&this, &report.figure, first.figure.value, first.figure.step) {
        let edits = vec![Edit { range: report.figure.range.clone(), new_text: new.clone() }];
        fixes.push(Fix { certain: false, title: format!("Replace with {new}"), edits });
    }
    if let Some(new) = restyle_value(&that, &first.figure, report.figure.value, report.figure.step) {
        let edits = vec![Edit { range: first.figure.range.clone(), new_text: new.clone() }];
        fixes.push(Fix { certain: false, title: format!("Make line {line} say {new}"), edits });
    }
    let top = crate::reference::Place { line: 0, character: 0, end_line: 0, end_character: 0 };
    Finding {
        range: report.figure.range.clone(),
        severity,
        code: CODE,
        message: format!("{this} {what} disagrees with {that} {what} on line {line}"),
        source_key: None,
        related: vec![Related {
            source_key: String::new(),
            fact_id: None,
            place: top,
            message: format!("{that} {what}, stated first"),
            in_draft: Some(first.figure.range.clone()),
        }],
        fixes,
    }
}
