//! Checking a draft's quotations against the sources: the passage each comes from (in the
//! sources its sentence cites first, then in the others), whether its words are the source's,
//! and whether the source gives them to the same person.

pub(crate) mod align;

use std::ops::Range;

use align::{align, Alignment, Step, GAP_WORDS, STAND_WORDS};

use super::config::Scope;
use super::finding::{Edit, Related};
use super::CheckConfig;
use crate::extract::quotes::words::{tokens, Piece, Token};
use crate::extract::quotes::{read_quotations, Quotation};
use crate::extract::Draft;
use crate::reference::passages::SourceText;
use crate::reference::Index;

/// Quotes longer than this many words are checked on their first words only.
const MAX_QUOTE_WORDS: usize = 300;
/// Places in the sources aligned per quotation and per search.
const CANDIDATES: usize = 6;
/// Words of slack around a candidate place.
const MARGIN: usize = 20;

/// How a quotation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteStatus {
    /// The source has these words, given to the same speaker (or to none the draft contradicts).
    Verified,
    /// A source has a passage close to the quote, with other words.
    Misquoted,
    /// The source gives these words to someone else.
    Misattributed,
    /// The quote cites sources none of which holds it.
    Unsupported,
    /// No note and no passage in any source: the reporter's own reporting.
    Unsourced,
    /// The cited sources have no text to look in.
    Unchecked,
}

impl QuoteStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStatus::Verified => "verified",
            QuoteStatus::Misquoted => "misquoted",
            QuoteStatus::Misattributed => "misattributed",
            QuoteStatus::Unsupported => "unsupported",
            QuoteStatus::Unsourced => "unsourced",
            QuoteStatus::Unchecked => "not checked",
        }
    }
}

/// Where the quote's words part from the source's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The draft's words that differ, with a word either side when words are only added or left out.
    pub range: Range<usize>,
    pub written: String,
    /// The source's words in their place.
    pub source: String,
    /// The edit that puts the source's words in, when one edit can.
    pub edit: Option<Edit>,
    /// Whether the quote runs two of the source's sentences together.
    pub joins: bool,
}

/// The source passage a quotation was found in.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageReport {
    pub source_key: String,
    pub title: Option<String>,
    pub date: Option<String>,
    /// The source's words, on one line.
    pub text: String,
    /// Whom the source gives them to.
    pub speaker: Option<String>,
    pub place: Related,
    /// Whether the quotation's note cites this source.
    pub cited: bool,
    /// Where the words differ; `None` when they are the source's.
    pub difference: Option<Difference>,
}

/// A quotation of the draft and how it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotationReport {
    pub quotation: Quotation,
    /// The known keys its note cites, and where the first is written.
    pub cited: Vec<String>,
    pub cited_at: Option<Range<usize>>,
    pub passage: Option<PassageReport>,
    pub status: QuoteStatus,
}

impl QuotationReport {
    /// The quoted words on one line, less the marks.
    pub fn words(&self, text: &str) -> String {
        let parts: Vec<String> = self
            .quotation
            .parts
            .iter()
            .filter_map(|p| text.get(p.clone()))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        parts.join(" … ")
    }

    /// Moves every place by `by`, as `f` says.
    pub fn shifted(&self, f: impl Fn(usize) -> usize) -> QuotationReport {
        let mut r = self.clone();
        let range = |x: &Range<usize>| f(x.start)..f(x.end);
        r.quotation.range = range(&r.quotation.range);
        r.quotation.parts = r.quotation.parts.iter().map(range).collect();
        if let Some(s) = &mut r.quotation.speaker {
            s.range = range(&s.range);
        }
        r.cited_at = r.cited_at.as_ref().map(range);
        if let Some(d) = r.passage.as_mut().and_then(|p| p.difference.as_mut()) {
            d.range = range(&d.range);
            if let Some(e) = &mut d.edit {
                e.range = range(&e.range);
            }
        }
        r
    }

    /// Whether the draft names a speaker whom the source contradicts.
    pub fn misattributed(&self) -> bool {
        let said = self.quotation.speaker.as_ref();
        let source = self.passage.as_ref().and_then(|p| p.speaker.as_deref());
        matches!((said, source), (Some(a), Some(b)) if !same_person(&a.name, b))
    }
}

/// Whether two names are one person's: the same surname, whatever the given name or title.
pub fn same_person(a: &str, b: &str) -> bool {
    let last =
        |s: &str| s.split_whitespace().last().map(|w| crate::reference::index::fold_apostrophes(w).to_lowercase());
    last(a).is_some() && last(a) == last(b)
}

/// The quotations of a draft read as one piece, each with how it stands.
pub fn check_quotations(raw: &str, draft: &Draft, index: &Index, config: &CheckConfig) -> Vec<QuotationReport> {
    let view = &draft.view;
    read_quotations(raw, draft).into_iter().map(|q| report(view, draft, q, index, config)).collect()
}

fn report(view: &str, draft: &Draft, quotation: Quotation, index: &Index, config: &CheckConfig) -> QuotationReport {
    let (noted, keys, cited_at) = notes_of(draft, &quotation, config);
    let any_key = !keys.is_empty();
    let cited: Vec<String> = keys.into_iter().filter(|k| index.dataset(k).is_some()).collect();
    let (quote, part_ends) = quote_tokens(view, &quotation);
    let cited_ids: Vec<u32> = cited.iter().filter_map(|k| dataset_id(index, k)).collect();
    let texted = cited_ids.iter().any(|&d| index.datasets().get(d as usize).is_some_and(|x| x.text.get().is_some()));
    let in_cited =
        best_passage(&quote, &part_ends, index, &|d| cited_ids.contains(&d)).filter(|(_, a)| close(a, &quote, true));
    let elsewhere = || {
        best_passage(&quote, &part_ends, index, &|d| !cited_ids.contains(&d)).filter(|(_, a)| close(a, &quote, false))
    };
    let (found, is_cited) = match in_cited {
        Some(found) => (Some(found), true),
        None => (elsewhere(), false),
    };
    let passage = found.and_then(|(d, a)| passage_report(view, index, d, &a, &quote, is_cited));
    let exact = passage.as_ref().is_some_and(|p| p.difference.is_none());
    // A quote whose cited sources have no text (a bibliography entry, a curated dataset, an
    // unknown key) is judged by no other source's words: another source may only show where
    // they stand.
    if any_key && !texted && !exact {
        return QuotationReport { quotation, cited, cited_at, passage: None, status: QuoteStatus::Unchecked };
    }
    let mut report = QuotationReport { quotation, cited, cited_at, passage, status: QuoteStatus::Verified };
    report.status = match (&report.passage, is_cited) {
        (Some(_), false) if texted => QuoteStatus::Unsupported,
        (Some(_), _) if !exact => QuoteStatus::Misquoted,
        (Some(_), _) if report.misattributed() => QuoteStatus::Misattributed,
        (Some(_), _) => QuoteStatus::Verified,
        (None, _) if texted => QuoteStatus::Unsupported,
        (None, _) if !noted => QuoteStatus::Unsourced,
        (None, _) => QuoteStatus::Unchecked,
    };
    report
}

/// Whether the quotation has a note, the keys its notes cite, and where the first key stands.
fn notes_of(draft: &Draft, q: &Quotation, config: &CheckConfig) -> (bool, Vec<String>, Option<Range<usize>>) {
    let first = draft.sentence_at(q.range.start);
    let last = draft.sentence_at(q.range.end.saturating_sub(1)).or(first);
    let (Some(first), Some(last)) = (first, last) else { return (false, Vec::new(), None) };
    let sentences: Vec<usize> = match config.scope {
        Scope::Sentence => (first..=last).collect(),
        Scope::Paragraph => {
            // The block's sentences are a run: found by halving, not by reading them all.
            let block = draft.sentences.get(first).map_or(0, |s| s.block);
            let from = draft.sentences.partition_point(|s| s.block < block);
            let to = draft.sentences.partition_point(|s| s.block <= block);
            (from..to).collect()
        }
    };
    let notes: Vec<_> = sentences.iter().flat_map(|&s| draft.notes_of(s)).collect();
    let keys: Vec<&crate::extract::notes::CitedKey> = notes.iter().flat_map(|n| &n.keys).collect();
    let at = keys.first().map(|k| k.range.clone());
    (!notes.is_empty(), keys.iter().map(|k| k.key.clone()).collect(), at)
}

fn dataset_id(index: &Index, key: &str) -> Option<u32> {
    index.datasets().iter().position(|d| d.source.key == key).map(|d| d as u32)
}

/// The quotation's tokens, capped, and for each whether it ends a part.
fn quote_tokens(view: &str, q: &Quotation) -> (Vec<Token>, Vec<bool>) {
    let mut all = Vec::new();
    let mut ends = Vec::new();
    let mut parts = q.parts.iter().peekable();
    while let Some(part) = parts.next() {
        let t = tokens(view, part.clone());
        let n = t.len();
        all.extend(t);
        ends.extend((0..n).map(|i| i + 1 == n));
        // The source may name the speaker between the parts too: the attribution is a gap.
        if let Some(next) = parts.peek() {
            all.push(Token { range: part.end..next.start, piece: Piece::Gap, ends_sentence: false });
            ends.push(false);
        }
    }
    all.truncate(MAX_QUOTE_WORDS);
    ends.truncate(MAX_QUOTE_WORDS);
    (all, ends)
}

/// The best passage for the quote among the datasets `allowed` lets through.
fn best_passage(
    quote: &[Token],
    ends: &[bool],
    index: &Index,
    allowed: &dyn Fn(u32) -> bool,
) -> Option<(u32, Alignment)> {
    let words: Vec<(usize, &str)> = quote
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match &t.piece {
            Piece::Word(w) => Some((i, w.as_str())),
            _ => None,
        })
        .collect();
    let gaps = quote.iter().filter(|t| t.piece == Piece::Gap).count();
    let stands = quote.iter().filter(|t| t.piece == Piece::Stand).count();
    let spread = gaps.min(3) * GAP_WORDS + stands.min(3) * STAND_WORDS;
    let mut best: Option<(u32, Alignment)> = None;
    for (d, start) in index.quotes.anchors(&words, allowed, CANDIDATES) {
        let Some(text) = index.datasets().get(d as usize).and_then(|x| x.text.get()) else { continue };
        let from = (start as usize).saturating_sub(MARGIN + spread);
        let to = (start as usize + quote.len() + MARGIN + spread).min(text.words.len());
        let Some(a) = align(quote, ends, text, from..to) else { continue };
        if best.as_ref().is_none_or(|(_, b)| (a.cost, usize::MAX - a.same) < (b.cost, usize::MAX - b.same)) {
            best = Some((d, a));
        }
    }
    best
}

/// Whether an alignment is the quote's passage, exact or close: most of the quote's words are
/// there, in order. A quote with no note needs more of them to be called a misquotation.
fn close(a: &Alignment, quote: &[Token], cited: bool) -> bool {
    let words = quote.iter().filter(|t| matches!(t.piece, Piece::Word(_))).count();
    if a.cost == 0 {
        return a.same >= 2;
    }
    let share = a.same as f64 / words.max(1) as f64;
    let (least, floor) = if cited { (3, 0.6) } else { (4, 0.7) };
    a.same >= least && share >= floor && a.cost <= words.div_ceil(2)
}

fn passage_report(
    view: &str,
    index: &Index,
    d: u32,
    a: &Alignment,
    quote: &[Token],
    cited: bool,
) -> Option<PassageReport> {
    let dataset = index.datasets().get(d as usize)?;
    let text = dataset.text.get()?;
    let place = text.place(a.source.clone());
    Some(PassageReport {
        source_key: dataset.source.key.clone(),
        title: dataset.source.title.clone(),
        date: dataset.source.date.clone(),
        text: text.written(a.source.clone()),
        speaker: text.speaker_of(a.source.clone()).and_then(|s| s.speaker.clone()),
        place: Related {
            source_key: dataset.source.key.clone(),
            fact_id: None,
            place,
            message: "the passage".into(),
            in_draft: None,
        },
        cited,
        difference: (a.cost > 0).then(|| difference(view, text, a, quote)).flatten(),
    })
}

/// Where the words differ: from the first step that is not the same to the last, widened by a
/// word either side when words were only added or left out.
fn difference(view: &str, text: &SourceText, a: &Alignment, quote: &[Token]) -> Option<Difference> {
    let differs = |s: &Step| !matches!(s, Step::Same(..) | Step::Skipped(..));
    let first = a.steps.iter().position(differs)?;
    let last = a.steps.iter().rposition(differs)?;
    let has_quote_word = a.steps.get(first..=last)?.iter().any(|s| matches!(s, Step::Changed(..) | Step::Added(_)));
    let (first, last) =
        if has_quote_word { (first, last) } else { (first.saturating_sub(1), (last + 1).min(a.steps.len() - 1)) };
    let steps = a.steps.get(first..=last)?;
    let quoted: Vec<usize> = steps.iter().filter_map(quote_index).collect();
    let sourced: Vec<usize> = steps.iter().filter_map(source_index).collect();
    let joins = steps.iter().any(|s| matches!(s, Step::Joined(..)));
    let (q0, q1) = (*quoted.first()?, *quoted.last()?);
    let range = quote.get(q0)?.range.start..quote.get(q1)?.range.end;
    let written = view.get(range.clone())?.split_whitespace().collect::<Vec<_>>().join(" ");
    let source = match (sourced.first(), sourced.last()) {
        (Some(&s0), Some(&s1)) => text.written(s0 as u32..s1 as u32 + 1),
        _ => String::new(),
    };
    let simple = steps.iter().all(|s| !matches!(s, Step::Skipped(..))) && !source.is_empty() && !joins;
    let edit = simple.then(|| Edit { range: range.clone(), new_text: source.clone() });
    Some(Difference { range, written, source, edit, joins })
}

fn quote_index(s: &Step) -> Option<usize> {
    match s {
        Step::Same(q, _) | Step::Changed(q, _) | Step::Added(q) | Step::Joined(q, _) | Step::Skipped(q, _) => Some(*q),
        Step::Dropped(_) => None,
    }
}

fn source_index(s: &Step) -> Option<usize> {
    match s {
        Step::Same(_, s) | Step::Changed(_, s) | Step::Dropped(s) | Step::Joined(_, s) => Some(*s),
        Step::Added(_) | Step::Skipped(..) => None,
    }
}
