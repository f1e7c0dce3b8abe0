//! Checking a draft paragraph by paragraph, reusing what an edit left untouched.
//!
//! A draft is cut into segments that Markdown reads the same alone (`text::segments`). Each is
//! read and checked on its own, with the footnote definitions it refers to appended, and the
//! results are kept under the hash of what they depend on: the segment's text, the text of those
//! definitions, and the sources the whole draft cites most. After an edit the draft is cut again
//! only around the change; the segments it did not touch keep their findings, moved to where
//! they now stand (findings inside a footnote's definition move with the definition).

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::finding::Finding;
use super::matching::{match_figures, FigureMatch};
use super::rules::unsourced_figure::relied_on;
use super::standing::{standing, Status};
use super::suppress::Suppressions;
use super::{check_matched, CheckConfig, Context};
use crate::extract::{read_draft, Draft};
use crate::reference::{Index, Library};
use crate::text::segments::{
    footnote_definitions, footnote_references, resplit, split_segments, FootnoteDefinition, Segment,
};

/// What drafts are checked against.
#[derive(Clone, Copy)]
pub struct Against<'a> {
    /// Names the library and index: a cache that checked against another id starts afresh.
    pub id: u64,
    pub library: &'a Library,
    pub index: &'a Index,
    pub config: &'a CheckConfig,
}

/// The findings of one segment, as they stood when it was checked.
#[derive(Debug)]
pub struct CheckedSegment {
    /// The hash of everything the results depend on: a result with the same key is the same
    /// result, wherever it now stands (the server keys what it wrote of it by this).
    pub key: u64,
    pub findings: Vec<Finding>,
    /// Where the segment started then, in bytes and lines.
    pub start: usize,
    pub line: u32,
    /// The footnote definitions it refers to, where they stood then: findings inside them move
    /// with them, not with the segment.
    pub definitions: Vec<FootnoteDefinition>,
    pub tally: Tally,
}

/// How a draft's claim figures stand, for a summary at a glance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub figures: usize,
    /// Figures that agree with a fact of a source and draw no finding.
    pub verified: usize,
    pub unsourced: usize,
    pub conflicting: usize,
    pub unsupported: usize,
    /// How many verified figures each source gives, in the order first seen.
    pub supported_by: Vec<(String, usize)>,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.figures += other.figures;
        self.verified += other.verified;
        self.unsourced += other.unsourced;
        self.conflicting += other.conflicting;
        self.unsupported += other.unsupported;
        for (key, n) in &other.supported_by {
            self.supported(key, *n);
        }
    }

    fn supported(&mut self, key: &str, n: usize) {
        match self.supported_by.iter_mut().find(|(k, _)| k == key) {
            Some((_, total)) => *total += n,
            None => self.supported_by.push((key.to_string(), n)),
        }
    }

    /// How many verified figures source `key` gives.
    pub fn supported_by(&self, key: &str) -> usize {
        self.supported_by.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
    }
}

impl CheckedSegment {
    /// Whether a finding or one of its edits lies in a footnote definition appended to the segment.
    pub fn reaches_definitions(&self, finding: &Finding) -> bool {
        let ranges =
            std::iter::once(&finding.range).chain(finding.fixes.iter().flat_map(|x| &x.edits).map(|e| &e.range));
        self.definitions.iter().any(|d| ranges.clone().any(|r| r.start >= d.range.start && r.start <= d.range.end))
    }
}

/// A whole draft checked: each segment where it stands now, with its findings.
#[derive(Debug, Default)]
pub struct Checked {
    pub parts: Vec<(Segment, Arc<CheckedSegment>)>,
    /// The footnote definitions of the draft, where they stand now.
    definitions: Vec<FootnoteDefinition>,
    /// The `stet-ignore-file` directives of the draft.
    silenced: Vec<Option<Vec<String>>>,
    /// How many segments were checked anew, for benchmarks and tests.
    pub fresh: usize,
}

impl Checked {
    /// How the draft's claim figures stand.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for (_, part) in &self.parts {
            tally.add(&part.tally);
        }
        tally
    }

    /// Whether the draft silences every finding of `code`.
    pub fn silences(&self, code: &str) -> bool {
        self.silenced.iter().any(|codes| codes.as_ref().is_none_or(|c| c.iter().any(|x| x == code)))
    }

    /// Every finding, where it stands now; by segment, so not sorted.
    pub fn findings(&self) -> impl Iterator<Item = Finding> + '_ {
        self.parts.iter().flat_map(move |(segment, checked)| {
            checked.findings.iter().filter(|f| !self.silences(f.code)).map(move |f| self.moved(segment, checked, f))
        })
    }

    /// A finding of a segment checked earlier, moved to where it stands now.
    pub fn moved(&self, segment: &Segment, checked: &CheckedSegment, finding: &Finding) -> Finding {
        let place = |offset: usize| -> usize {
            let then = checked.definitions.iter().find(|d| offset >= d.range.start && offset <= d.range.end);
            // Where the definition appended then stands now: found the way it was appended, so a
            // label defined twice maps to the same one of them.
            let now = |d: &FootnoteDefinition| appended_definition(&self.definitions, &d.label, segment);
            match then.and_then(|d| now(d).map(|n| (d, n))) {
                Some((then, now)) => now.range.start + (offset - then.range.start),
                None => (offset + segment.range.start).saturating_sub(checked.start),
            }
        };
        let mut f = finding.clone();
        f.range = place(f.range.start)..place(f.range.end);
        for edit in f.fixes.iter_mut().flat_map(|fix| fix.edits.iter_mut()) {
            edit.range = place(edit.range.start)..place(edit.range.end);
        }
        f
    }
}

/// A segment read on its own, with the footnote definitions it refers to appended. Kept only
/// while the segment is checked: what later checks need of it is its [`Summary`].
struct Piece {
    text: String,
    draft: Draft,
    /// Where each appended definition stands in `text` and in the draft.
    appended: Vec<(usize, FootnoteDefinition)>,
}

impl Piece {
    /// The draft byte of byte `offset` of the piece, for a segment starting at `start`.
    fn place(&self, offset: usize, start: usize) -> usize {
        match self.appended.iter().rev().find(|(at, _)| *at <= offset) {
            Some((at, d)) => d.range.start + (offset - at),
            None => start + offset,
        }
    }
}

/// What the whole draft needs to know of a segment, kept between checks.
struct Summary {
    /// The keys its notes cite, each with how often, in the order first cited.
    cited: Vec<(String, usize)>,
    /// Its `stet-ignore-file` directives.
    silences: Vec<Option<Vec<String>>>,
}

/// The results of one draft's earlier checks, to reuse on the next.
#[derive(Default)]
pub struct DraftCache {
    summaries: HashMap<u64, Arc<Summary>>,
    checks: HashMap<u64, Arc<CheckedSegment>>,
    /// What the checks were made against; another library, index or settings empties the cache.
    against: Option<(u64, CheckConfig)>,
    /// Counts the times `against` changed: results made against another reference or other
    /// settings carry other keys, though their text is the same.
    generation: u64,
    /// The text checked last and how it was cut, so the next text is cut only where it differs.
    last: Option<Cut>,
}

/// A text cut into segments, with each segment's piece key and whether it holds footnote marks
/// (whose keys depend on definitions elsewhere, and so are worked out every time).
struct Cut {
    text: String,
    segments: Vec<Segment>,
    keys: Vec<u64>,
    marks: Vec<bool>,
}

/// The segments of a text, its footnote definitions and each segment's piece key with the
/// definitions to append.
struct Layout {
    segments: Vec<Segment>,
    definitions: Vec<FootnoteDefinition>,
    keyed: Vec<(u64, Vec<FootnoteDefinition>)>,
    marks: Vec<bool>,
}

impl DraftCache {
    /// Checks `text`, reusing every segment checked before; `None` when `cancelled` says so
    /// before the check is done. Segments not seen before are read and checked on every core.
    pub fn check(&mut self, text: &str, against: &Against, cancelled: &Cancelled<'_>) -> Option<Checked> {
        let identity = (against.id, against.config.clone());
        if self.against.as_ref() != Some(&identity) {
            self.checks.clear();
            self.against = Some(identity);
            self.generation += 1;
        }
        let generation = self.generation;
        let Layout { segments, definitions, keyed, marks } = self.layout(text);
        let is_unread = |i: &usize| keyed.get(*i).is_some_and(|(key, _)| !self.summaries.contains_key(key));
        let unread: Vec<usize> = (0..segments.len()).filter(is_unread).collect();
        let read: Vec<(usize, Piece)> = map_all(unread, |i| {
            let (segment, (_, appended)) = (segments.get(i)?, keyed.get(i)?);
            (!cancelled()).then(|| (i, read_piece(text, segment, appended.clone())))
        })?;
        let mut read: HashMap<usize, Piece> = read.into_iter().collect();
        for (&i, piece) in &read {
            if let Some((key, _)) = keyed.get(i) {
                self.summaries.insert(*key, Arc::new(summary(&piece.draft)));
            }
        }
        let summaries: Vec<Arc<Summary>> =
            keyed.iter().filter_map(|(key, _)| self.summaries.get(key).cloned()).collect();

        let cited = summaries.iter().flat_map(|p| p.cited.iter().map(|(k, n)| (k.as_str(), *n)));
        let relied_on = relied_on(cited, against.library);
        let silenced = summaries.iter().flat_map(|p| p.silences.iter().cloned()).collect();

        let keys: Vec<u64> = keyed.iter().map(|(key, _)| check_key(*key, &relied_on)).collect();
        let unchecked: Vec<(usize, Option<Piece>)> = (0..keys.len())
            .filter(|i| keys.get(*i).is_some_and(|key| !self.checks.contains_key(key)))
            .map(|i| (i, read.remove(&i)))
            .collect();
        let checked: Vec<(u64, Arc<CheckedSegment>)> = map_all(unchecked, |(i, piece)| {
            let (segment, key) = (segments.get(i)?, *keys.get(i)?);
            // Read again only when the draft's sources changed and a known segment must be
            // checked anew.
            let piece = piece.or_else(|| Some(read_piece(text, segment, keyed.get(i)?.1.clone())))?;
            let check = || check_segment((key, generation), &piece, segment, against, &relied_on);
            (!cancelled()).then(|| (key, Arc::new(check())))
        })?;
        let fresh = checked.len();
        self.checks.extend(checked);
        let cut = segments.clone();
        let parts: Vec<(Segment, Arc<CheckedSegment>)> = segments
            .into_iter()
            .zip(&keys)
            .filter_map(|(segment, key)| Some((segment, self.checks.get(key)?.clone())))
            .collect();

        // Keep only what this text used: a cache the size of the draft, not of its history.
        let used: HashSet<u64> = keyed.iter().map(|(k, _)| *k).collect();
        self.summaries.retain(|k, _| used.contains(k));
        let used: HashSet<u64> = keys.into_iter().collect();
        self.checks.retain(|k, _| used.contains(k));
        let keys = keyed.into_iter().map(|(k, _)| k).collect();
        self.last = Some(Cut { text: text.to_string(), segments: cut, keys, marks });
        Some(Checked { parts, definitions, silenced, fresh })
    }
}

impl DraftCache {
    /// Cuts `text`, again only where it differs from the text checked last.
    fn layout(&self, text: &str) -> Layout {
        let (segments, fresh, known, known_marks) = match &self.last {
            Some(last) => {
                let again = resplit(&last.text, &last.segments, text);
                let moved = again.replaced.end..last.segments.len();
                let keep = |r: Range<usize>| {
                    let keys = last.keys.get(r.clone()).map(<[u64]>::to_vec).unwrap_or_default();
                    (keys, last.marks.get(r).map(<[bool]>::to_vec).unwrap_or_default())
                };
                let (before, before_marks) = keep(0..again.replaced.start);
                let (after, after_marks) = keep(moved);
                (again.segments, again.fresh, (before, after), (before_marks, after_marks))
            }
            None => {
                let segments = split_segments(text);
                let all = 0..segments.len();
                (segments, all, Default::default(), Default::default())
            }
        };
        // Whatever does not add up is worked out afresh.
        let (fresh, known, known_marks) = if known.0.len() + fresh.len() + known.1.len() == segments.len() {
            (fresh, known, known_marks)
        } else {
            (0..segments.len(), Default::default(), Default::default())
        };
        let fresh_marks = segments.get(fresh.clone()).unwrap_or(&[]).iter().map(|s| has_marks(text, s));
        let marks: Vec<bool> = known_marks.0.into_iter().chain(fresh_marks).chain(known_marks.1).collect();
        let marked: Vec<Segment> = segments.iter().zip(&marks).filter(|(_, m)| **m).map(|(s, _)| s.clone()).collect();
        let definitions = footnote_definitions(text, &marked);
        let known: Vec<Option<u64>> = known
            .0
            .into_iter()
            .map(Some)
            .chain(fresh.clone().map(|_| None))
            .chain(known.1.into_iter().map(Some))
            .collect();
        let keyed = segments
            .iter()
            .zip(&marks)
            .zip(known)
            .map(|((segment, marked), key)| match key {
                Some(k) if !marked => (k, Vec::new()),
                _ => piece_key(text, segment, &definitions),
            })
            .collect();
        Layout { segments, definitions, keyed, marks }
    }
}

fn has_marks(text: &str, segment: &Segment) -> bool {
    text.get(segment.range.clone()).is_some_and(|b| b.contains("[^"))
}

/// `f` of every item, on every core when there are enough to share, else in this thread (waking
/// the pool for a keystroke's one paragraph costs more than checking it); `None` if any is.
fn map_all<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> Option<R> + Sync + Send) -> Option<Vec<R>> {
    const SHARED_FROM: usize = 4;
    if items.len() < SHARED_FROM {
        items.into_iter().map(f).collect()
    } else {
        items.into_par_iter().map(f).collect()
    }
}

/// Whether the check under way is no longer wanted; asked between segments, from any thread.
pub type Cancelled<'a> = dyn Fn() -> bool + Sync + 'a;

/// The hash of what a segment's reading depends on, and the definitions to append to it.
fn piece_key(text: &str, segment: &Segment, definitions: &[FootnoteDefinition]) -> (u64, Vec<FootnoteDefinition>) {
    let body = text.get(segment.range.clone()).unwrap_or("");
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    let mut appended = Vec::new();
    if body.contains("[^") {
        for label in footnote_references(body) {
            if let Some(d) = appended_definition(definitions, label, segment) {
                text.get(d.range.clone()).unwrap_or("").hash(&mut hasher);
                appended.push(d.clone());
            }
        }
    }
    (hasher.finish(), appended)
}

/// The definition of footnote `label` appended to `segment`: the first outside the segment (one
/// inside it is read with it already).
fn appended_definition<'a>(
    definitions: &'a [FootnoteDefinition],
    label: &str,
    segment: &Segment,
) -> Option<&'a FootnoteDefinition> {
    definitions.iter().find(|d| d.label == label && !ranges_overlap(&d.range, &segment.range))
}

fn ranges_overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn check_key(piece: u64, relied_on: &[String]) -> u64 {
    let mut hasher = DefaultHasher::new();
    (piece, relied_on).hash(&mut hasher);
    hasher.finish()
}

fn read_piece(text: &str, segment: &Segment, definitions: Vec<FootnoteDefinition>) -> Piece {
    let mut piece = text.get(segment.range.clone()).unwrap_or("").to_string();
    let mut appended = Vec::new();
    for d in definitions {
        piece.push_str("\n\n");
        appended.push((piece.len(), d.clone()));
        piece.push_str(text.get(d.range.clone()).unwrap_or(""));
    }
    let draft = read_draft(&piece);
    Piece { text: piece, draft, appended }
}

fn summary(draft: &Draft) -> Summary {
    let mut cited: Vec<(String, usize)> = Vec::new();
    for key in draft.notes.iter().flat_map(|n| &n.keys) {
        match cited.iter_mut().find(|(k, _)| *k == key.key) {
            Some((_, n)) => *n += 1,
            None => cited.push((key.key.clone(), 1)),
        }
    }
    Summary { cited, silences: Suppressions::file_wide(&draft.layout) }
}

fn check_segment(
    key: (u64, u64),
    piece: &Piece,
    segment: &Segment,
    against: &Against,
    relied_on: &[String],
) -> CheckedSegment {
    let start = segment.range.start;
    let Against { library, index, config, .. } = *against;
    let matches = match_figures(&Context::new(&piece.text, &piece.draft, library, index, config));
    let mut findings = check_matched(&piece.text, &piece.draft, against, relied_on, &matches);
    let tally = tally(&piece.draft, &matches, &findings, index);
    for f in &mut findings {
        f.range = piece.place(f.range.start, start)..piece.place(f.range.end, start);
        for edit in f.fixes.iter_mut().flat_map(|fix| fix.edits.iter_mut()) {
            edit.range = piece.place(edit.range.start, start)..piece.place(edit.range.end, start);
        }
    }
    let definitions = piece.appended.iter().map(|(_, d)| d.clone()).collect();
    // The same text checked against another reference or settings gives other results.
    let mut hasher = DefaultHasher::new();
    key.hash(&mut hasher);
    CheckedSegment { key: hasher.finish(), findings, start, line: segment.line, definitions, tally }
}

/// How the claim figures of a piece stand, from its matches and findings.
fn tally(draft: &Draft, matches: &[Option<FigureMatch>], findings: &[Finding], index: &Index) -> Tally {
    let mut tally = Tally::default();
    // Each figure is judged by the findings that start where it does, found by halving: a
    // paragraph of thousands of figures would otherwise cost their square.
    let mut sorted = findings.to_vec();
    sorted.sort_by_key(|f| f.range.start);
    for (figure, found) in draft.figures.iter().zip(matches) {
        if !figure.kind.is_claim() {
            continue;
        }
        tally.figures += 1;
        let from = sorted.partition_point(|f| f.range.start < figure.range.start);
        let to = sorted.partition_point(|f| f.range.start <= figure.range.start);
        let stands = standing(figure, found.as_ref(), sorted.get(from..to).unwrap_or_default());
        tally.unsourced += usize::from(stands.unsourced);
        tally.conflicting += usize::from(stands.conflicting);
        tally.unsupported += usize::from(stands.unsupported);
        let agreeing = found.as_ref().and_then(|m| index.fact(m.fact));
        if let (Some((dataset, _)), Status::Verified) = (agreeing, stands.status) {
            tally.verified += 1;
            tally.supported(&dataset.source.key, 1);
        }
    }
    tally
}
