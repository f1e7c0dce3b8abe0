//! What a figure's sentence says about it: the years it names and the period it refers to.
//! Drafts and sources are read the same way, so that their periods compare.

use std::ops::Range;

use super::terms::is_content_word;
use super::{Figure, Kind};

/// Where a claim figure stands in its sentence: what matching it to a fact, reporting it and
/// building a source's fact from it all read, so it is read once, with the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Placing {
    /// Its clause, as [`clause_of`] finds it.
    pub clause: Range<usize>,
    /// The stretch of the clause that is its own, as [`segment_of`] finds it.
    pub own: Range<usize>,
    /// What it counts, as [`subject_of`] reads it.
    pub counts: Option<String>,
    /// The period it refers to, as [`period_of`] reads it.
    pub period: Option<String>,
}

impl Placing {
    /// Reads where `figure` stands in `sentence`, among the sentence's figures `in_sentence`.
    pub fn read(prose: &str, figure: &Figure, sentence: Range<usize>, in_sentence: &[&Figure]) -> Placing {
        let clause = clause_of(prose, sentence.clone(), figure.range.clone());
        Placing {
            own: segment_of(prose, clause.clone(), figure, in_sentence),
            counts: subject_of(prose, figure, sentence),
            period: period_of(prose, figure, in_sentence),
            clause,
        }
    }
}

/// The years a sentence names.
pub fn years_of(figures: &[&Figure]) -> Vec<i32> {
    let mut years: Vec<i32> = figures
        .iter()
        .filter_map(|f| match f.kind {
            Kind::Year => Some(f.value as i32),
            Kind::Date if f.value >= 10_000_000.0 => Some((f.value / 10_000.0) as i32),
            _ => None,
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The time a figure refers to: a framing period (`the first seven months of 2024`), else the
/// year that follows it before any other claim (`106 per 100,000 in 2015`), else the nearest
/// year before it (`since 2022`).
pub fn period_of(prose: &str, figure: &Figure, figures: &[&Figure]) -> Option<String> {
    if figure.kind.is_date() {
        return None;
    }
    let with_preposition = |f: &Figure| -> String {
        let before = prose.get(..f.range.start).unwrap_or("");
        let word = before.split_whitespace().next_back().unwrap_or("");
        let lower = crate::text::lower(word);
        let text = prose.get(f.range.clone()).unwrap_or("").to_string();
        if matches!(&*lower, "in" | "since" | "by" | "until" | "during" | "from" | "to" | "through") {
            format!("{lower} {text}")
        } else {
            text
        }
    };
    // What follows the figure first: a framing span, a year, or another claim (whose period
    // the year after it is, not this figure's).
    // Only within the figure's clause: in `was 106; by 2023 it was 2.2` the year is the next claim's.
    let next = figures.iter().find(|f| f.range.start > figure.range.end && f.kind.is_claim()).filter(|f| {
        let between = prose.get(figure.range.end..f.range.start).unwrap_or("");
        !between.contains([',', ';', ':', '—', '–', '('])
    });
    if let Some(frame) = next.filter(|f| f.period) {
        let after = prose.get(frame.range.end..).unwrap_or("");
        let rest: String = after.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
        let start = prose.get(..frame.range.start).unwrap_or("");
        let lead: Vec<&str> = start.split_whitespace().rev().take(2).collect();
        let lead: Vec<&str> = lead
            .into_iter()
            .rev()
            .filter(|w| matches!(w.to_lowercase().as_str(), "the" | "first" | "last" | "past" | "next"))
            .collect();
        let frame_text = prose.get(frame.range.clone()).unwrap_or("");
        let of_year = if rest.starts_with("of ") { format!(" {rest}") } else { String::new() };
        let lead = if lead.is_empty() { String::new() } else { format!("{} ", lead.join(" ")) };
        return Some(format!("{lead}{frame_text}{}", of_year.trim_end_matches(['.', ',', ';'])));
    }
    if let Some(f) = next.filter(|f| matches!(f.kind, Kind::Year | Kind::Date)) {
        return Some(with_preposition(f));
    }
    // `down from 455,000 a year earlier`: the year before the sentence's year.
    let after = prose.get(figure.range.end..).unwrap_or("");
    let after = after.split_whitespace().take(4).collect::<Vec<_>>().join(" ").to_lowercase();
    let relative = ["a year earlier", "a year before", "the previous year", "the year before", "a year ago"]
        .iter()
        .any(|phrase| after.starts_with(phrase));
    if relative {
        return Some(match years_of(figures).last() {
            Some(year) => format!("{} (a year earlier)", year - 1),
            None => "a year earlier".to_string(),
        });
    }
    let year_before =
        figures.iter().rfind(|f| f.range.end <= figure.range.start && matches!(f.kind, Kind::Year | Kind::Date));
    // `£42.6m in 2023-24, up from £31.2m`: where a change started is the period before.
    let mut words_before = prose.get(..figure.range.start).unwrap_or("").split_whitespace().rev();
    let (from, change) = (words_before.next().unwrap_or(""), words_before.next().unwrap_or(""));
    let started =
        from.eq_ignore_ascii_case("from") && (change.eq_ignore_ascii_case("up") || change.eq_ignore_ascii_case("down"));
    if let Some(year) = year_before.filter(|f| f.kind == Kind::Year && started) {
        let between = prose.get(year.range.end..figure.range.start).unwrap_or("");
        if between.contains(',') {
            return Some(format!("{} (a year earlier)", year.value as i32 - 1));
        }
    }
    // A year frames the figures of its own clause, or all of a sentence it opens (`Since 2019,
    // ...`), not those after a clause it stands in (`the fund, set up in 2019, has added ...`).
    let frames = |year: &&&Figure| {
        let between = prose.get(year.range.end..figure.range.start).unwrap_or("");
        // No sentence is longer than this, so the look back for its start stops there.
        let from = back_to_boundary(prose, year.range.start.saturating_sub(crate::text::MAX_SENTENCE_BYTES));
        let before = prose.get(from..year.range.start).unwrap_or("");
        let sentence_start = from + before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
        let opening = prose.get(sentence_start..year.range.start).unwrap_or("");
        delimiters(between).next().is_none() || delimiters(opening).next().is_none()
    };
    year_before.filter(frames).map(|f| with_preposition(f)).or_else(|| relative_period(prose, figure))
}

/// `at`, moved back to a character boundary of `prose`.
fn back_to_boundary(prose: &str, mut at: usize) -> usize {
    at = at.min(prose.len());
    while !prose.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A period named relative to the time of writing, in one wording for all its forms: `last
/// year's plan` and `the year before` are both `a year earlier`.
fn relative_period(prose: &str, figure: &Figure) -> Option<String> {
    // The phrases stand near the figure: looking no further than this keeps a text with no full
    // stops from costing its length for every figure.
    const REACH: usize = 160;
    let from = back_to_boundary(prose, figure.range.start.saturating_sub(REACH));
    let mut to = figure.range.end.saturating_add(REACH).min(prose.len());
    while !prose.is_char_boundary(to) {
        to += 1;
    }
    let before = prose.get(from..figure.range.start).unwrap_or("");
    let start = before.rfind(['.', '!', '?', '\n', ';']).map_or(0, |i| i + 1);
    let before = before.get(start..).unwrap_or("").to_lowercase();
    let after = prose.get(figure.range.end..to).unwrap_or("");
    let end = after.find(['.', '!', '?', '\n', ';', ',']).unwrap_or(after.len());
    let after = after.get(..end).unwrap_or("").to_lowercase();
    let phrases: [(&str, &str); 9] = [
        ("last year", "a year earlier"),
        ("previous year", "a year earlier"),
        ("year earlier", "a year earlier"),
        ("year before", "a year earlier"),
        ("year ago", "a year earlier"),
        ("this year", "this year"),
        ("so far this year", "this year"),
        ("next year", "next year"),
        ("coming year", "next year"),
    ];
    phrases.iter().find(|(p, _)| before.contains(p) || after.contains(p)).map(|(_, period)| period.to_string())
}

/// The years written in a period (`the first seven months of 2024` -> 2024).
pub fn period_years(period: &str) -> Vec<i32> {
    period
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1000..=2100).contains(y))
        .collect()
}

/// A short phrase for what a figure counts: the words after it (`people`, `of cocaine`,
/// `suspected gang members`) and the nearest verb in the past (`detained`), or a `... rate`
/// before it.
pub fn subject_of(prose: &str, figure: &Figure, sentence: Range<usize>) -> Option<String> {
    let after = prose.get(figure.range.end..sentence.end).unwrap_or("");
    let before = prose.get(sentence.start..figure.range.start).unwrap_or("");
    // `of the` and three words of the noun are all that is read.
    let words_after: Vec<std::borrow::Cow<str>> = after
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(5)
        .map(crate::text::lower)
        .collect();
    let mut k = 0;
    if words_after.first().map(|w| &**w) == Some("of") {
        k = 1;
        if words_after.get(1).map(|w| &**w) == Some("the") {
            k = 2;
        }
    }
    let mut noun: Vec<&str> = words_after
        .iter()
        .skip(k)
        .take_while(|w| is_content_word(w) && !w.chars().any(|c| c.is_ascii_digit()))
        .take(3)
        .map(|w| &**w)
        .collect();
    // `people detained` reads the verb as the verb, not as part of the noun.
    while noun.last().is_some_and(|w| w.ends_with("ed")) {
        noun.pop();
    }
    if noun.is_empty() || figure.kind == Kind::Rate {
        // The last `rate...` word with a word before it, read back from the figure. `rate` is
        // ASCII: no other letter lower-cases to its letters.
        let mut words = before.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).rev();
        let mut later = words.next();
        for earlier in words {
            if later.and_then(|w| w.get(..4)).is_some_and(|start| start.eq_ignore_ascii_case("rate")) {
                return Some(format!("{} rate", earlier.to_lowercase()));
            }
            later = Some(earlier);
        }
    }
    let verb = nearest_past_verb(prose, figure.range.clone(), sentence, &noun);
    let mut parts: Vec<String> = noun.iter().map(|w| w.to_string()).collect();
    parts.extend(verb);
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The `-ed` word nearest a figure, within a few words of it.
/// Verbs that stand beside figures of every kind (changes, comparisons, reporting): they say
/// nothing of what a figure counts.
const WEAK_VERBS: &[&str] = &[
    "compared",
    "reported",
    "released",
    "published",
    "announced",
    "estimated",
    "expected",
    "projected",
    "revised",
    "followed",
    "posted",
    "stated",
    "noted",
    "added",
    "dropped",
    "increased",
    "decreased",
    "declined",
    "climbed",
    "jumped",
    "slipped",
    "surged",
    "soared",
    "plunged",
    "raised",
    "lowered",
    "reached",
    "totaled",
    "totalled",
    "averaged",
    "helped",
    "showed",
    "listed",
    "ranked",
    "outweighed",
    "remained",
    "stood",
];

fn nearest_past_verb(prose: &str, figure: Range<usize>, sentence: Range<usize>, skip: &[&str]) -> Option<String> {
    const REACH: usize = 60;
    // Only words within reach of the figure are worth reading: from just after the last mark
    // before the reach (where a word starts), to the first word that starts past it.
    let edge = figure.start.saturating_sub(REACH + 1).max(sentence.start);
    let lead = prose.get(sentence.start..edge).unwrap_or("");
    let from = lead.char_indices().rfind(|(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
    let text = prose.get(sentence.start + from..sentence.end)?;
    let mut best: Option<(usize, String)> = None;
    let mut offset = sentence.start + from;
    for word in text.split_inclusive(|c: char| !c.is_alphabetic()) {
        let start = offset;
        offset += word.len();
        if start > figure.end + REACH {
            break;
        }
        let bare = word.trim_end_matches(|c: char| !c.is_alphabetic());
        let past = bare.len() > 2 && bare.as_bytes()[bare.len() - 2..].eq_ignore_ascii_case(b"ed");
        if offset + REACH < figure.start || !past {
            continue;
        }
        let w = crate::text::lower(bare);
        let is_verb = w.len() > 4
            && w.ends_with("ed")
            && !skip.contains(&&*w)
            && !matches!(&*w, "united" | "agreed" | "needed" | "based" | "suspected" | "alleged")
            && !WEAK_VERBS.contains(&&*w);
        if !is_verb {
            continue;
        }
        let distance =
            if start >= figure.end { start - figure.end } else { figure.start.saturating_sub(start + w.len()) };
        if distance <= REACH && best.as_ref().is_none_or(|(d, _)| distance < *d) {
            best = Some((distance, w.into_owned()));
        }
    }
    best.map(|(_, w)| w)
}

/// The clause holding `figure` inside `sentence`: from the last delimiter before it to the first
/// after it.
pub fn clause_of(prose: &str, sentence: Range<usize>, figure: Range<usize>) -> Range<usize> {
    let before = prose.get(sentence.start..figure.start).unwrap_or("");
    let after = prose.get(figure.end..sentence.end).unwrap_or("");
    let start = delimiters(before).next_back().map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let end = delimiters(after).next().map_or(sentence.end, |(i, _)| figure.end + i);
    // `**A quarter** — Minas Gerais's share`: a figure alone before a dash is described by the
    // clause after it.
    let alone = |range: Range<usize>| prose.get(range).unwrap_or("x").chars().all(|c| !c.is_alphabetic());
    if alone(start..figure.start) && alone(figure.end..end) && end < sentence.end {
        let after_dash = end + prose.get(end..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
        let rest = prose.get(after_dash..sentence.end).unwrap_or("");
        let next = delimiters(rest).next().map_or(sentence.end, |(i, _)| after_dash + i);
        return start..next;
    }
    start..end
}

/// The places of the marks that end a clause: commas, semicolons, colons, brackets, and dashes
/// set off by a space (not the dash of `1991–2020`).
fn delimiters(text: &str) -> impl DoubleEndedIterator<Item = (usize, char)> + '_ {
    text.char_indices().filter(move |&(i, c)| match c {
        ',' | ';' | ':' | '(' | ')' => true,
        '—' | '–' => {
            let spaced_before = text.get(..i).and_then(|b| b.chars().next_back()).is_none_or(char::is_whitespace);
            let spaced_after =
                text.get(i + c.len_utf8()..).and_then(|a| a.chars().next()).is_none_or(char::is_whitespace);
            spaced_before || spaced_after
        }
        _ => false,
    })
}

/// The stretch of its clause (as [`clause_of`] finds it) that belongs to `figure` alone: from the
/// figure or the `and`, `or`, `but` before it (or the clause's start) to the figure or such a word
/// after it (or the clause's end). In `soybeans averaged 54 bushels an acre and wheat 58 bushels` the stretch of `58` names
/// wheat, that of `54` soybeans.
pub fn segment_of(prose: &str, clause: Range<usize>, figure: &Figure, figures: &[&Figure]) -> Range<usize> {
    let joins = |range: Range<usize>| -> Vec<usize> {
        let text = prose.get(range.clone()).unwrap_or("");
        let mut at = Vec::new();
        let mut offset = 0;
        for word in text.split_inclusive(char::is_whitespace) {
            let bare = word.trim();
            if ["and", "or", "but", "while", "whereas", "against"].iter().any(|j| bare.eq_ignore_ascii_case(j)) {
                at.push(range.start + offset);
            }
            offset += word.len();
        }
        at
    };
    let before = joins(clause.start..figure.range.start);
    let after = joins(figure.range.end..clause.end);
    // Ordinals (`fourth graders`) and years are part of what a stretch names, not its bounds.
    let bounds = || figures.iter().filter(|f| f.kind.is_claim() && !f.kind.is_date());
    let start = bounds()
        .map(|f| f.range.end)
        .filter(|end| *end <= figure.range.start && *end > clause.start)
        .chain(before)
        .max()
        .unwrap_or(clause.start)
        .max(clause.start);
    let end = bounds()
        .map(|f| f.range.start)
        .filter(|start| *start >= figure.range.end && *start < clause.end)
        .chain(after)
        .min()
        .unwrap_or(clause.end)
        .min(clause.end);
    start..end.max(start)
}

/// The unit a bare number leaves to the quantity before it: `48 degrees at the start, and 55 by
/// noon`, `$3 million in 2022 and 4 million in 2023`.
pub fn implied_unit(prose: &str, figure: &Figure, in_sentence: &[&Figure]) -> Option<String> {
    if figure.kind != Kind::Number || figure.unit.is_some() {
        return None;
    }
    let after = prose.get(figure.range.end..).unwrap_or("").trim_start();
    let next = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let bare = after.is_empty()
        || after.starts_with([',', '.', ';', ')', '['])
        || matches!(next, "by" | "in" | "on" | "at" | "from" | "to" | "and" | "or" | "a" | "last" | "this" | "than");
    let before = in_sentence.iter().rfind(|f| f.range.end <= figure.range.start && f.kind == Kind::Quantity)?;
    bare.then(|| before.unit.clone()).flatten()
}

/// The relative part of a period (`a year earlier`, `this year`, `next year`), which a draft and
/// a source dated differently can still share.
pub fn relative_part(period: &str) -> Option<&'static str> {
    ["a year earlier", "this year", "next year"].into_iter().find(|r| period.contains(r))
}
