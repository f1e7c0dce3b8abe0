//! `inconsistent-figure`: one quantity stated twice in a draft with values that do not agree.
//!
//! **Why.** A count that is 84,000 in the headline and 85,000 in the fourth paragraph is wrong
//! at least once, whatever the sources say, and readers notice.
//!
//! **Example.**
//!
//! ```markdown
//! # Council passes $412 million budget
//!
//! Mayor Delphine Aske said the $421 million budget "protects the basics" [@courier].
//! ```
//!
//! reports `$421 million budget disagrees with $412 million budget on line 1`, with the fixes
//! `Replace with $412 million` and `Make line 1 say $421 million`. An earlier figure of the
//! draft is read as a fact a later one may speak of, with the evidence matching weighs against
//! a source: the same kind and unit, the same time (no other year or period, and both or
//! neither the value a change led to), the words of their own stretches of their clauses (two in
//! common, or the word the later one quantifies: `the $421 million budget`), no one named for
//! the later figure that the earlier sentence does not name (two runners' times are two
//! quantities), and values close enough to be one quantity misstated rather than two. A figure
//! written as one already told (`the $34.1 million plan`) with two digits of an earlier one
//! swapped (`$31.4 million budget`) is that quantity whatever words each is said in. They
//! disagree when no value satisfies both after rounding and hedges, so a headline rounded from
//! the body (`1.3 million` for `1.26 million`) agrees, and a figure that agrees with any earlier
//! statement of it stands. Figures of one sentence, the old end of a change (`up from 30,000`)
//! and figures the draft derives are not compared; each figure is set against at most 64
//! earlier figures of its kind and unit.
//!
//! **Fix.** Replace the figure with the value stated first, or the first statement with this
//! one.

use std::collections::VecDeque;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use crate::check::agreement::{agree, comparable, Claim};
use crate::check::analysis::{shifted_figure, Analysis, FigureReport};
use crate::check::elsewhere::kin;
use crate::check::finding::{as_written, Edit, Finding, Fix, Related};
use crate::check::incremental::KeyMap;
use crate::check::style::restyle_value;
use crate::check::CheckConfig;
use crate::extract::context::period_years;
use crate::extract::Kind;

pub const CODE: &str = "inconsistent-figure";

/// Nothing per paragraph: the rule reads the whole draft's analysis (see [`check_draft`]).
pub fn check(_: &crate::check::Context, _: &mut Vec<Finding>) {}

/// How many earlier figures of its kind and unit a figure is set against as a restatement of one
/// of them.
const LOOK_BACK: usize = 64;

/// The figures of a part that may restate an earlier one (see [`may_restate`]), each with a
/// hash of its kind and unit: what [`check_draft`] reads of a part whose comparisons it already
/// knows.
pub fn restating(figures: &[FigureReport]) -> Vec<(usize, u64)> {
    let bucket = |f: &FigureReport| {
        let mut hasher = DefaultHasher::new();
        (f.figure.kind, f.figure.unit.as_deref()).hash(&mut hasher);
        hasher.finish()
    };
    figures.iter().enumerate().filter(|(_, f)| may_restate(f)).map(|(i, f)| (i, bucket(f))).collect()
}

/// The earlier figures of one kind and unit that a figure may restate, each as its part and
/// its place among the part's figures, with the part's result key; and a hash of those keys in
/// order: two look-backs with the same hash hold the same figures.
#[derive(Clone)]
struct LookBack {
    bucket: u64,
    figures: VecDeque<(usize, usize, u64)>,
    hash: u64,
}

/// Multiplies a look-back's hash for each figure it takes in; odd, so a figure can be taken out
/// again by subtraction.
const BASE: u64 = 0x100_0000_01b3;

/// What the oldest figure of a full look-back was multiplied by since it came in.
const OLDEST: u64 = BASE.wrapping_pow(LOOK_BACK as u32 - 1);

impl LookBack {
    /// Takes in figure `i` of part `p` (whose result key is `key`), letting the oldest go once
    /// there are [`LOOK_BACK`].
    fn push(&mut self, (p, i, key): (usize, usize, u64)) {
        if self.figures.len() >= LOOK_BACK {
            if let Some((_, _, old)) = self.figures.pop_front() {
                self.hash = self.hash.wrapping_sub(mix(old).wrapping_mul(OLDEST));
            }
        }
        self.figures.push_back((p, i, key));
        self.hash = self.hash.wrapping_mul(BASE).wrapping_add(mix(key));
    }
}

fn mix(key: u64) -> u64 {
    (key ^ (key >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) | 1
}

/// What the pass found in each part the last time, by the part's result and the look-backs it
/// was read against, and where the last pass stood every [`CHECKPOINT_PARTS`] parts: after a
/// keystroke the pass starts again from the last such point before the first part that changed,
/// and of the parts after it compares again only the edited paragraph's figures and those whose
/// look-back held one of them.
#[derive(Default)]
pub struct Memo {
    found: KeyMap<Arc<[Restatement]>>,
    /// Each part of the last pass: its result key, where it starts and its line.
    parts: Vec<(u64, usize, u32)>,
    checkpoints: Vec<Checkpoint>,
    /// The last pass's findings, in order of part, derived figures not yet left out.
    findings: Vec<Finding>,
}

/// Where a pass stood before part `part`: the look-backs, and how many findings the parts before
/// it gave.
struct Checkpoint {
    part: usize,
    backs: Vec<LookBack>,
    found: usize,
}

/// How many parts apart a pass notes where it stands.
const CHECKPOINT_PARTS: usize = 64;

/// A figure of a part that contradicts an earlier one: its place among the part's figures, and
/// the earlier one's place in the figure's look-back when it was compared.
#[derive(Clone, Copy)]
struct Restatement {
    figure: usize,
    first: usize,
}

/// The findings of a whole draft: each figure that restates an earlier figure of the draft
/// with another value. `text` is the draft as it stands. A figure is set against the
/// [`LOOK_BACK`] figures before it of its kind and unit that may be restated; what a part gave
/// against the same look-backs before is taken from `memo`.
pub fn check_draft(text: &str, analysis: &Analysis, config: &CheckConfig, memo: &mut Memo) -> Vec<Finding> {
    let Some(severity) = config.severity(CODE) else { return Vec::new() };
    // The parts before the first that changed (in result, place or line) give what they gave.
    let was = |p: usize| memo.parts.get(p).copied();
    let parts = analysis.parts.iter().enumerate();
    let changed = parts
        .map(|(p, (segment, part))| (p, was(p) == Some((part.key, segment.range.start, segment.line))))
        .find(|(_, same)| !same)
        .map_or(analysis.parts.len(), |(p, _)| p);
    let resume = memo.checkpoints.iter().rposition(|c| c.part <= changed);
    memo.checkpoints.truncate(resume.map_or(0, |k| k + 1));
    // Only figures of one kind and unit can state one quantity: each keeps its own look-back.
    let (start, mut backs) = match memo.checkpoints.pop() {
        Some(c) => {
            memo.findings.truncate(c.found);
            (c.part, c.backs)
        }
        None => {
            memo.findings.clear();
            (0, Vec::new())
        }
    };
    // Stale results are harmless (a key says all a result depends on), but not kept for ever.
    if memo.found.len() > 2 * analysis.parts.len() + 256 {
        memo.found.clear();
    }
    let report = |p: usize, i: usize| analysis.parts.get(p).and_then(|(_, part)| part.figures.get(i));
    let mut restating: Vec<(usize, usize)> = Vec::new();
    for (p, (segment, part)) in analysis.parts.iter().enumerate().skip(start) {
        if p % CHECKPOINT_PARTS == 0 {
            memo.checkpoints.push(Checkpoint { part: p, backs: backs.clone(), found: memo.findings.len() });
        }
        if part.restating.is_empty() {
            continue;
        }
        restating.clear();
        restating.extend(part.restating.iter().map(|&(i, b)| (i, look_back(&mut backs, b))));
        let key = window_key(part.key, &restating, &backs);
        let known = memo.found.get(&key).cloned();
        let mut fresh = Vec::new();
        let mut known_at = known.as_deref().unwrap_or(&[]).iter().peekable();
        for &(i, b) in &restating {
            let (Some(back), Some(this)) = (backs.get_mut(b), part.figures.get(i)) else { continue };
            let first = match &known {
                Some(_) => known_at.next_if(|r| r.figure == i).map(|r| r.first),
                None => {
                    let earlier: Vec<(usize, &FigureReport)> =
                        back.figures.iter().filter_map(|&(q, j, _)| Some((q, report(q, j)?))).collect();
                    contradicted((p, this), &earlier).inspect(|&first| fresh.push(Restatement { figure: i, first }))
                }
            };
            if let Some((q, first)) =
                first.and_then(|at| back.figures.get(at)).and_then(|&(q, j, _)| Some((q, report(q, j)?)))
            {
                let (then, then_part) = analysis.parts.get(q).map_or((segment, part), |(s, c)| (s, c));
                let first = shifted_figure(first, then, then_part);
                let line = line_of(text, then, first.figure.range.start);
                memo.findings.push(finding(text, line, &shifted_figure(this, segment, part), &first, severity));
            }
            back.push((p, i, part.key));
        }
        if known.is_none() {
            memo.found.insert(key, fresh.into());
        }
    }
    memo.parts.clear();
    memo.parts.extend(analysis.parts.iter().map(|(s, part)| (part.key, s.range.start, s.line)));
    let derived = |f: &Finding| analysis.derived.iter().any(|d| d.range == f.range);
    memo.findings.iter().filter(|f| !derived(f)).cloned().collect()
}

/// The look-back of a kind and unit (by their hash), made when it is the first of them.
fn look_back(backs: &mut Vec<LookBack>, bucket: u64) -> usize {
    match backs.iter().position(|b| b.bucket == bucket) {
        Some(b) => b,
        None => {
            backs.push(LookBack { bucket, figures: VecDeque::new(), hash: 0 });
            backs.len() - 1
        }
    }
}

/// The key of what a part's figures are compared with: its own result and the look-back of each
/// kind and unit among them as the part begins.
fn window_key(part: u64, restating: &[(usize, usize)], backs: &[LookBack]) -> u64 {
    let mut key = mix(part);
    for (at, &(_, b)) in restating.iter().enumerate() {
        if restating.get(..at).is_some_and(|before| before.iter().any(|&(_, c)| c == b)) {
            continue;
        }
        let hash = backs.get(b).map_or(0, |back| back.hash ^ back.figures.len() as u64);
        key = key.wrapping_mul(BASE).wrapping_add(mix(hash));
    }
    key
}

/// The 1-based line of draft byte `at` in a part that starts on `segment`'s line, counted
/// within the part rather than from the top of the draft (a figure of a part stands at or after
/// its start; were it not, the part's first line is said).
fn line_of(text: &str, segment: &crate::text::segments::Segment, at: usize) -> usize {
    let before = text.get(segment.range.start..at).unwrap_or("");
    segment.line as usize + memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1
}

/// Where in `earlier` the statement `report` (in part `p`) contradicts stands: among the earlier
/// figures of the same quantity, the one said most alike, unless one of them agrees with it
/// (then it stands, and the search ends there, nearest first).
fn contradicted((p, report): (usize, &FigureReport), earlier: &[(usize, &FigureReport)]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (at, &(q, e)) in earlier.iter().enumerate().rev() {
        if !same_quantity((p, report), (q, e)) {
            continue;
        }
        if agrees(report, e) {
            return None;
        }
        let shared = shared_words(report, e);
        if best.is_none_or(|(_, most)| shared > most) {
            best = Some((at, shared));
        }
    }
    best.map(|(at, _)| at)
}

/// Whether a figure states an amount that may be restated: no year, range, old end of a change
/// or derived figure.
fn may_restate(f: &FigureReport) -> bool {
    let amount = !matches!(f.figure.kind, Kind::Year | Kind::Date | Kind::Time | Kind::Ordinal);
    amount
        && !f.figure.period
        && f.figure.high.is_none()
        && !f.old_end
        && f.derived.is_none()
        && !f.figure.is_lone_one()
}

/// How far apart, as a share of the larger, two values may be and still be one quantity
/// misstated rather than two quantities (`$9.8 million` against `$9.6 million`, not the men's
/// winner's 2:08 against the women's 2:24).
const CLOSE: f64 = 0.05;

/// Whether two values are close enough to be one quantity misstated: within [`CLOSE`] of each
/// other, or the same digits with two neighbours swapped (`1,418` for `1,148`).
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= CLOSE * a.abs().max(b.abs()) || swapped(a, b)
}

/// Whether two values of three digits or more are written with two neighbouring digits swapped.
fn swapped(a: f64, b: f64) -> bool {
    // Swapping neighbours d and e moves a value by 9 (d - e) times a power of ten: most pairs
    // fail that at once.
    let apart = ((a - b).abs() * 1000.0).round();
    // In whole thousandths, divided as an integer: a float's remainder is a library call.
    if !(1.0..1.8e19).contains(&apart) || !(apart as u64).is_multiple_of(9) {
        return false;
    }
    // Digits from the last, in thousandths; read without allocating, as this runs for every pair
    // of figures of one kind on every keystroke.
    let digits = |v: f64| {
        let mut n = (v.abs() * 1000.0).round() as u64;
        let mut out = [0u8; 24];
        let mut len = 0;
        while n > 0 && len < out.len() {
            if let Some(d) = out.get_mut(len) {
                *d = (n % 10) as u8;
            }
            n /= 10;
            len += 1;
        }
        (out, len)
    };
    let ((x, lx), (y, ly)) = (digits(a), digits(b));
    if lx != ly {
        return false;
    }
    let significant = lx - x.iter().take(lx).take_while(|d| **d == 0).count() >= 3;
    let mut differ = (0..lx).filter(|&i| x.get(i) != y.get(i));
    match (differ.next(), differ.next(), differ.next()) {
        (Some(i), Some(j), None) => significant && j == i + 1 && x.get(i) == y.get(j) && x.get(j) == y.get(i),
        _ => false,
    }
}

/// Stems an own stretch shares with many figures: they name no quantity.
fn is_weak(stem: &str) -> bool {
    matches!(
        stem,
        "said" | "say" | "year" | "month" | "week" | "day" | "total" | "last" | "now" | "more" | "peopl" | "rat"
    )
}

/// Whether `later` (in part `p`) states the quantity `earlier` (in part `q`) states, read as
/// matching reads a source's fact: the same kind and unit in another sentence, a close value,
/// the same time and the same words.
fn same_quantity((p, later): (usize, &FigureReport), (q, earlier): (usize, &FigureReport)) -> bool {
    let (a, b) = (&later.figure, &earlier.figure);
    let alike = a.kind == b.kind && a.unit == b.unit && (p != q || later.sentence != earlier.sentence);
    // Cheap tests first: a value too far off (two digits swapped count as near) settles most pairs.
    alike
        && close(a.value, b.value)
        && same_time(later, earlier)
        && (same_words(later, earlier) || refers_back(later, earlier))
}

/// Whether `later` is written as a quantity already told (`the $34.1 million plan`, `the
/// system's 3,251 nurses`) with the digits of `earlier` two of them swapped: a slip of the pen,
/// whatever words each is said in. A value merely close is not enough here (`the 128 beds of the
/// new wing` after `120 beds` is another ward).
fn refers_back(later: &FigureReport, earlier: &FigureReport) -> bool {
    let definite = matches!(later.after_word.as_str(), "the" | "its" | "their" | "this" | "that")
        || later.after_word.ends_with("'s")
        || later.after_word.ends_with("\u{2019}s");
    definite && !parallel(later, earlier) && swapped(later.figure.value, earlier.figure.value)
}

/// Whether two figures speak of one time: periods that do not differ (`this year` against `last
/// year`), years in common or none, and both the value a change led to (`took the rate to 5%`)
/// or neither (`kept the rate at 5.25%`); `another 10,100` is a further count.
fn same_time(later: &FigureReport, earlier: &FigureReport) -> bool {
    let changed = (later.after_word == "to") == (earlier.after_word == "to");
    if !changed || later.after_word == "another" {
        return false;
    }
    // Most pairs have no period or the same one: settled without reading years.
    match (later.period.as_deref(), earlier.period.as_deref()) {
        (None, None) => return true,
        (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => return true,
        _ => {}
    }
    let years = |r: &FigureReport| r.period.as_deref().map(period_years).unwrap_or_default();
    let (ya, yb) = (years(later), years(earlier));
    let same_years = ya == yb || ya.iter().any(|y| yb.contains(y));
    let periods = match (spans_time(later), spans_time(earlier)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y) || !ya.is_empty(),
        _ => true,
    };
    same_years && periods
}

/// A figure's period when it is a span of time (`this year`, `in 2023`), not the day of an
/// event (`on Oct. 8`, when a plan is voted on).
fn spans_time(r: &FigureReport) -> Option<&str> {
    let p = r.period.as_deref()?;
    let spans = ["year", "month", "week", "quarter", "decade", "season"];
    let month = p.split_whitespace().any(|w| crate::lexicon::month(&w.to_lowercase()).is_some());
    (!period_years(p).is_empty() || month || spans.iter().any(|w| p.contains(w))).then_some(p)
}

/// Whether the earlier figure's own stretch has `word` (read as kin), a word of the later's.
fn theirs_too(word: &str, earlier: &FigureReport) -> bool {
    !is_weak(word) && earlier.own.iter().any(|t| kin(t) == kin(word))
}

/// How many stems the own stretches of two figures share, less weak ones. (Counted, not
/// collected: this runs for pairs of figures on every keystroke.)
fn shared_words(later: &FigureReport, earlier: &FigureReport) -> usize {
    later.own.iter().filter(|w| theirs_too(w, earlier)).count()
}

/// Whether two figures are named alike: two words of their own stretches in common, or the word
/// the later one quantifies (`the $421 million budget`), and no one named for the later that
/// the earlier's sentence does not name (`Valkova won in 2:24:48` is not the men's winner).
fn same_words(later: &FigureReport, earlier: &FigureReport) -> bool {
    let shared = shared_words(later, earlier);
    let head = later.head.as_ref().is_some_and(|h| later.own.contains(h) && theirs_too(h, earlier));
    let theirs = |n: &String| earlier.terms.contains(n) || earlier.own.contains(n) || earlier.names.contains(n);
    (shared >= 2 || head) && later.names.iter().all(theirs) && !parallel(later, earlier)
}

/// Whether two figures are said in parallel of two things: their own stretches alike but for one
/// word each (`the north district spent` and `the south district spent`, `the men's winner ran`
/// and `the women's winner ran`).
fn parallel(later: &FigureReport, earlier: &FigureReport) -> bool {
    let only = |a: &[String], b: &[String]| a.iter().filter(|w| !is_weak(w) && !b.contains(w)).count();
    only(&later.own, &earlier.own) == 1 && only(&earlier.own, &later.own) == 1
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
    line: usize,
    report: &FigureReport,
    first: &FigureReport,
    severity: crate::check::Severity,
) -> Finding {
    let written = |r: &FigureReport| as_written(text.get(r.figure.range.clone()).unwrap_or(""));
    // A figure with what it counts: `1,184 people counted`, or `52 feet` alone.
    let said = |r: &FigureReport| match r.counts.as_deref() {
        Some(what) => format!("{} {what}", written(r)),
        None => written(r),
    };
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
        message: format!("{} disagrees with {} on line {line}", said(report), said(first)),
        source_key: None,
        related: vec![Related {
            source_key: String::new(),
            fact_id: None,
            place: top,
            message: format!("{}, stated first", said(first)),
            in_draft: Some(first.figure.range.clone()),
        }],
        fixes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_quantity_misstated_is_close_or_two_digits_swapped() {
        assert!(close(412.0, 421.0) && close(9.6, 9.8) && close(1_148.0, 1_418.0));
        assert!(!close(38.7, 42.0) && !close(128.0, 144.0));
        assert!(!swapped(12.0, 21.0), "two digits say too little");
        assert!(!swapped(1_148.0, 4_118.0), "digits swapped that are not neighbours");
    }
}
