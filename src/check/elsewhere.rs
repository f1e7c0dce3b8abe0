//! Inputs beyond the sentence: a derivation whose form its sentence states (`171 of the deaths,
//! or 84%`, `up 10% on the year before`, `a rate of 61 per 100,000 residents`) but whose input
//! stands elsewhere, found in the source the sentence cites or in an earlier statement of the
//! draft, and recomputed.
//!
//! An input is taken only when one value answers: the same quantity (the words naming it, its
//! unit, its year) stated once, or stated alike wherever it is. Two candidates that differ, or
//! none, and nothing is said: a checker that guesses an input cries wolf.

use std::collections::VecDeque;
use std::ops::Range;

use super::agreement::Claim;
use super::analysis::{shifted_figure, shifted_pending, Analysis, CheckedSegment, FigureReport};
use super::arithmetic::{
    claim, holds, input, is_count, is_population_word, loose_input, meets, per_base, restate, round, same_measure,
    span, Derivation, Multiple, Need, Open,
};
use super::finding::{as_written, Related};
use super::matching::{cited_keys, FigureMatch};
use super::Context;
use crate::extract::context::period_years;
use crate::extract::{Figure, Kind};
use crate::reference::{Dataset, Fact};
use crate::text::segments::Segment;

/// How many earlier figures of the draft an open form looks back over for its input.
const LOOK_BACK: usize = 64;

/// The most facts of one source read for an input.
const MAX_FACTS: usize = 5_000;

/// The most open forms of one paragraph looked for beyond their sentence: a paragraph of
/// hundreds is a table, and each costs a read of the cited sources.
const MAX_OPEN: usize = 32;

/// An input found outside its sentence: its value as stated there, how it is written, and where.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub figure: Figure,
    pub written: String,
    /// `paragraph 2`, `coastalledger-port-2025-02-03, line 20`.
    pub from: String,
    pub related: Related,
}

/// A figure of the sentence an open form has, as written.
pub(crate) struct Given<'a> {
    pub figure: &'a Figure,
    pub written: String,
}

/// An open form the paragraph's check left unanswered, kept for the whole-draft pass, with its
/// figures where they stood when checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub need: Need,
    pub names: Vec<String>,
    pub sentence: Range<usize>,
    pub result: Figure,
    pub known: Option<Figure>,
}

/// The stem a quantity is known by: the people an event killed are its deaths.
pub(crate) fn kin(stem: &str) -> &str {
    match stem {
        "kill" | "fatality" | "fatal" => "die",
        other => other,
    }
}

/// Whether every name is among `terms`, read as kin.
fn named_by(names: &[String], terms: &[String]) -> bool {
    !names.is_empty() && names.iter().all(|n| terms.iter().any(|t| kin(t) == kin(n)))
}

/// What a recomputation gives: the value, whether the stated result allows it, the arithmetic
/// in words and the replacement in the draft's style.
type Reckoned = (f64, bool, String, Option<String>);

/// The derivation of `open` with its missing inputs `found` (in the order the need lists them:
/// a count before a population).
pub(crate) fn conclude(open: &Open, result: Given, known: Option<Given>, found: &[Found]) -> Option<Derivation> {
    let (value, agrees, arithmetic, replacement) = match open.need {
        Need::Whole { .. } => share_of_whole(&result, known?, found.first()?)?,
        Need::WholeOfShare { .. } => count_of_share(&result, known?, found.first()?)?,
        Need::YearBefore { .. } => change_on_year_before(&result, known?, found.first()?)?,
        Need::OtherEnd { old, multiple: Some(m), .. } => {
            return multiple_of_other_end(m, known?, old, found.first()?);
        }
        Need::OtherEnd { old, multiple: None, .. } => change_to_other_end(&result, known?, old, found.first()?)?,
        Need::Population { count } => {
            let counted = match (count, known) {
                (Some(_), Some(k)) => k,
                _ => found
                    .first()
                    .filter(|_| found.len() == 2)
                    .map(|c| Given { figure: &c.figure, written: shown(c) })?,
            };
            rate_of_population(&result, counted, found.last()?)?
        }
    };
    value.is_finite().then(|| Derivation {
        related: found.iter().map(|f| f.related.clone()).collect(),
        result: Some(open.result),
        range: result.figure.range.clone(),
        inputs: Vec::new(),
        value,
        agrees,
        arithmetic,
        replacement,
    })
}

/// An input as the arithmetic shows it, with where it stands: `212 (paragraph 1)`.
fn shown(f: &Found) -> String {
    format!("{} ({})", f.written, f.from)
}

/// `171 of the deaths, or 84%`: the share a part is of a whole stated elsewhere.
fn share_of_whole(result: &Given, part: Given, whole: &Found) -> Option<Reckoned> {
    let (p, fx, fy) = (result.figure, part.figure, &whole.figure);
    if !same_measure(fx, fy) || fx.value >= fy.value {
        return None;
    }
    let percent = p.kind == Kind::Percent;
    let scale = if percent { 100.0 } else { 1.0 };
    let share = |a: f64, b: f64| if b == 0.0 { f64::NAN } else { a / b * scale };
    let value = share(fx.value, fy.value);
    let range = span(input(fx), input(fy), share);
    // `one in six` is a loose word, read a fifth either way, as `doubled` is.
    let loose = Claim { step: (p.value * 0.2).max(0.01), ..claim(p) };
    let agrees = if percent { holds(p, range) } else { meets(loose, range) };
    let percent_value = if percent { value } else { value * 100.0 };
    let arithmetic = format!("{} of {} is {}%", part.written, shown(whole), round(percent_value));
    let replacement = if percent { restate(&result.written, p, value) } else { None };
    Some((value, agrees, arithmetic, replacement))
}

/// `one in four of those who died, or 71 people`: the count a share of a whole stated
/// elsewhere gives.
fn count_of_share(result: &Given, share: Given, whole: &Found) -> Option<Reckoned> {
    let p = result.figure;
    let fraction = as_fraction(share.figure)?;
    if !is_count(p) || !same_measure(p, &whole.figure) || p.value >= whole.figure.value {
        return None;
    }
    let times = |a: f64, b: f64| a * b;
    let value = fraction.value * whole.figure.value;
    // A share in words is loose: a tenth either way, a fifth when hedged.
    let reach = if fraction.hedge.is_some() { 0.2 } else { 0.1 };
    let agrees = holds(p, span(loose_input(fraction.value, reach), input(&whole.figure), times));
    let arithmetic = format!("{} of {} is {}", share.written, shown(whole), round(value));
    Some((value, agrees, arithmetic, restate(&result.written, p, value)))
}

/// `1,412 calls, up 10% on the year before`: the change from the same count a year earlier.
fn change_on_year_before(result: &Given, new: Given, old: &Found) -> Option<Reckoned> {
    let p = result.figure;
    if !same_measure(new.figure, &old.figure) || old.figure.value <= 0.0 {
        return None;
    }
    let relative = |x: f64, y: f64| if x == 0.0 { f64::NAN } else { ((y - x) / x * 100.0).abs() };
    let value = relative(old.figure.value, new.figure.value);
    let agrees = holds(p, span(input(&old.figure), input(new.figure), relative));
    let fall = if new.figure.value >= old.figure.value { "rise" } else { "fall" };
    let arithmetic = format!("{} to {} is a {fall} of {}%", shown(old), new.written, round(value));
    Some((value, agrees, arithmetic, restate(&result.written, p, value)))
}

/// `cut by 25% since then`, `fell to 74, a drop of 34%`: the change between the end the
/// sentence states and the other end, stated elsewhere.
fn change_to_other_end(result: &Given, known: Given, old: bool, other: &Found) -> Option<Reckoned> {
    let p = result.figure;
    let (from, to) = if old { (known.figure, &other.figure) } else { (&other.figure, known.figure) };
    if !same_measure(from, to) || from.value <= 0.0 {
        return None;
    }
    let relative = |x: f64, y: f64| if x == 0.0 { f64::NAN } else { ((y - x) / x * 100.0).abs() };
    let value = relative(from.value, to.value);
    let agrees = holds(p, span(input(from), input(to), relative));
    let fall = if to.value >= from.value { "rise" } else { "fall" };
    let (a, b) = if old { (known.written.clone(), shown(other)) } else { (shown(other), known.written.clone()) };
    let arithmetic = format!("{a} to {b} is a {fall} of {}%", round(value));
    Some((value, agrees, arithmetic, restate(&result.written, p, value)))
}

/// `grown fivefold since then`, `triple the number in 2023`: a multiple between the end the
/// sentence states and the other end, read as [`super::arithmetic`] reads one in a sentence (a
/// fall as the multiple it divides by).
fn multiple_of_other_end(m: Multiple, known: Given, old: bool, other: &Found) -> Option<Derivation> {
    let (from, to) = if old { (known.figure, &other.figure) } else { (&other.figure, known.figure) };
    if !same_measure(from, to) || from.value <= 0.0 || to.value <= 0.0 {
        return None;
    }
    let (factor, (low, high)) = if m.factor < 1.0 { (1.0 / m.factor, (to, from)) } else { (m.factor, (from, to)) };
    let ratio = |x: f64, y: f64| if x == 0.0 { f64::NAN } else { y / x };
    let computed = span(input(low), input(high), ratio);
    let stated = Claim { value: factor, high: None, step: factor * 0.2, hedge: m.hedge };
    let value = to.value / from.value;
    let (a, b) = if old { (known.written.clone(), shown(other)) } else { (shown(other), known.written.clone()) };
    Some(Derivation {
        related: vec![other.related.clone()],
        result: None,
        range: m.start..m.end,
        inputs: Vec::new(),
        value,
        agrees: meets(stated, computed),
        arithmetic: format!("{a} to {b} is {} times", round(value)),
        replacement: None,
    })
}

/// `a rate of 61 per 100,000`: a count in a population stated elsewhere.
fn rate_of_population(result: &Given, count: Given, population: &Found) -> Option<Reckoned> {
    let p = result.figure;
    let base = p.unit.as_deref().and_then(per_base)?;
    if !is_count(count.figure) || count.figure.value >= population.figure.value {
        return None;
    }
    let per = |a: f64, b: f64| if b == 0.0 { f64::NAN } else { a / b * base };
    let value = per(count.figure.value, population.figure.value);
    let agrees = holds(p, span(input(count.figure), input(&population.figure), per));
    let base = crate::extract::figure::with_commas(base, 0);
    let arithmetic = format!("{} in {} is {} per {base}", count.written, shown(population), round(value));
    Some((value, agrees, arithmetic, restate(&result.written, p, value)))
}

/// A share as a fraction of one: `84%` -> 0.84, `one in four` -> 0.25.
fn as_fraction(f: &Figure) -> Option<Figure> {
    match f.kind {
        Kind::Fraction => Some(f.clone()),
        Kind::Percent => Some(Figure { value: f.value / 100.0, step: f.step / 100.0, ..f.clone() }),
        _ => None,
    }
}

/// The figures of the draft an open form has, as written.
fn given<'a>(cx: &'a Context, i: usize) -> Option<Given<'a>> {
    let figure = cx.draft.figures.get(i)?;
    Some(Given { figure, written: as_written(cx.text.get(figure.range.clone()).unwrap_or("")) })
}

/// The figure of the sentence an open form has besides its result.
pub(crate) fn known_of(need: Need) -> Option<usize> {
    match need {
        Need::Whole { part } => Some(part),
        Need::WholeOfShare { share } => Some(share),
        Need::YearBefore { new } => Some(new),
        Need::Population { count } => count,
        Need::OtherEnd { known, .. } => Some(known),
    }
}

/// The open forms of a paragraph whose input the sources its sentences cite answer, as
/// derivations; the others are returned to be looked for in the rest of the draft.
pub(crate) fn in_sources(
    cx: &Context,
    opens: Vec<Open>,
    matches: &[Option<FigureMatch>],
) -> (Vec<Derivation>, Vec<Open>) {
    let mut derived = Vec::new();
    let mut left = Vec::new();
    for open in opens.into_iter().take(MAX_OPEN) {
        // A result the source prints (a share matched to a share) is judged against it, not
        // recomputed from its inputs.
        // (A change by a word of multiples derives no figure: its stated end is an input.)
        let word = matches!(open.need, Need::OtherEnd { multiple: Some(_), .. });
        let printed = cx.draft.figures.get(open.result).zip(matches.get(open.result).and_then(Option::as_ref));
        if !word && printed.is_some_and(|(f, m)| cx.index.fact(m.fact).is_some_and(|(_, fact)| fact.kind == f.kind)) {
            left.push(open);
            continue;
        }
        let answer = readings(cx, &open).into_iter().find_map(|open| {
            let found = source_input(cx, &open, matches)?;
            let known = known_of(open.need).and_then(|i| given(cx, i));
            conclude(&open, given(cx, open.result)?, known, &[found])
        });
        match answer {
            Some(d) => derived.push(d),
            None => left.push(open),
        }
    }
    (derived, left)
}

/// The ways to read `open`, likeliest first. A change on the year before may be of any count
/// its sentence states before it (`admitted 48,260 patients to its four hospitals in 2024, up
/// 11% on the year before`): the nearest first, the first the source answers taken.
fn readings(cx: &Context, open: &Open) -> Vec<Open> {
    let Need::YearBefore { new } = open.need else { return vec![open.clone()] };
    let before = (0..open.result)
        .rev()
        .take_while(|&i| cx.draft.figures.get(i).is_some_and(|f| f.range.start >= open.sentence.start));
    let counts = before.filter(|&i| i == new || cx.draft.figures.get(i).is_some_and(is_count));
    counts.take(4).map(|i| Open { need: Need::YearBefore { new: i }, ..open.clone() }).collect()
}

/// The one value the cited sources give for what `open` lacks.
fn source_input(cx: &Context, open: &Open, matches: &[Option<FigureMatch>]) -> Option<Found> {
    let result = cx.draft.figures.get(open.result)?;
    let sentence = cx.text.get(open.sentence.clone()).unwrap_or("").to_lowercase();
    let keys = cited_keys(cx, result);
    let datasets = keys.iter().filter_map(|k| cx.index.dataset(k));
    let known = known_of(open.need).and_then(|i| cx.draft.figures.get(i));
    let mut found: Vec<Found> = Vec::new();
    for dataset in datasets {
        let facts = dataset.facts.iter().take(MAX_FACTS).filter(|f| !f.retracted);
        let fits: Vec<&Fact> = match open.need {
            Need::Whole { .. } | Need::WholeOfShare { .. } => {
                let floor = if matches!(open.need, Need::Whole { .. }) { known?.value } else { result.value };
                facts
                    .filter(|f| f.value > floor && is_count(&figure_of(f)) && named_by(&open.names, &fact_terms(f)))
                    .collect()
            }
            Need::Population { count: Some(_) } => facts
                .filter(|f| {
                    f.value > known.map_or(0.0, |k| k.value)
                        && is_count(&figure_of(f))
                        && fact_terms(f).iter().any(|t| is_population_word(t) || t == "popul" || t == "resident")
                        && f.entities.iter().all(|e| sentence.contains(&e.to_lowercase()))
                })
                .collect(),
            Need::YearBefore { new } => year_before(cx, dataset, matches.get(new)?.as_ref()?),
            Need::OtherEnd { known, old, year, .. } => {
                other_end(cx, dataset, matches.get(known)?.as_ref()?, old, year).into_iter().collect()
            }
            Need::Population { count: None } => Vec::new(),
        };
        found.extend(fits.into_iter().map(|f| found_in_source(dataset, f)));
    }
    one_value(found)
}

/// The fact of `dataset` that states the matched fact's quantity a year before it: in the same
/// paragraph of the source, of the same kind and unit, its period the year before.
fn year_before<'a>(cx: &Context, dataset: &'a Dataset, m: &FigureMatch) -> Vec<&'a Fact> {
    let Some((from, fact)) = cx.index.fact(m.fact) else { return Vec::new() };
    if from.source.key != dataset.source.key {
        return Vec::new();
    }
    let Some(year) = year_of(dataset, fact) else { return Vec::new() };
    // What it counts must be said of both: `1,412 vessel calls ..., against 1,398 in 2023`, not
    // the `61` injuries of 2023 later in the paragraph. The nearest such fact is the one meant.
    let counted = fact_terms(fact);
    let nearest = dataset
        .facts
        .iter()
        .take(MAX_FACTS)
        .filter(|f| f.place.line == fact.place.line && f.id != fact.id && f.kind == fact.kind && f.unit == fact.unit)
        .filter(|f| year_of(dataset, f) == Some(year - 1))
        // What the earlier one counts may be said by its noun or its verb (`admitted 45,110
        // patients` for `admitted 48,260 inpatients`).
        .filter(|f| fact_terms(f).iter().any(|t| counted.contains(t)))
        .min_by_key(|f| f.place.character.abs_diff(fact.place.character));
    nearest.into_iter().collect()
}

/// The one year a fact speaks of: the year its period names, or the year of the source's date
/// for `this fall`, `this year` or no period, and the year before it for `last year`.
fn year_of(dataset: &Dataset, fact: &Fact) -> Option<i32> {
    let dated = || -> Option<i32> { dataset.source.date.as_deref()?.get(..4)?.parse().ok() };
    // A figure a report gives with no time at all is of the time it reports on: its own year.
    let Some(period) = fact.period.as_deref() else { return dated() };
    if let [year] = period_years(period).as_slice() {
        return Some(*year);
    }
    let dated = dated()?;
    let lower = period.to_lowercase();
    if lower.starts_with("this ") || lower.starts_with("current") {
        Some(dated)
    } else if lower == "last year" {
        Some(dated - 1)
    } else {
        None
    }
}

/// The fact of `dataset` that states the matched fact's quantity at the other end of a change:
/// of the same kind and unit, counting what it counts, in its paragraph (or sharing two of its
/// words), of a later year when the stated end is the old one, else of the year named or the
/// nearest earlier one.
fn other_end<'a>(
    cx: &Context,
    dataset: &'a Dataset,
    m: &FigureMatch,
    old: bool,
    named: Option<i32>,
) -> Option<&'a Fact> {
    let (from, fact) = cx.index.fact(m.fact)?;
    if from.source.key != dataset.source.key {
        return None;
    }
    let year = year_of(dataset, fact)?;
    let counted = fact_terms(fact);
    let fits = |f: &&Fact| {
        let shared = fact_terms(f).iter().filter(|t| counted.contains(t)).count();
        let near = (f.place.line == fact.place.line && shared >= 1) || shared >= 2;
        let when = year_of(dataset, f).is_some_and(|y| if old { y > year } else { named.map_or(y < year, |n| y == n) });
        f.id != fact.id && f.kind == fact.kind && f.unit == fact.unit && near && when
    };
    let facts = dataset.facts.iter().take(MAX_FACTS).filter(|f| !f.retracted);
    facts.filter(fits).min_by_key(|f| {
        let years = year_of(dataset, f).map_or(i32::MAX, |y| (y - year).abs());
        (years, f.place.line.abs_diff(fact.place.line), f.place.character.abs_diff(fact.place.character))
    })
}

/// The stems a fact is known by: what it counts and the words of its own stretch.
fn fact_terms(fact: &Fact) -> Vec<String> {
    let subject = fact.subject.as_deref().map(crate::extract::terms::content_terms).unwrap_or_default();
    subject.into_iter().chain(fact.segment.iter().cloned()).collect()
}

fn figure_of(fact: &Fact) -> Figure {
    Figure {
        range: 0..0,
        value: fact.value,
        high: fact.high,
        kind: fact.kind,
        unit: fact.unit.clone(),
        hedge: fact.hedge,
        step: fact.step,
        in_words: false,
        period: false,
    }
}

fn found_in_source(dataset: &Dataset, fact: &Fact) -> Found {
    let mut related = super::rules::conflicting_figure::related(dataset, fact);
    related.message = format!("input: {}", super::rules::conflicting_figure::fact_phrase(fact));
    let from = format!("{}, line {}", dataset.source.key, fact.place.line + 1);
    Found { figure: figure_of(fact), written: as_written(&fact.text), from, related }
}

/// The value all candidates agree on, if any: the first of them stands for it.
fn one_value(found: Vec<Found>) -> Option<Found> {
    let first = found.first()?;
    found.iter().all(|f| f.figure.value == first.figure.value).then(|| first.clone())
}

/// A figure of an earlier paragraph that may answer an open form, with where it stands.
#[derive(Clone, Copy)]
struct Stated<'a> {
    /// Which paragraph with figures it stands in, from 1.
    paragraph: usize,
    segment: &'a Segment,
    part: &'a CheckedSegment,
    report: &'a FigureReport,
}

impl Stated<'_> {
    /// The figure, where it stands now.
    fn figure(&self) -> Figure {
        shifted_figure(self.report, self.segment, self.part).figure
    }
}

/// The open forms of the whole draft that the paragraphs left, answered from the draft's own
/// earlier figures: each looks back over at most [`LOOK_BACK`] of them, nearest first, and only
/// the figure that answers is moved to where it stands now.
pub(crate) fn in_draft(text: &str, analysis: &Analysis) -> Vec<Derivation> {
    if analysis.parts.iter().all(|(_, part)| part.pending.is_empty()) {
        return Vec::new();
    }
    // The last figures an open form may take, in order, as their part and their place in the
    // part (read from each part's list, not from the figures themselves), with the paragraph's
    // number.
    let mut stated: VecDeque<(usize, usize, usize)> = VecDeque::with_capacity(LOOK_BACK + 1);
    let mut paragraph = 0;
    let mut out = Vec::new();
    for (p, (segment, part)) in analysis.parts.iter().enumerate() {
        paragraph += usize::from(!part.figures.is_empty());
        for pending in &part.pending {
            let earlier = stated.iter().filter_map(|&(q, i, paragraph)| {
                let (segment, part) = analysis.parts.get(q)?;
                Some(Stated { paragraph, segment, part, report: part.figures.get(i)? })
            });
            let before = part.figures.iter().filter(|f| f.figure.range.end <= pending.sentence.start);
            let here = before.map(|report| Stated { paragraph, segment, part, report });
            let pool: Vec<Stated> = earlier.chain(here).collect();
            out.extend(answer(text, &shifted_pending(pending, segment, part), &pool));
        }
        for &i in &part.stated {
            if stated.len() >= LOOK_BACK {
                stated.pop_front();
            }
            stated.push_back((p, i, paragraph));
        }
    }
    out
}

/// Which of a part's figures an open form may take as an input (see [`stated`]): noted when the
/// part is checked, for [`in_draft`] to read.
pub(crate) fn inputs(figures: &[FigureReport]) -> Vec<usize> {
    figures.iter().enumerate().filter(|(_, f)| stated(f)).map(|(i, _)| i).collect()
}

/// Whether a figure states a count an open form may take as an input: not the old end of a
/// change, not derived itself.
fn stated(f: &FigureReport) -> bool {
    is_count(&f.figure) && !f.old_end && f.derived.is_none()
}

/// Whether a figure counts a population: `186,500 residents`.
fn is_population(f: &FigureReport) -> bool {
    f.counts.as_deref().is_some_and(|c| c.split(' ').any(is_population_word))
}

/// The nearest figure of `pool` that `fits`, as an input found in the draft.
fn nearest(text: &str, pool: &[Stated], fits: impl Fn(&FigureReport) -> bool) -> Option<Found> {
    let found = pool.iter().rev().take(LOOK_BACK).find(|s| fits(s.report))?;
    let figure = found.figure();
    let written = as_written(text.get(figure.range.clone()).unwrap_or(""));
    let related = Related {
        source_key: String::new(),
        fact_id: None,
        place: crate::reference::Place { line: 0, character: 0, end_line: 0, end_character: 0 },
        message: format!("input: {written}"),
        in_draft: Some(figure.range.clone()),
    };
    Some(Found { figure, written, from: format!("paragraph {}", found.paragraph), related })
}

/// The derivation of a pending form, from the nearest earlier figures that answer its need.
fn answer(text: &str, pending: &Pending, pool: &[Stated]) -> Option<Derivation> {
    let named = |f: &FigureReport| named_by(&pending.names, &f.terms);
    let found = match pending.need {
        Need::Whole { .. } | Need::WholeOfShare { .. } => {
            let part = pending.known.as_ref().filter(|_| matches!(pending.need, Need::Whole { .. }));
            let floor = part.map_or(pending.result.value, |k| k.value);
            vec![nearest(text, pool, |f| stated(f) && f.figure.value > floor && named(f))?]
        }
        Need::Population { count } => {
            let floor = pending.known.as_ref().map_or(0.0, |k| k.value);
            let people = nearest(text, pool, |f| stated(f) && is_population(f) && f.figure.value > floor)?;
            match count {
                Some(_) => vec![people],
                None => vec![nearest(text, pool, |f| stated(f) && !is_population(f) && named(f))?, people],
            }
        }
        Need::YearBefore { .. } => return None,
        Need::OtherEnd { .. } => {
            // The same quantity at another time: said with a word of the stated end's own.
            let known = pending.known.as_ref()?;
            let shares = |f: &FigureReport| f.own.iter().any(|t| pending.names.contains(t));
            vec![nearest(text, pool, |f| {
                stated(f) && same_measure(&f.figure, known) && f.figure.value != known.value && shares(f)
            })?]
        }
    };
    let written = |f: &Figure| as_written(text.get(f.range.clone()).unwrap_or(""));
    let open = Open { result: 0, need: pending.need, names: pending.names.clone(), sentence: pending.sentence.clone() };
    let result = Given { figure: &pending.result, written: written(&pending.result) };
    let known = pending.known.as_ref().map(|k| Given { figure: k, written: written(k) });
    let mut d = conclude(&open, result, known, &found)?;
    d.result = None;
    Some(d)
}
