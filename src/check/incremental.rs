//! Checking a draft paragraph by paragraph, reusing what an edit left untouched.
//!
//! A draft is cut into segments that Markdown reads the same alone (`text::segments`). Each is
//! read and checked on its own, with the footnote definitions it refers to appended, and the
//! results are kept under the hash of what they depend on: the segment's text, the text of those
//! definitions, and the sources the whole draft cites most. After an edit the draft is cut again
//! only around the change; the segments it did not touch keep their findings, moved to where
//! they now stand (findings inside a footnote's definition move with the definition).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::analysis::{appended_definition, Analysis, CheckedSegment, Read};
use super::arithmetic::{derivations, open_forms, Open};
use super::finding::Finding;
use super::matching::match_figures;
use super::rules::unsourced_figure::relied_on;
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

impl<'a> Against<'a> {
    /// A reference with no id of its own: for one-off checks that keep no cache.
    pub fn new(library: &'a Library, index: &'a Index, config: &'a CheckConfig) -> Self {
        Against { id: 0, library, index, config }
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
    summaries: KeyMap<Arc<Summary>>,
    checks: KeyMap<Arc<CheckedSegment>>,
    /// What the checks were made against; another library, index or settings empties the cache.
    against: Option<(u64, CheckConfig)>,
    /// Counts the times `against` changed: results made against another reference or other
    /// settings carry other keys, though their text is the same.
    generation: u64,
    /// The text checked last and how it was cut, so the next text is cut only where it differs.
    last: Option<Cut>,
    /// What the pass for figures stated twice found in each part, to reuse where nothing it
    /// compared changed.
    restatements: super::rules::inconsistent_figure::Memo,
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
    pub fn check(&mut self, text: &str, against: &Against, cancelled: &Cancelled<'_>) -> Option<Analysis> {
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

        let relied_on_key = relied_on_key(&relied_on);
        let keys: Vec<u64> = keyed.iter().map(|(key, _)| check_key(*key, relied_on_key)).collect();
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
        let used: KeySet = keyed.iter().map(|(k, _)| *k).collect();
        self.summaries.retain(|k, _| used.contains(k));
        let used: KeySet = keys.into_iter().collect();
        self.checks.retain(|k, _| used.contains(k));
        let keys = keyed.into_iter().map(|(k, _)| k).collect();
        self.last = Some(Cut { text: text.to_string(), segments: cut, keys, marks });
        let mut analysis = Analysis { parts, definitions, silenced, fresh, whole: Vec::new(), derived: Vec::new() };
        analysis.derived = super::elsewhere::in_draft(text, &analysis);
        analysis.whole = whole_draft_findings(text, &analysis, against.config, &mut self.restatements);
        Some(analysis)
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

/// The hash of the sources a draft relies on, made once for all its segments' keys.
fn relied_on_key(relied_on: &[String]) -> u64 {
    let mut hasher = DefaultHasher::new();
    relied_on.hash(&mut hasher);
    hasher.finish()
}

/// The key of a segment's results: its piece key with the sources' key. Both are SipHashes
/// already, so FxHash mixes them (a keystroke in a 1 MB draft makes some 2,500 of these); for
/// one set of sources, distinct pieces give distinct keys.
fn check_key(piece: u64, relied_on: u64) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    (piece, relied_on).hash(&mut hasher);
    hasher.finish()
}

/// A map by key: keys are hashes already, so they are hashed again with FxHash, a multiply,
/// rather than SipHash (a keystroke in a 1 MB draft looks up and keeps some 2,500 of them in each
/// of several maps).
pub(crate) type KeyMap<V> = rustc_hash::FxHashMap<u64, V>;
pub(crate) type KeySet = rustc_hash::FxHashSet<u64>;

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
    let mut matches = match_figures(&Context::new(&piece.text, &piece.draft, library, index, config));
    // A figure the draft derives is judged by its arithmetic, not against a fact that happens
    // to share its words.
    let mut derivations = derivations(&piece.text, &piece.draft);
    let opens = open_forms(&piece.text, &piece.draft, &derivations);
    let cx = Context { matches: &matches, ..Context::new(&piece.text, &piece.draft, library, index, config) };
    let (answered, left) = super::elsewhere::in_sources(&cx, opens, &matches);
    derivations.extend(answered);
    super::arithmetic::sort(&mut derivations);
    let pending = left.iter().filter_map(|o| pending(&piece.draft, o, |r| piece.place(r, start))).collect();
    for d in &derivations {
        if let Some(m) = d.result.and_then(|r| matches.get_mut(r)) {
            *m = None;
        }
    }
    let quotations = super::quoting::check_quotations(&piece.text, &piece.draft, index, config);
    let checked = (matches.as_slice(), derivations.as_slice());
    let mut findings = check_matched(&piece.text, &piece.draft, against, relied_on, checked, &quotations);
    let own = piece.appended.first().map_or(piece.text.len(), |(at, _)| *at);
    let read = Read { draft: &piece.draft, own, start };
    let figures = read.figures(checked, &findings, index);
    let quotations = read.quotations(&quotations);
    let (names, citations) = (read.names(index), read.citations());
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
    let line = segment.line;
    let restating = super::rules::inconsistent_figure::restating(&figures);
    let stated = super::elsewhere::inputs(&figures);
    CheckedSegment {
        key: hasher.finish(),
        restating,
        stated,
        findings,
        figures,
        quotations,
        names,
        citations,
        pending,
        start,
        line,
        definitions,
    }
    .fitted()
}

/// An open form kept for the whole-draft pass, its figures placed in the draft by `place`.
fn pending(draft: &Draft, open: &Open, place: impl Fn(usize) -> usize) -> Option<super::elsewhere::Pending> {
    let placed = |i: usize| {
        let mut f = draft.figures.get(i)?.clone();
        f.range = place(f.range.start)..place(f.range.end);
        Some(f)
    };
    let known = match super::elsewhere::known_of(open.need) {
        Some(k) => Some(placed(k)?),
        None => None,
    };
    // A word of multiples stands where its paragraph now stands too.
    let need = match open.need {
        super::arithmetic::Need::OtherEnd { known: k, old, year, multiple: Some(m) } => {
            let moved = super::arithmetic::Multiple { start: place(m.start), end: place(m.end), ..m };
            super::arithmetic::Need::OtherEnd { known: k, old, year, multiple: Some(moved) }
        }
        other => other,
    };
    Some(super::elsewhere::Pending {
        need,
        names: open.names.clone(),
        sentence: place(open.sentence.start)..place(open.sentence.end),
        result: placed(open.result)?,
        known,
    })
}

/// The findings about the draft as a whole, less those an ignore comment above their line
/// silences (read from the paragraph they stand in).
fn whole_draft_findings(
    text: &str,
    analysis: &Analysis,
    config: &CheckConfig,
    restatements: &mut super::rules::inconsistent_figure::Memo,
) -> Vec<Finding> {
    let mut found = super::rules::inconsistent_figure::check_draft(text, analysis, config, restatements);
    found.extend(super::rules::miscalculated_figure::check_draft(text, &analysis.derived, config));
    found.retain(|f| {
        let Some((segment, _)) = analysis.part_at(f.range.start) else {
            return true;
        };
        let body = text.get(segment.range.clone()).unwrap_or("");
        // Only a paragraph with an ignore comment can silence: the others are not read again.
        if !body.contains("stet-ignore") {
            return true;
        }
        let draft = read_draft(body);
        let lines = crate::text::LineIndex::new(body);
        let at = f.range.start.saturating_sub(segment.range.start);
        let line = lines.position(body, at, crate::text::Encoding::Utf8).line as usize;
        !Suppressions::read(body, &draft.layout, &lines).silences(f.code, line)
    });
    found
}
