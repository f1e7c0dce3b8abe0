//! A draft as stet reads it, after one check: every figure with its standing and the fact it
//! matched, every known name, every citation key, and the findings. Plain data that every view
//! answers from: diagnostics, hover, go to definition, the outline, the summary lens, `stet
//! check` and `stet figures`. Built by [`super::DraftCache::check`], paragraph by paragraph; each
//! part keeps the places it had when checked and is moved to where its paragraph stands now.

use std::ops::Range;
use std::sync::Arc;

use super::finding::{Finding, Related};
use super::quoting::{QuotationReport, QuoteStatus};
use super::standing::{Standing, Status};
use crate::extract::Figure;
use crate::reference::{EntityId, FactId, Index, Library};
use crate::text::segments::{FootnoteDefinition, Segment};

/// A whole draft checked: each segment where it stands now, with what its check found.
#[derive(Debug, Default)]
pub struct Analysis {
    pub(crate) parts: Vec<(Segment, Arc<CheckedSegment>)>,
    /// The footnote definitions of the draft, where they stand now.
    pub(crate) definitions: Vec<FootnoteDefinition>,
    /// The `stet-ignore-file` directives of the draft.
    pub(crate) silenced: Vec<Option<Vec<String>>>,
    /// Findings about the draft as a whole (a figure against another paragraph's), where they
    /// stand now; made anew by every check.
    pub(crate) whole: Vec<Finding>,
    /// Figures derived from inputs in other paragraphs, where they stand now; made anew by
    /// every check.
    pub(crate) derived: Vec<super::arithmetic::Derivation>,
    /// How many segments were checked anew, for benchmarks and tests.
    pub fresh: usize,
}

/// What the check of one segment found, as it stood when checked.
#[derive(Debug)]
pub struct CheckedSegment {
    /// The hash of everything the results depend on: a result with the same key is the same
    /// result, wherever it now stands (the server keys what it wrote of it by this).
    pub key: u64,
    pub findings: Vec<Finding>,
    /// The segment's claim figures, in order.
    pub figures: Vec<FigureReport>,
    /// Its quotations, in order, each with the passage found for it.
    pub quotations: Vec<QuotationReport>,
    /// The known names it mentions, in order.
    pub names: Vec<NameReport>,
    /// The citation keys of its notes, in order.
    pub citations: Vec<CitationReport>,
    /// The forms whose inputs neither their sentence nor their sources state, for the
    /// whole-draft pass to look for in earlier paragraphs.
    pub pending: Vec<super::elsewhere::Pending>,
    /// Where the segment started then, in bytes and lines.
    pub start: usize,
    pub line: u32,
    /// The footnote definitions it refers to, where they stood then: findings inside them move
    /// with them, not with the segment.
    pub definitions: Vec<FootnoteDefinition>,
    /// Which of its figures the whole-draft passes read, noted when it was checked so that a
    /// keystroke's passes go through short lists rather than every figure of the draft: those
    /// that may restate an earlier figure, each with a hash of its kind and unit, and those an
    /// open form may take as an input.
    pub restating: Vec<(usize, u64)>,
    pub stated: Vec<usize>,
}

impl CheckedSegment {
    /// The same, holding no spare room: a draft keeps one for each of its paragraphs for as
    /// long as it is open, and lists collected a figure at a time would keep up to half again.
    pub fn fitted(mut self) -> CheckedSegment {
        self.findings.shrink_to_fit();
        self.figures.shrink_to_fit();
        self.quotations.shrink_to_fit();
        self.names.shrink_to_fit();
        self.citations.shrink_to_fit();
        self.pending.shrink_to_fit();
        self.definitions.shrink_to_fit();
        self.restating.shrink_to_fit();
        self.stated.shrink_to_fit();
        self
    }
}

/// A claim figure and how it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureReport {
    /// The figure as read; its range is its place in the draft.
    pub figure: Figure,
    /// The sentence it stands in.
    pub sentence: Range<usize>,
    pub standing: Standing,
    /// The fact it was matched to, agreeing or not (boxed: most figures of a draft have none,
    /// and a report is kept for every figure of an open draft).
    pub matched: Option<Box<MatchReport>>,
    /// How the draft derives it from its other figures, when it does: `84,000 of 6.3 million is
    /// 1.33%`.
    pub derived: Option<String>,
    /// What it counts and the period it speaks of, as read from its sentence.
    pub counts: Option<String>,
    pub period: Option<String>,
    /// The stems of what it counts and of its clause: what a later sentence may name it by.
    pub terms: Vec<String>,
    /// Whether it is the old end of a change or comparison (`up from 874`, `more than 30`).
    pub old_end: bool,
    /// The stems of the stretch of its clause that belongs to it alone (`the $9.8 million plan`).
    pub own: Vec<String>,
    /// The names its sentence gives it, less a speaker's (`Valkova` in `Nadia Valkova won in
    /// 2:24:48`), stemmed.
    pub names: Vec<String>,
    /// The word just before it, lower-cased (`to` in `took the rate to 5%`).
    pub after_word: String,
    /// The first word of its own stretch after it that names something, stemmed: what it
    /// quantifies (`budget` in `the $421 million budget`).
    pub head: Option<String>,
}

impl FigureReport {
    /// Whether it needs a note and has one.
    pub fn sourced(&self) -> bool {
        !self.figure.kind.is_date() && !self.standing.unsourced
    }
}

/// The fact a figure was matched to.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchReport {
    pub fact: FactId,
    pub source_key: String,
    /// The fact in words: its value, what it counts and its period.
    pub phrase: String,
    pub agrees: bool,
    /// Whether the fact is of a source the figure's note cites.
    pub cited: bool,
    pub confidence: f64,
    /// Where the fact stands in its source.
    pub place: Related,
}

/// A known name as written in the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct NameReport {
    pub range: Range<usize>,
    pub entity: EntityId,
}

/// A citation key in a note.
#[derive(Debug, Clone, PartialEq)]
pub struct CitationReport {
    pub range: Range<usize>,
    pub key: String,
    /// The sentence the note speaks for.
    pub sentence: Option<Range<usize>>,
}

/// What stands at a place of the draft.
#[derive(Debug, Clone, PartialEq)]
pub enum Thing {
    Citation(CitationReport),
    Figure(Box<FigureReport>),
    Name(NameReport),
    Quotation(Box<QuotationReport>),
}

impl Thing {
    pub fn range(&self) -> Range<usize> {
        match self {
            Thing::Citation(c) => c.range.clone(),
            Thing::Figure(f) => f.figure.range.clone(),
            Thing::Name(n) => n.range.clone(),
            Thing::Quotation(q) => q.quotation.range.clone(),
        }
    }
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
    /// Figures the draft derives from others, rightly (counted among the verified too).
    pub derived: usize,
    pub miscalculated: usize,
    /// How many verified figures each source gives, in the order first seen.
    pub supported_by: Vec<(String, usize)>,
    /// Quotations checked against a passage, and those whose words and speaker it confirms.
    pub quotations: usize,
    pub verified_quotations: usize,
}

impl Tally {
    fn add(&mut self, figure: &FigureReport) {
        self.figures += 1;
        let stands = &figure.standing;
        self.unsourced += usize::from(stands.unsourced);
        self.conflicting += usize::from(stands.conflicting);
        self.unsupported += usize::from(stands.unsupported);
        self.miscalculated += usize::from(stands.miscalculated);
        if stands.status == Status::Derived {
            self.verified += 1;
            self.derived += 1;
        }
        if let (Some(m), Status::Verified) = (&figure.matched, stands.status) {
            self.verified += 1;
            match self.supported_by.iter_mut().find(|(k, _)| *k == m.source_key) {
                Some((_, total)) => *total += 1,
                None => self.supported_by.push((m.source_key.clone(), 1)),
            }
        }
    }

    /// Adds the counts of `other`, a tally of what follows in the draft: its sources come
    /// after those seen already.
    pub fn merge(&mut self, other: &Tally) {
        self.figures += other.figures;
        self.verified += other.verified;
        self.unsourced += other.unsourced;
        self.conflicting += other.conflicting;
        self.unsupported += other.unsupported;
        self.derived += other.derived;
        self.miscalculated += other.miscalculated;
        self.quotations += other.quotations;
        self.verified_quotations += other.verified_quotations;
        for (key, n) in &other.supported_by {
            match self.supported_by.iter_mut().find(|(k, _)| k == key) {
                Some((_, total)) => *total += n,
                None => self.supported_by.push((key.clone(), *n)),
            }
        }
    }

    /// How many verified figures source `key` gives.
    pub fn supported_by(&self, key: &str) -> usize {
        self.supported_by.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
    }
}

impl CheckedSegment {
    /// How the segment's claim figures and quotations stand: the same wherever it stands, so a
    /// draft's tally can be summed from those kept for its segments.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for figure in &self.figures {
            tally.add(figure);
        }
        for q in &self.quotations {
            tally.quotations += 1;
            tally.verified_quotations += usize::from(q.status == QuoteStatus::Verified);
        }
        tally
    }

    /// Whether a finding or one of its edits lies in a footnote definition appended to the segment.
    pub fn reaches_definitions(&self, finding: &Finding) -> bool {
        let ranges =
            std::iter::once(&finding.range).chain(finding.fixes.iter().flat_map(|x| &x.edits).map(|e| &e.range));
        self.definitions.iter().any(|d| ranges.clone().any(|r| r.start >= d.range.start && r.start <= d.range.end))
    }
}

impl Analysis {
    /// How the draft's claim figures stand.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for (_, part) in &self.parts {
            tally.merge(&part.tally());
        }
        tally
    }

    /// Whether the draft silences every finding of `code`.
    pub fn silences(&self, code: &str) -> bool {
        self.silenced.iter().any(|codes| codes.as_ref().is_none_or(|c| c.iter().any(|x| x == code)))
    }

    /// Every finding the draft does not silence, where it stands now, sorted by place.
    pub fn findings(&self) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .parts
            .iter()
            .flat_map(|(segment, part)| {
                part.findings.iter().filter(|f| !self.silences(f.code)).map(move |f| self.moved(segment, part, f))
            })
            .filter(|f| !self.derived_elsewhere(f))
            .chain(self.whole.iter().filter(|f| !self.silences(f.code)).cloned())
            .collect();
        // A finding at a footnote's definition comes with the paragraph that refers to it.
        findings.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
        findings
    }

    /// Whether `finding` calls unsupported a figure the draft derives from inputs in other
    /// paragraphs: no source need print what the draft computed, and a wrong one is
    /// `miscalculated-figure` (one value finding per figure).
    fn derived_elsewhere(&self, finding: &Finding) -> bool {
        finding.code == super::rules::unsupported_figure::CODE && self.derived.iter().any(|d| d.range == finding.range)
    }

    /// The findings about the draft as a whole, where they stand now (silenced ones included).
    pub fn whole_draft_findings(&self) -> &[Finding] {
        &self.whole
    }

    /// Every claim figure of the draft with how it stands, where it stands now, in order.
    pub fn figures(&self) -> impl Iterator<Item = FigureReport> + '_ {
        self.parts.iter().flat_map(|(segment, part)| {
            part.figures.iter().map(|f| self.with_derivation(shifted_figure(f, segment, part)))
        })
    }

    /// A figure as the whole draft reads it: derived, rightly or not, from inputs in other
    /// paragraphs when the whole-draft pass found them.
    fn with_derivation(&self, mut f: FigureReport) -> FigureReport {
        if f.derived.is_some() {
            return f;
        }
        if let Some(d) = self.derived.iter().find(|d| d.range == f.figure.range) {
            f.derived = Some(d.arithmetic.clone());
            f.standing.unsupported = false;
            f.standing.miscalculated = !d.agrees;
            f.standing.status = if d.agrees { Status::Derived } else { Status::Miscalculated };
        }
        f
    }

    /// Every quotation of the draft with how it stands, where it stands now, in order.
    pub fn quotations(&self) -> impl Iterator<Item = QuotationReport> + '_ {
        self.parts.iter().flat_map(|(segment, part)| {
            part.quotations.iter().map(|q| q.shifted(|o| (o + segment.range.start).saturating_sub(part.start)))
        })
    }

    /// Every known name the draft mentions, where it stands now, in order.
    pub fn names(&self) -> impl Iterator<Item = NameReport> + '_ {
        self.parts.iter().flat_map(|(segment, part)| {
            part.names.iter().map(|n| NameReport { range: shift(&n.range, segment, part), ..n.clone() })
        })
    }

    /// The citation key, figure, known name or quotation at byte `offset`, in that order.
    pub fn at(&self, offset: usize) -> Option<Thing> {
        let (segment, part) = self.part_at(offset)?;
        let back = offset.checked_sub(segment.range.start)? + part.start;
        if let Some(c) = part.citations.iter().find(|c| c.range.contains(&back)) {
            return Some(Thing::Citation(shifted_citation(c, segment, part)));
        }
        if let Some(f) = part.figures.iter().find(|f| f.figure.range.contains(&back)) {
            return Some(Thing::Figure(Box::new(self.with_derivation(shifted_figure(f, segment, part)))));
        }
        if let Some(name) = part.names.iter().find(|n| n.range.contains(&back)) {
            return Some(Thing::Name(NameReport { range: shift(&name.range, segment, part), ..name.clone() }));
        }
        let quotation = part.quotations.iter().find(|q| q.quotation.range.contains(&back))?;
        let moved = quotation.shifted(|o| (o + segment.range.start).saturating_sub(part.start));
        Some(Thing::Quotation(Box::new(moved)))
    }

    /// The finding of rule `code` at byte `offset`, where it stands now.
    pub fn finding_at(&self, offset: usize, code: &str) -> Option<Finding> {
        let (segment, part) = self.part_at(offset)?;
        let back = offset.checked_sub(segment.range.start)? + part.start;
        let found = part.findings.iter().find(|f| f.code == code && f.range.start <= back && back <= f.range.end)?;
        (!self.silences(code)).then(|| self.moved(segment, part, found))
    }

    /// The place in a source that the thing at `offset` comes from. On a citation key: the fact
    /// of that source matched by the figure nearest the key among those its note covers (its own
    /// sentence first, then its paragraph), else the top of the source. On a figure: the fact it
    /// matched. On a known name: its first mention.
    pub fn definition(&self, offset: usize, library: &Library, index: &Index) -> Option<Related> {
        match self.at(offset)? {
            Thing::Figure(f) => Some(f.matched?.place),
            Thing::Quotation(q) => Some(q.passage?.place),
            Thing::Name(n) => {
                let (dataset, entity) = index.entity(n.entity)?;
                let place = *entity.mentions.first()?;
                Some(Related {
                    source_key: dataset.source.key.clone(),
                    fact_id: None,
                    place,
                    message: "first mention".into(),
                    in_draft: None,
                })
            }
            Thing::Citation(c) => {
                let (segment, part) = self.part_at(offset)?;
                let nearest = part
                    .figures
                    .iter()
                    .map(|f| shifted_figure(f, segment, part))
                    .filter_map(|f| Some((f.matched.clone().filter(|m| m.source_key == c.key)?, f)))
                    .min_by_key(|(_, f)| {
                        let elsewhere = c.sentence.as_ref() != Some(&f.sentence);
                        (elsewhere, f.figure.range.start.abs_diff(offset))
                    });
                match nearest {
                    Some((m, _)) => Some(m.place),
                    None => library.contains(&c.key).then(|| Related::top_of(&c.key)),
                }
            }
        }
    }

    /// The segment that holds byte `offset`, with its check.
    pub(crate) fn part_at(&self, offset: usize) -> Option<&(Segment, Arc<CheckedSegment>)> {
        let i = self.parts.partition_point(|(s, _)| s.range.start <= offset).checked_sub(1)?;
        self.parts.get(i).filter(|(s, _)| offset <= s.range.end)
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

/// A range of a segment's own text, moved to where the segment now stands.
fn shift(range: &Range<usize>, segment: &Segment, part: &CheckedSegment) -> Range<usize> {
    let at = |offset: usize| (offset + segment.range.start).saturating_sub(part.start);
    at(range.start)..at(range.end)
}

/// A pending form of a segment checked earlier, moved to where it stands now.
pub(crate) fn shifted_pending(
    p: &super::elsewhere::Pending,
    segment: &Segment,
    part: &CheckedSegment,
) -> super::elsewhere::Pending {
    let mut p = p.clone();
    p.sentence = shift(&p.sentence, segment, part);
    p.result.range = shift(&p.result.range, segment, part);
    if let Some(k) = p.known.as_mut() {
        k.range = shift(&k.range, segment, part);
    }
    p
}

pub(crate) fn shifted_figure(f: &FigureReport, segment: &Segment, part: &CheckedSegment) -> FigureReport {
    let mut f = f.clone();
    f.figure.range = shift(&f.figure.range, segment, part);
    f.sentence = shift(&f.sentence, segment, part);
    f
}

fn shifted_citation(c: &CitationReport, segment: &Segment, part: &CheckedSegment) -> CitationReport {
    CitationReport {
        range: shift(&c.range, segment, part),
        key: c.key.clone(),
        sentence: c.sentence.as_ref().map(|s| shift(s, segment, part)),
    }
}

/// The definition of footnote `label` appended to `segment`: the first outside the segment (one
/// inside it is read with it already).
pub(crate) fn appended_definition<'a>(
    definitions: &'a [FootnoteDefinition],
    label: &str,
    segment: &Segment,
) -> Option<&'a FootnoteDefinition> {
    definitions.iter().find(|d| d.label == label && !ranges_overlap(&d.range, &segment.range))
}

fn ranges_overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// What one piece of a draft holds, as read by its check: `own` is the piece's own text (what
/// follows is footnote definitions appended for the check, reported by their own segments), and
/// `start` where the piece stands in the draft.
pub(crate) struct Read<'a> {
    pub draft: &'a crate::extract::Draft,
    pub own: usize,
    pub start: usize,
}

impl Read<'_> {
    fn place(&self, range: &Range<usize>) -> Range<usize> {
        range.start + self.start..range.end + self.start
    }

    /// The piece's claim figures with how they stand, from its matches and findings (in the
    /// piece's own places).
    pub fn figures(
        &self,
        (matches, derivations): (&[Option<super::matching::FigureMatch>], &[super::arithmetic::Derivation]),
        findings: &[Finding],
        index: &Index,
    ) -> Vec<FigureReport> {
        let draft = self.draft;
        // Each figure is judged by the findings that start where it does, found by halving: a
        // paragraph of thousands of figures would otherwise cost their square.
        let mut sorted = findings.to_vec();
        sorted.sort_by_key(|f| f.range.start);
        let own = draft.figures.iter().enumerate().zip(matches);
        let own = own.filter(|((_, f), _)| f.kind.is_claim() && f.range.end <= self.own);
        // The words of a sentence are read once for all its figures.
        let mut words: Option<Words> = None;
        own.map(|((i, figure), found)| {
            let derived = super::arithmetic::derivation_of(derivations, i);
            let from = sorted.partition_point(|f| f.range.start < figure.range.start);
            let to = sorted.partition_point(|f| f.range.start <= figure.range.start);
            let on = sorted.get(from..to).unwrap_or_default();
            let standing = super::standing::standing(figure, found.as_ref(), derived.is_some(), on);
            let s = draft.sentence_at(figure.range.start);
            let sentence = s.and_then(|s| draft.sentences.get(s)).map_or(figure.range.clone(), |x| x.range.clone());
            let placing = draft.placing_of(i, figure);
            let (counts, period) = (placing.counts.clone(), placing.period.clone());
            let derived = derived.map(|d| d.arithmetic.clone());
            // Read here, once per paragraph checked, so the whole-draft pass compares words it
            // has read already.
            let old_end = is_old_end(&draft.view, figure, sentence.start);
            if words.as_ref().is_none_or(|w| w.start != sentence.start) {
                words = Some(Words::read(&draft.view, sentence.clone()));
            }
            let (said, content) =
                words.as_ref().map_or((&[][..], &[][..]), |w| (w.said.as_slice(), w.content.as_slice()));
            let terms = terms_of(content, &placing.clause, counts.as_deref());
            let (own, head) = own_words(figure, placing.own.clone(), content);
            let names = names_for(said, figure);
            let after_word = word_before(&draft.view, figure, sentence.start);
            let mut placed = figure.clone();
            placed.range = self.place(&figure.range);
            FigureReport {
                counts,
                period,
                terms,
                old_end,
                own,
                names,
                after_word,
                head,
                sentence: self.place(&sentence),
                standing,
                matched: found.as_ref().and_then(|m| match_report(m, index)).map(Box::new),
                derived,
                figure: placed,
            }
        })
        .collect()
    }

    /// The quotations of the piece's own text, where they stand in the draft.
    pub fn quotations(&self, quotations: &[QuotationReport]) -> Vec<QuotationReport> {
        let own = quotations.iter().filter(|q| q.quotation.range.end <= self.own);
        own.map(|q| q.shifted(|o| o + self.start)).collect()
    }

    /// The known names of the piece's own text.
    pub fn names(&self, index: &Index) -> Vec<NameReport> {
        let names = index.find_names(&self.draft.view).into_iter().filter(|m| m.range.end <= self.own);
        names.map(|m| NameReport { range: self.place(&m.range), entity: m.entity }).collect()
    }

    /// The citation keys of the piece's own notes.
    pub fn citations(&self) -> Vec<CitationReport> {
        let draft = self.draft;
        let notes = draft.notes.iter().filter(|n| n.range.end <= self.own);
        notes
            .flat_map(|note| {
                let sentence = draft.sentence_of_note(note).and_then(|s| draft.sentences.get(s));
                let sentence = sentence.map(|s| self.place(&s.range));
                note.keys.iter().map(move |k| CitationReport {
                    range: self.place(&k.range),
                    key: k.key.clone(),
                    sentence: sentence.clone(),
                })
            })
            .collect()
    }
}

/// The words of a sentence, read once for all its figures: its content words' stems with their
/// places, and the words that bear on whom a figure is said of.
struct Words {
    start: usize,
    content: Vec<(String, Range<usize>)>,
    said: Vec<SentenceWord>,
}

impl Words {
    fn read(prose: &str, sentence: Range<usize>) -> Words {
        let text = prose.get(sentence.clone()).unwrap_or("");
        let content = crate::extract::terms::content_words(text, sentence.start);
        Words { start: sentence.start, content, said: sentence_words(prose, sentence) }
    }
}

/// The stems of what a figure counts and of the clause it stands in (of the sentence's content
/// words, those in the clause).
fn terms_of(words: &[(String, Range<usize>)], clause: &Range<usize>, counts: Option<&str>) -> Vec<String> {
    use crate::extract::terms::{content_terms, within};
    let mut terms: Vec<String> = within(words, clause).cloned().collect();
    terms.extend(counts.map(content_terms).unwrap_or_default());
    terms.sort();
    terms.dedup();
    terms
}

/// The stems of the stretch of a figure's clause that is its own (less the figure's own words),
/// and the first of them after it: what it quantifies (`budget` in `the $421 million budget`).
fn own_words(figure: &Figure, own: Range<usize>, words: &[(String, Range<usize>)]) -> (Vec<String>, Option<String>) {
    let before = own.start..figure.range.start.max(own.start);
    let after = figure.range.end.min(own.end)..own.end;
    use crate::extract::terms::{distinct, within};
    let mut terms = distinct(within(words, &before));
    let after = distinct(within(words, &after));
    let head = after.iter().find(|w| !matches!(w.as_str(), "peopl" | "said")).cloned();
    terms.extend(after);
    (terms, head)
}

/// A word of a sentence that bears on whom a figure is said of: a verb of speech, or a name
/// (its stem).
struct SentenceWord {
    at: usize,
    speech: bool,
    name: Option<String>,
}

/// The verbs of speech and names of a sentence, in order: capitalised words past its first word
/// that are no stop word or month.
fn sentence_words(prose: &str, sentence: Range<usize>) -> Vec<SentenceWord> {
    let text = prose.get(sentence.clone()).unwrap_or("");
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let (at, first) = (sentence.start + offset, offset == 0);
        offset += piece.len();
        let word = piece.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let lower = crate::text::lower(word);
        let speech = crate::lexicon::is_speech_verb(&lower);
        let common = crate::lexicon::is_stopword(&lower) || crate::lexicon::month(&lower).is_some();
        let name = (capital && !common && !first && !piece.contains('@')).then(|| crate::extract::terms::stem(&lower));
        if speech || name.is_some() {
            out.push(SentenceWord { at, speech, name });
        }
    }
    out
}

/// The names its sentence gives a figure: those past any verb of speech before it (`Mayor
/// Delphine Aske said the $421 million budget` names no one for the budget).
fn names_for(words: &[SentenceWord], figure: &Figure) -> Vec<String> {
    // A verb of speech clears the names before it; one written with a capital is a name itself.
    let from = words.iter().rposition(|w| w.speech && w.at < figure.range.start).unwrap_or(0);
    words.get(from..).unwrap_or_default().iter().filter_map(|w| w.name.clone()).collect()
}

/// The word just before a figure in its sentence, lower-cased: `to` for a change's new value,
/// `another` for a further count.
fn word_before(prose: &str, figure: &Figure, sentence: usize) -> String {
    let before = prose.get(sentence..figure.range.start).unwrap_or("");
    before.split_whitespace().next_back().unwrap_or("").to_lowercase()
}

/// Whether a figure is the old end of a change or the other side of a comparison: `up from
/// 874`, `more than 30`, `versus 12`.
fn is_old_end(prose: &str, figure: &Figure, sentence: usize) -> bool {
    let before = prose.get(sentence..figure.range.start).unwrap_or("");
    let last = before.split_whitespace().next_back().unwrap_or("").to_lowercase();
    matches!(last.as_str(), "from" | "than" | "versus" | "vs" | "vs." | "against")
}

fn match_report(m: &super::matching::FigureMatch, index: &Index) -> Option<MatchReport> {
    use super::rules::conflicting_figure::{fact_phrase, related};
    let (dataset, fact) = index.fact(m.fact)?;
    Some(MatchReport {
        fact: m.fact,
        source_key: dataset.source.key.clone(),
        phrase: fact_phrase(fact),
        agrees: m.agrees,
        cited: m.cited,
        confidence: m.confidence(),
        place: related(dataset, fact),
    })
}
