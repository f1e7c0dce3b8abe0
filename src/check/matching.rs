//! Deciding which reference fact a draft's figure speaks about.
//!
//! Candidates come from the index: facts sharing a telling word with the figure's sentence, and
//! the facts of the sources it cites. Each is scored as a fact-checker would weigh it: the kind
//! and unit, the period (`in 2015` against `in 2023`), what is counted (the fact's subject), the
//! sentence's words weighted by rarity, the entities named, and the sources cited. A match is
//! accepted only above a calibrated confidence; a figure about something the reference does not
//! cover matches nothing.

use crate::check::agreement::{agree, common_scale, comparable, precision, Claim};
use crate::check::Context;
use crate::extract::context::{implied_unit, period_years, relative_part, years_of, Placing};
use crate::extract::terms::{distinct, stem, within, words_around_figures};
use crate::extract::{Figure, Hedge, Kind};
use crate::reference::{Fact, FactId};

/// The confidence a match needs to be reported.
pub const ACCEPT: f64 = 0.40;

/// How much better a disagreeing fact must be than an agreeing one to make the figure a
/// conflict: readings about as good as each other leave the figure standing.
const TIE: f64 = 0.05;

/// The confidence a year or date needs to contradict its cited source outside the passage the
/// sentence's other figures come from.
const DATE: f64 = 0.55;

/// The weight of shared words (IDF) a match must have in the fact's own stretch before it may
/// contradict a figure with no note: more than one common word such as `people`.
const CLEAR_WORDS: f64 = 4.5;

/// How far around a fact its sentence's other facts are looked for, in facts.
const SIBLINGS: u32 = 12;

/// How many more words a neighbouring fact's stretch must share with the figure's before its
/// value no longer counts as evidence for this one: one word may be a synonym's accident.
const NEIGHBOUR_MARGIN: usize = 2;

/// The confidence a figure with no note needs before a workspace source can contradict it: with
/// no citation to say which source is meant, only a clear match may speak against it.
const CLEAR: f64 = 0.60;

/// The parts of a match's score, for `--explain` and for calibrating.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub kind: f64,
    pub period: f64,
    pub subject: f64,
    pub terms: f64,
    pub entities: f64,
    pub cited: f64,
    pub magnitude: f64,
    /// The fact stands in the passage other figures of the sentence were found in.
    pub passage: f64,
    /// The words of the figure's own stretch of its clause that the fact's stretch shares.
    pub segment: f64,
    /// A value that agrees is evidence that the figure speaks of this fact.
    pub value: f64,
    /// The weight (IDF) of the words the figure's own stretch shares with the fact's, not summed
    /// into the score: what a match with no citation must show.
    pub own_words: f64,
    /// Whether the figure's own clause or subject shares anything with the fact; a conflict
    /// needs that, not only a shared sentence.
    pub local: bool,
}

impl Score {
    pub fn total(&self) -> f64 {
        (self.kind
            + self.period
            + self.subject
            + self.terms
            + self.entities
            + self.cited
            + self.passage
            + self.segment
            + self.magnitude
            + self.value)
            .clamp(0.0, 1.0)
    }
}

/// The fact a figure speaks about, how sure the match is, and whether the values agree.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMatch {
    pub fact: FactId,
    pub score: Score,
    pub agrees: bool,
    /// Whether the fact is of a source the figure's note cites. A fact of another source only
    /// suggests where the figure could be sourced; it never makes the figure a conflict.
    pub cited: bool,
}

impl FigureMatch {
    pub fn confidence(&self) -> f64 {
        self.score.total()
    }
}

/// What a draft sentence says around a figure.
struct Around<'a> {
    /// The sentence's terms and how telling each is (its IDF among the facts), read once for
    /// all its figures.
    terms: &'a [String],
    terms_weight: &'a [f64],
    /// Where the figure's clause stands in the draft.
    clause_range: std::ops::Range<usize>,
    /// The unit a bare figure leaves to the quantity before it (`two points behind City's 91`).
    implied_unit: Option<String>,
    /// The words of the figure's clause: between the commas, brackets or dashes around it.
    clause: Vec<String>,
    /// How telling each clause word is.
    clause_weight: Vec<f64>,
    /// The words of the figure's own stretch of its clause, with their weights.
    segment: Vec<(String, f64)>,
    /// What the figure counts, by the same reading as a source's facts.
    subject: Vec<String>,
    years: &'a [i32],
    period_years: Vec<i32>,
    period: Option<String>,
    entities: &'a [String],
    cited: &'a [String],
}

/// The fact each figure of the draft speaks about (`None` where nothing matches well enough).
///
/// A figure whose note cites sources the workspace knows is judged against those alone; a fact
/// of another source that agrees is kept only as a suggestion (`cited` false). A figure with no
/// note is judged against every source, but contradicted only by a clear match.
pub fn match_figures(cx: &Context) -> Vec<Option<FigureMatch>> {
    // What a sentence says is read once for all its figures.
    let mut sentences: Vec<Option<SentenceFacts>> = vec![None; cx.draft.sentences.len()];
    let at: Vec<Option<usize>> = cx.draft.figures.iter().map(|f| cx.draft.sentence_at(f.range.start)).collect();
    let mut found: Vec<Option<FigureMatch>> = cx
        .draft
        .figures
        .iter()
        .zip(&at)
        .enumerate()
        .map(|(i, (f, s))| {
            let target = Target::new(cx, f, i, (*s)?);
            let facts = sentences.get_mut(target.sentence)?.get_or_insert_with(|| sentence_facts(cx, target.sentence));
            judge(cx, &target, facts)
        })
        .collect();
    // The figures of one sentence usually come from one passage of the source: where some of
    // them agree with facts of a cited passage, the others are read against that passage first.
    let mut passages: Vec<Vec<Passage>> = vec![Vec::new(); cx.draft.sentences.len()];
    for (i, (m, s)) in found.iter().zip(&at).enumerate() {
        // Years frame many sentences of a source: they anchor no passage.
        let anchors =
            |m: &&FigureMatch| m.agrees && m.cited && cx.draft.figures.get(i).is_some_and(|f| !f.kind.is_date());
        let (Some(m), Some(s)) = (m.as_ref().filter(anchors), s) else { continue };
        if let (Some((_, fact)), Some(list)) = (cx.index.fact(m.fact), passages.get_mut(*s)) {
            list.push(Passage { fact: m.fact, line: fact.place.line, figure: i });
        }
    }
    for (i, (figure, s)) in cx.draft.figures.iter().zip(&at).enumerate() {
        let Some(s) = *s else { continue };
        let anchors = passages.get(s).filter(|p| !p.is_empty());
        let settled = found.get(i).and_then(Option::as_ref).is_some_and(|m| m.agrees && m.cited);
        let Some((anchors, Some(facts))) = anchors.zip(sentences.get_mut(s)).filter(|_| !settled) else { continue };
        facts.passages.clone_from(anchors);
        if let Some(slot) = found.get_mut(i) {
            *slot = judge(cx, &Target::new(cx, figure, i, s), facts);
        }
    }
    found
}

/// Where a figure of a sentence agreed with a fact of a cited source: the fact, the line it stands
/// on, and the figure's place in the draft.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Passage {
    fact: FactId,
    line: u32,
    figure: usize,
}

/// A figure being matched: where it stands in the draft and the keys its note cites, worked out
/// once for every ranking of it.
struct Target<'a> {
    figure: &'a Figure,
    /// Its place in the draft's figures, to align it with its neighbours.
    index: usize,
    sentence: usize,
    cited: Vec<String>,
}

impl<'a> Target<'a> {
    fn new(cx: &Context, figure: &'a Figure, index: usize, sentence: usize) -> Self {
        Target { figure, index, sentence, cited: cited_keys(cx, figure) }
    }
}

fn judge(cx: &Context, target: &Target, facts: &SentenceFacts) -> Option<FigureMatch> {
    let figure = target.figure;
    // A headline rounds and compresses what the story below it says: it is matched, so that it
    // can be cited and hovered, but never contradicted by a source.
    if cx.draft.block_kind_at(figure.range.start) == Some(crate::text::BlockKind::Heading) {
        return best(rank_in(cx, target, None, facts)).filter(|m| m.agrees);
    }
    let cited = &target.cited;
    if !cited.is_empty() {
        // Years and dates frame many sentences of a source: one contradicts only with more
        // evidence than a shared word or two, or from the passage the sentence's figures are in.
        let dated =
            |m: &FigureMatch| m.agrees || !figure.kind.is_date() || m.confidence() >= DATE || m.score.passage > 0.0;
        if let Some(m) = decide(figure, rank_in(cx, target, Some(cited), facts)) {
            return Some(m).filter(dated);
        }
        return best(rank_in(cx, target, None, facts)).filter(|m| m.agrees);
    }
    // What `clear` means: confident, and the fact's own words are the figure's own words, not
    // only a count noun every figure shares (`people`).
    let clear = |m: &FigureMatch| m.confidence() >= CLEAR && m.score.own_words >= CLEAR_WORDS;
    decide(figure, rank_in(cx, target, None, facts)).filter(|m| m.agrees || clear(m))
}

/// The best of the ranked facts, where an agreeing fact about as good as a disagreeing one wins.
fn decide(figure: &Figure, ranked: Vec<FigureMatch>) -> Option<FigureMatch> {
    let first = ranked.first().filter(|m| m.confidence() >= ACCEPT)?;
    if !first.agrees {
        // A value the cited source states to the same digits is hard to hit by chance: the more
        // digits agree, the clearer the other fact must be before the figure is a conflict.
        let margin = (TIE + 0.10 * f64::from(significant_digits(figure).saturating_sub(1))).min(0.30);
        let close = |m: &&FigureMatch| {
            m.agrees && m.score.value > 0.0 && m.confidence() >= ACCEPT && first.confidence() - m.confidence() < margin
        };
        if let Some(agreeing) = ranked.iter().find(close) {
            return Some(agreeing.clone());
        }
    }
    Some(first.clone())
}

fn best(ranked: Vec<FigureMatch>) -> Option<FigureMatch> {
    ranked.into_iter().next().filter(|m| m.confidence() >= ACCEPT)
}

/// The keys of the note that covers `figure`, of sources the workspace has a text or dataset for.
///
/// A sentence with notes in several places (`rose 5% [@a], while ... fell 3% [@b]`) gives each
/// figure the first note after it, with the notes written right after that one; a figure after
/// the last note takes the last.
pub fn cited_keys(cx: &Context, figure: &Figure) -> Vec<String> {
    let Some(s) = cx.draft.sentence_at(figure.range.start) else { return Vec::new() };
    let notes: Vec<&crate::extract::SourceNote> = cx.draft.notes_of(s).collect();
    let first = notes.iter().position(|n| n.range.start >= figure.range.end).unwrap_or(notes.len().saturating_sub(1));
    let mut end = first;
    while let (Some(a), Some(b)) = (notes.get(end), notes.get(end + 1)) {
        let between = |f: &Figure| f.range.start >= a.range.end && f.range.end <= b.range.start;
        if cx.draft.figures_in(s).iter().any(between) {
            break;
        }
        end += 1;
    }
    let mut keys: Vec<String> = notes
        .get(first..=end)
        .unwrap_or(&[])
        .iter()
        .flat_map(|n| n.keys.iter().map(|k| k.key.clone()))
        .filter(|k| cx.index.dataset(k).is_some())
        .collect();
    keys.dedup();
    keys
}

/// The best fact for `figure`, optionally only among the facts of the sources in `only`.
pub fn match_figure(cx: &Context, figure: &Figure, only: Option<&[String]>) -> Option<FigureMatch> {
    best(rank(cx, figure, only))
}

/// Every fact that could be meant, best first, whatever its confidence. A fact whose value
/// disagrees is left out unless the figure's own clause or subject speaks of it.
pub fn rank(cx: &Context, figure: &Figure, only: Option<&[String]>) -> Vec<FigureMatch> {
    let Some(s) = cx.draft.sentence_at(figure.range.start) else { return Vec::new() };
    let index = cx.draft.figures.iter().position(|f| f.range == figure.range).unwrap_or(0);
    rank_in(cx, &Target::new(cx, figure, index, s), only, &sentence_facts(cx, s))
}

fn rank_in(cx: &Context, target: &Target, only: Option<&[String]>, facts: &SentenceFacts) -> Vec<FigureMatch> {
    let figure = target.figure;
    if !figure.kind.is_claim() || figure.period {
        return Vec::new();
    }
    let Some(around) = around(cx, target, facts) else { return Vec::new() };
    let cited: Vec<&str> = around.cited.iter().map(String::as_str).collect();
    let candidates = cx.index.candidates(around.terms, &cited);
    // A cited source that gives one figure of this kind is likely the one meant.
    let cited_comparable: Vec<FactId> = candidates
        .iter()
        .copied()
        .filter(|id| {
            cx.index.fact(*id).is_some_and(|(d, f)| {
                cited.contains(&d.source.key.as_str()) && comparable_fact(figure, around.implied_unit.as_deref(), f)
            })
        })
        .collect();
    // Years frame many sentences, so a lone year in a source says little about which is meant.
    let only_one = (cited_comparable.len() == 1 && !figure.kind.is_date()).then(|| cited_comparable[0]);
    let mut ranked: Vec<FigureMatch> = Vec::new();
    for id in candidates {
        let Some((dataset, fact)) = cx.index.fact(id) else { continue };
        if only.is_some_and(|keys| !keys.contains(&dataset.source.key)) {
            continue;
        }
        if !comparable_fact(figure, around.implied_unit.as_deref(), fact) {
            continue;
        }
        let agrees = agrees(figure, fact);
        // A value another figure of the sentence was matched to is that figure's: in `5%, down
        // from 5.25%` the new rate does not contradict the old one, wherever the source repeats it.
        let stated_by_another = || {
            facts
                .passages
                .iter()
                .filter(|p| p.figure != target.index && p.fact.dataset == id.dataset)
                .any(|p| cx.index.fact(p.fact).is_some_and(|(_, f)| f.value == fact.value && f.kind == fact.kind))
        };
        if !agrees && stated_by_another() {
            continue;
        }
        let mut score = score(cx, figure, &around, id, &dataset.source.key, fact);
        let own = shared_weight(&around.segment, &fact.segment);
        let total: f64 = around.segment.iter().map(|(_, w)| w).sum();
        score.own_words = own;
        if total > 0.0 {
            score.segment = 0.15 * own / total;
        }
        // An agreeing value is no evidence when the words around the figure name what a
        // neighbouring fact of the same sentence counts: `soybeans averaged 58 bushels` against
        // `soybeans averaged 54 bushels an acre and wheat 58 bushels`.
        // A value stated to four figures or more is evidence no neighbour's words outweigh.
        // It is so when the neighbour's stretch shares clearly more with the figure's, and
        // nothing that tells this fact from the neighbour is in the figure's sentence.
        let named_by_neighbour = || {
            significant_digits(figure) <= 3
                && !fact.segment.is_empty()
                && siblings(cx, id, fact)
                    .filter(|(_, f)| comparable_fact(figure, around.implied_unit.as_deref(), f))
                    .any(|(_, f)| {
                        shared_count(&around.segment, &f.segment)
                        >= shared_count(&around.segment, &fact.segment) + NEIGHBOUR_MARGIN
                        && !fact.segment.iter().any(|w| !f.segment.contains(w) && around.terms.contains(w))
                        // `455,000 in 2022` against `310,000 in 2023, down from 455,000 a year
                        // earlier`: the same measure in another period is told apart by the period.
                        && (!in_period(&around.period_years, fact) || in_period(&around.period_years, f))
                    })
        };
        if only_one == Some(id) {
            score.cited += 0.10;
        }
        // Only a figure of the same clause anchors: `and the district hired 140 crew members`
        // after a sourced figure is a claim of its own.
        let in_clause = |p: &&Passage| {
            cx.draft
                .figures
                .get(p.figure)
                .is_some_and(|f| f.range.start >= around.clause_range.start && f.range.end <= around.clause_range.end)
        };
        let same_passage = |p: &&Passage| p.fact.dataset == id.dataset && p.line == fact.place.line;
        for anchor in facts.passages.iter().filter(same_passage).filter(in_clause) {
            score.local = true;
            // `rose 15.3% to 31.38 billion yen` against `rose 15.3 percent to 31.38 trillion
            // yen`: the figure next to an agreeing one speaks of the fact next to its fact.
            let step = |a: usize, b: usize| b as i64 - a as i64;
            let aligned = step(anchor.figure, target.index) == step(anchor.fact.fact as usize, id.fact as usize)
                && step(anchor.figure, target.index).abs() == 1;
            score.passage = score.passage.max(if aligned { 0.30 } else { 0.15 });
        }
        // Its value was the only evidence for it, and that is gone.
        if agrees && named_by_neighbour() {
            continue;
        }
        if agrees {
            score.value = if only_as_rounded(figure, fact) { 0.10 } else { 0.25 };
        } else if same_digits(figure, fact) {
            // `3%` where the source has `3 points`, `31.38 billion` for `31.38 trillion`: the
            // same digits under another measure or scale are the fact misstated.
            score.value = 0.20;
            score.local = true;
        } else if !score.local {
            continue;
        }
        let cited = around.cited.contains(&dataset.source.key);
        ranked.push(FigureMatch { fact: id, score, agrees, cited });
    }
    ranked.sort_by(|a, b| b.confidence().total_cmp(&a.confidence()).then(a.fact.cmp(&b.fact)));
    ranked
}

/// Whether the figure and the fact measure the same sort of thing, the fact's unit read as the
/// source leaves it implied where it writes a bare number.
fn comparable_fact(figure: &Figure, implied: Option<&str>, fact: &Fact) -> bool {
    comparable(figure.kind, figure.unit.as_deref(), fact.kind, fact.unit.as_deref())
        || (figure.kind == Kind::Quantity && fact.implied_unit.is_some() && fact.implied_unit == figure.unit)
        || (fact.kind == Kind::Quantity && implied.is_some() && implied == fact.unit.as_deref())
}

/// Whether the figure's value agrees with the fact's.
pub fn agrees(figure: &Figure, fact: &Fact) -> bool {
    if figure.kind.is_date() || fact.kind.is_date() {
        // A year the fact's sentence also names (or implies) is no conflict: `2022` for a figure
        // the source gives for `a year earlier` than 2023.
        let year_in_sentence = figure.kind == Kind::Year && fact.years.contains(&(figure.value as i32));
        return year_in_sentence || same_date(figure.kind, figure.value, fact.kind, fact.value);
    }
    // Percent and percentage points are different measures: the one for the other is an error.
    let points = |k: Kind| k == Kind::PercentagePoints || k == Kind::Quantity;
    if (figure.kind == Kind::Percent && points(fact.kind)) || (points(figure.kind) && fact.kind == Kind::Percent) {
        return false;
    }
    let (a, b) = common_scale((figure.kind, figure.unit.as_deref()), (fact.kind, fact.unit.as_deref()));
    let mut draft = Claim { value: figure.value, high: figure.high, step: figure.step, hedge: figure.hedge };
    // `more than half` is any majority, `over a third` anything short of a half.
    if figure.kind == Kind::Fraction
        && matches!(figure.hedge, Some(Hedge::Over | Hedge::AtLeast))
        && figure.high.is_none()
    {
        draft = Claim { high: Some(figure.value * 1.5), hedge: None, ..draft };
    }
    let draft = draft.scaled(a);
    let source = Claim { value: fact.value, high: fact.high, step: fact.step, hedge: fact.hedge }.scaled(b);
    agree(&draft, &source)
}

/// Years agree with the year of a date; dates agree where both give a part.
fn same_date(a_kind: Kind, a: f64, b_kind: Kind, b: f64) -> bool {
    let parts = |kind: Kind, v: f64| -> (u32, u32, u32) {
        let v = v as u32;
        match kind {
            Kind::Year => (v, 0, 0),
            _ => (v / 10_000, v / 100 % 100, v % 100),
        }
    };
    let ((ay, am, ad), (by, bm, bd)) = (parts(a_kind, a), parts(b_kind, b));
    let part = |x: u32, y: u32| x == 0 || y == 0 || x == y;
    part(ay, by) && part(am, bm) && part(ad, bd)
}

/// What a sentence says, the same for all its figures.
#[derive(Clone)]
struct SentenceFacts {
    terms: Vec<String>,
    /// How telling each term is.
    terms_weight: Vec<f64>,
    /// The sentence's content words with their places, for the terms of each figure's clause.
    words: Vec<(String, std::ops::Range<usize>)>,
    years: Vec<i32>,
    entities: Vec<String>,
    /// The passages other figures of the sentence agree with (filled once they are matched).
    passages: Vec<Passage>,
}

fn sentence_facts(cx: &Context, s: usize) -> SentenceFacts {
    let range = cx.draft.sentences[s].range.clone();
    let text = cx.draft.view.get(range.clone()).unwrap_or("");
    let in_sentence: Vec<&Figure> = cx.draft.figures_in(s).iter().collect();
    let figure_ranges: Vec<_> = in_sentence.iter().map(|f| f.range.clone()).collect();
    let entities = cx
        .index
        .find_names(text)
        .into_iter()
        .filter_map(|m| cx.index.entity(m.entity).map(|(_, e)| e.name.clone()))
        .collect();
    let words = words_around_figures(&cx.draft.view, range, &figure_ranges);
    let terms = distinct(words.iter().map(|(w, _)| w));
    SentenceFacts {
        terms_weight: terms.iter().map(|t| cx.index.idf(t)).collect(),
        terms,
        words,
        years: years_of(&in_sentence),
        entities,
        passages: Vec::new(),
    }
}

fn around<'a>(cx: &'a Context, target: &'a Target, facts: &'a SentenceFacts) -> Option<Around<'a>> {
    let (figure, s) = (target.figure, target.sentence);
    // A figure matched outside any sentence has no words around it.
    cx.draft.sentences.get(s)?;
    let in_sentence: Vec<&Figure> = cx.draft.figures_in(s).iter().collect();
    let placing = cx.draft.placing_of(target.index, figure);
    let Placing { clause, own: segment, counts, period } = &*placing;
    let clause_range = clause.clone();
    let subject = counts.as_deref().map(|s| s.split_whitespace().map(stem).collect()).unwrap_or_default();
    let clause = distinct(within(&facts.words, clause));
    let segment = distinct(within(&facts.words, segment));
    Some(Around {
        subject,
        terms_weight: &facts.terms_weight,
        clause_range,
        implied_unit: implied_unit(&cx.draft.view, figure, &in_sentence),
        clause_weight: clause.iter().map(|t| cx.index.idf(t)).collect(),
        segment: segment.iter().map(|t| (t.clone(), cx.index.idf(t))).collect(),
        terms: &facts.terms,
        clause,
        years: &facts.years,
        period_years: period.as_deref().map(period_years).unwrap_or_default(),
        period: period.clone(),
        entities: &facts.entities,
        cited: &target.cited,
    })
}

/// Whether the figure writes the fact's digits, in another measure (percent for points) or under
/// another scale word (billion for trillion).
fn same_digits(figure: &Figure, fact: &Fact) -> bool {
    if figure.kind.is_date() || figure.value == 0.0 || fact.value == 0.0 || figure.high.is_some() {
        return false;
    }
    let orders = (figure.value / fact.value).abs().log10().abs();
    let other_measure = figure.kind != fact.kind || figure.unit != fact.unit;
    (orders < 1e-6 && other_measure) || scale_slip(orders, 1e-6 / 3.0)
}

/// Whether values `orders` orders of magnitude apart are the same digits under another scale
/// word, a thousand or a million times off (`billion` for `trillion`).
fn scale_slip(orders: f64, tolerance: f64) -> bool {
    orders > 2.5 && ((orders / 3.0).round() - orders / 3.0).abs() < tolerance
}

/// Whether a small round value agrees only when its zeros are read as rounding: `140` for
/// `138` may be so, but it is weak evidence that the figure speaks of that fact.
fn only_as_rounded(figure: &Figure, fact: &Fact) -> bool {
    if figure.hedge.is_some() || figure.value.abs() >= 1000.0 || figure.kind.is_date() {
        return false;
    }
    let (a, b) = common_scale((figure.kind, figure.unit.as_deref()), (fact.kind, fact.unit.as_deref()));
    let source = Claim { value: fact.value, high: fact.high, step: fact.step, hedge: fact.hedge }.scaled(b);
    let (low, high) = source.interval();
    let (value, half) = (figure.value * a, figure.step * a / 2.0);
    let top = figure.high.map_or(value, |h| h * a);
    !(value - half < high && low < top + half)
}

/// How many digits a figure's value states: 3 for `58.2` or `225,000`, 4 for `720.3 million`.
fn significant_digits(figure: &Figure) -> u32 {
    let step = precision(figure.value, figure.step);
    if figure.value == 0.0 || step <= 0.0 {
        return 1;
    }
    ((figure.value.abs() / step).log10().floor() + 1.0).max(1.0) as u32
}

/// Whether two periods name the same time relative to when each was written.
fn same_relative(a: Option<&str>, b: Option<&str>) -> bool {
    let relative = |p: Option<&str>| p.and_then(relative_part);
    relative(a).is_some() && relative(a) == relative(b)
}

/// Whether a fact's period names one of `years`.
fn in_period(years: &[i32], fact: &Fact) -> bool {
    let period = fact.period.as_deref().map(period_years).unwrap_or_default();
    years.iter().any(|y| period.contains(y))
}

/// How many words two sets share.
fn shared_count(words: &[(String, f64)], other: &[String]) -> usize {
    words.iter().filter(|(w, _)| other.contains(w)).count()
}

/// How much two sets of words share, by the weights of the first.
fn shared_weight(words: &[(String, f64)], other: &[String]) -> f64 {
    words.iter().filter(|(w, _)| other.contains(w)).map(|(_, weight)| weight).sum()
}

/// The facts of the same source sentence as `fact` (the same line, next to it in the dataset).
fn siblings<'a>(cx: &'a Context, id: FactId, fact: &'a Fact) -> impl Iterator<Item = (FactId, &'a Fact)> + 'a {
    let near = id.fact.saturating_sub(SIBLINGS)..id.fact.saturating_add(SIBLINGS + 1);
    near.filter(move |k| *k != id.fact).filter_map(move |k| {
        let other = FactId { dataset: id.dataset, fact: k };
        cx.index.fact(other).map(|(_, f)| (other, f)).filter(|(_, f)| f.place.line == fact.place.line)
    })
}

fn score(cx: &Context, figure: &Figure, around: &Around<'_>, id: FactId, key: &str, fact: &Fact) -> Score {
    let mut score = Score::default();
    let same_kind = figure.kind == fact.kind && figure.unit == fact.unit;
    score.kind = if same_kind { 0.10 } else { 0.0 };

    // The period weighs most: the same measure in another year is another fact.
    let fact_period = fact.period.as_deref().map(period_years).unwrap_or_default();
    if !figure.kind.is_date() {
        score.period = match (around.period_years.is_empty(), fact_period.is_empty()) {
            (false, false) if around.period_years.iter().any(|y| fact_period.contains(y)) => 0.20,
            (false, false) => -0.45,
            (false, true) if fact.years.iter().any(|y| around.period_years.contains(y)) => 0.05,
            (false, true) => -0.10,
            (true, false) if same_relative(around.period.as_deref(), fact.period.as_deref()) => 0.20,
            (true, false) if around.years.iter().any(|y| fact_period.contains(y)) => 0.05,
            (true, false) => -0.05,
            // `a year earlier` on both sides, with no year to compare.
            (true, true) if around.period.is_some() && around.period == fact.period => 0.20,
            (true, true) => 0.0,
        };
    }

    // What is counted: the fact's subject words in what the figure counts or in its clause.
    let words = cx.index.subject_stems(id);
    if !words.is_empty() {
        let found = words.iter().filter(|w| around.subject.contains(w) || around.clause.contains(w)).count();
        score.subject = 0.30 * found as f64 / words.len() as f64;
    }

    // The words around the figure, the rarer the weightier: its clause counts most, and alone
    // for a year, whose sentence often frames other claims too.
    let recall = |terms: &[String], weights: &[f64]| -> f64 {
        let total: f64 = weights.iter().sum();
        let shared: f64 = terms.iter().zip(weights).filter(|(t, _)| fact.terms.contains(t)).map(|(_, w)| w).sum();
        if total > 0.0 {
            shared / total
        } else {
            0.0
        }
    };
    let (sentence, clause) = (recall(around.terms, around.terms_weight), recall(&around.clause, &around.clause_weight));
    score.terms = if figure.kind.is_date() { 0.35 * clause } else { 0.35 * (0.4 * sentence + 0.6 * clause) };
    score.local = clause > 0.0 || score.subject > 0.0;

    let shared_entities = around.entities.iter().filter(|e| fact.entities.contains(e)).count();
    if shared_entities > 0 {
        score.entities = 0.10 * (shared_entities as f64 / around.entities.len().max(1) as f64);
    }
    if around.cited.iter().any(|k| k == key) {
        score.cited = 0.10;
    }
    if !figure.kind.is_date() && figure.value > 0.0 && fact.value > 0.0 {
        let (a, b) = common_scale((figure.kind, figure.unit.as_deref()), (fact.kind, fact.unit.as_deref()));
        let orders = (figure.value * a / (fact.value * b)).log10().abs();
        // `31.38 billion` for `31.38 trillion`: the same digits under another scale word is
        // the fact misstated, not a figure of another size.
        let orders = if scale_slip(orders, 0.001) { 0.0 } else { orders };
        score.magnitude = -0.04 * orders.min(3.0);
    }
    score
}
