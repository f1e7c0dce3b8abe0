//! Finding named entities in a source: people, bodies, places, operations, facilities and
//! groups, with the titles the source gives them.
//!
//! Names are runs of capitalised words (joined by `of`, `for`, `on`, `de` inside a name, and by
//! particles such as `van` or `el-`), cut at possessives, brackets, punctuation and words of the
//! calendar. A run is a person only on evidence: a title before it in any case (`U.S. Defense
//! Secretary Pete Hegseth`, `chief economist Huw Pill`) or after it between commas (`Huw Pill, the
//! bank's chief economist,`), which becomes the person's role; a given name first; a verb of
//! speech, an age or `who` after it; or, in the builder, its last word standing alone elsewhere.
//! Keywords (`Command`, `Center`, `Operation`), digits (`MS-13`), a list of countries,
//! prepositions of place and datelines decide the other kinds; real demonyms, not endings, mark
//! words for peoples.

use std::collections::HashSet;
use std::ops::Range;

use super::dataset::EntityKind;
use super::titles::{is_title_modifier, is_title_word, title_head};
use crate::lexicon::{is_demonym, is_given_name, is_honorific, is_known_place, is_speech_verb};

/// An entity as one sentence names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    /// Written with `the` before it (`the Pentagon`).
    pub with_the: bool,
    /// An acronym given in brackets right after it: `Terrorism Confinement Center (CECOT)`.
    pub acronym: Option<String>,
    /// Another way the text writes it: the capitals of a dateline (`MARRAKESH`).
    pub alias: Option<String>,
    /// Taken for a body for want of evidence of a person: the builder may still find some.
    pub plain: bool,
    /// Byte range of the name in the text.
    pub range: Range<usize>,
    /// Byte range of the role, when a title stands before the name.
    pub role_range: Option<Range<usize>>,
}

const ORGANISATION_WORDS: &[&str] = &[
    "Command",
    "Commission",
    "Ministry",
    "Department",
    "Navy",
    "Army",
    "Force",
    "Forces",
    "Police",
    "Guard",
    "Council",
    "Court",
    "Agency",
    "Office",
    "Party",
    "Union",
    "Bank",
    "Fund",
    "Organization",
    "Organisation",
    "Association",
    "Committee",
    "Institute",
    "University",
    "Company",
    "Corporation",
    "Inc.",
    "Group",
    "Partnership",
    "Nations",
    "Congress",
    "Senate",
    "Parliament",
    "Assembly",
    "Coalition",
    "Alliance",
    "Federation",
    "Foundation",
    "Service",
    "Services",
    "Bureau",
    "Authority",
    "Board",
    "Cabinet",
    "Government",
    "Administration",
    "Tribunal",
    "Network",
    "Watch",
    "International",
    "Times",
    "News",
    "Post",
    "Journal",
    "Press",
    "League",
    "Club",
    "FC",
    "Corp",
    "Corp.",
    "Co.",
    "Ltd",
    "Ltd.",
    "LLC",
    "PLC",
    "Holdings",
    "Technologies",
    "Airlines",
    "Airways",
    "Motors",
    "Society",
    "Guild",
    "Trust",
    "Project",
    "Programme",
    "Program",
    "Panel",
    "Crescent",
    "Cross",
];

const FACILITY_WORDS: &[&str] = &[
    "Center",
    "Centre",
    "Prison",
    "Jail",
    "Penitentiary",
    "Base",
    "Camp",
    "Port",
    "Airport",
    "Station",
    "Hospital",
    "Canal",
    "Bridge",
    "Dam",
    "Plant",
    "Stadium",
    "Tower",
    "Palace",
    "Building",
    "Pentagon",
    "Depot",
    "Garage",
    "Terminal",
    "Market",
    "School",
    "Library",
    "Museum",
    "Park",
    "Square",
    "Hall",
    "Church",
    "Cathedral",
    "Mosque",
    "Temple",
    "Mall",
    "Factory",
    "Mine",
    "Refinery",
    "Reservoir",
    "Clinic",
    "Barracks",
    "Academy",
    "Court House",
    "Courthouse",
    "Embassy",
    "Consulate",
    "Arena",
];

const GROUP_CONTEXT: &[&str] = &["gang", "gangs", "cartel", "cartels", "militia", "militias", "group", "groups"];

const CONNECTORS: &[&str] = &["of", "for", "on", "de", "del", "la", "los", "las", "y", "and", "the"];

/// Words a sentence may start with that are never names.
const NEVER_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Yet",
    "However",
    "While",
    "As",
    "If",
    "When",
    "Since",
    "After",
    "Before",
    "Published",
    "Written",
    "By",
    "Yesterday",
    "Today",
    "Tonight",
    "Tomorrow",
    "Meanwhile",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Now",
    "Then",
    "Also",
    "Still",
    "Instead",
    "Recently",
    "Finally",
    "Separately",
    "Previously",
    "Overnight",
    "Here",
    "There",
    "Both",
    "Neither",
    "Each",
    "Every",
    "Some",
    "Many",
    "Most",
    "Several",
    "Such",
    "Between",
    "Against",
    "Among",
    "Amid",
    "During",
    "Despite",
    "Under",
    "Over",
    "From",
    "With",
    "Without",
    "Through",
    "Across",
    "Unlike",
    "Like",
    "According",
    "Although",
    "Because",
    "Once",
    "Until",
    "Whether",
    "Where",
    "Who",
    "What",
    "Why",
    "How",
    "Only",
    "Even",
    "Just",
    "More",
    "Less",
    "Other",
    "Another",
    "All",
    "No",
    "Not",
    "His",
    "Her",
    "Their",
    "Our",
    "We",
    "They",
    "He",
    "She",
    "Including",
    "Following",
    "Asked",
];

/// Lower-case words inside a name (`Ludwig van Beethoven`, `Osama bin Laden`).
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "da", "das", "do", "dos", "du", "di", "della", "le", "bin", "ibn", "al", "el", "ter",
    "ten", "zu",
];

/// Words before a name that say a place follows: `in Essaouira`, `near Derna`.
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "throughout", "around", "inside"];

/// Nouns that, with `of`, say a place follows: `the coastal cities of Rabat`.
const PLACE_NOUNS: &[&str] = &[
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "province",
    "provinces",
    "region",
    "regions",
    "state",
    "states",
    "district",
    "districts",
    "county",
    "counties",
    "capital",
    "port",
    "island",
    "islands",
    "municipality",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "suburbs",
];

/// Abbreviations of time zones and times of day: written in capitals, never a body.
const TIME_WORDS: &[&str] =
    &["GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "PST", "PDT", "IST", "JST", "AM", "PM"];

/// Words that end a title's phrase after a name: `chief executive of the council`.
const ROLE_STOPS: &[&str] = &[
    "of", "at", "for", "in", "with", "from", "who", "whose", "which", "that", "and", "or", "said", "says", "told",
    "on", "to", "since", "until", "was", "is", "has", "had", "will", "would", "were", "are", "by", "as",
];

/// Words that open a noun phrase and so start no title: `the`, `a`, `his`.
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "said"];

#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    range: Range<usize>,
    /// Punctuation right after the word (`,` `;` `:` `.`) ends a name.
    ends_name: bool,
    /// A comma right after the word: an apposition may follow (`Jane Doe, the treasurer,`).
    comma: bool,
    /// `Brigid's`: ends a name unless a keyword follows (`St. Brigid's Hospital`).
    possessive: bool,
    /// An opening bracket before the word: `Libya (AP)` is two names.
    opens: bool,
}

/// Cuts a sentence into words, trimming quotes and brackets and noting what ends a name.
fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in slice.split_inclusive(char::is_whitespace) {
        let start = range.start + offset;
        offset += raw.len();
        let trimmed_start = raw.trim_start_matches(['(', '"', '“', '‘', '[', '\'']);
        let lead = raw.len() - trimmed_start.len();
        let opens = raw.get(..lead).is_some_and(|l| l.contains(['(', '[']));
        let mut word = trimmed_start.trim_end();
        let mut ends_name = false;
        let mut comma = false;
        let mut possessive = false;
        loop {
            if let Some(w) = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")) {
                word = w;
                possessive = true;
            } else if let Some(w) = word
                .strip_suffix(|c: char| matches!(c, ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '’' | ']' | '\''))
            {
                comma |= word.ends_with(',');
                word = w;
                ends_name = true;
            } else if word.ends_with('.') && !is_abbreviation(word) {
                word = &word[..word.len() - 1];
                ends_name = true;
            } else {
                break;
            }
        }
        if word.is_empty() {
            if let Some(last) = out.last_mut() {
                let last: &mut Word = last;
                last.ends_name = true;
                last.comma |= raw.contains(',');
            }
            continue;
        }
        let s = start + lead;
        out.push(Word { text: word, range: s..s + word.len(), ends_name, comma, possessive, opens });
    }
    out
}

/// `U.S.`, `Dr.`, `Gen.`: a full stop that belongs to the word.
fn is_abbreviation(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        || (title_head(word).is_some() && word.ends_with('.'))
        || is_honorific(word)
        || matches!(word, "St." | "Mt." | "Ft." | "Jr." | "Sr." | "Co." | "Inc." | "Ltd." | "Corp.")
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `el-Drese`, `al-Assad`: a surname with a lower-case article joined to it.
fn is_prefixed_name(word: &str) -> bool {
    let Some((prefix, rest)) = word.split_once('-') else { return false };
    (1..=3).contains(&prefix.len()) && prefix.chars().all(|c| c.is_ascii_lowercase()) && capitalised(rest)
}

/// A word that can stand in a person's name: capitalised, or a prefixed surname.
fn name_word(word: &str) -> bool {
    capitalised(word) || is_prefixed_name(word)
}

/// `MS-13`, `F-16`, `G7`: capitals and digits naming a thing (`11-day` is no code).
fn is_code(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word.chars().any(char::is_alphabetic)
        && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// Months and weekdays, also in the plural (`Saturdays`) and abbreviated (`Sept.`): words of
/// the calendar, never names. `April`, `May`, `June` and `August` are given names too: before
/// another capitalised word (`April Ryan`) they are left to the name.
fn is_calendar(word: &str, next: Option<&str>) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    let weekday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    if weekday.contains(&lower.as_str()) || weekday.contains(&singular) {
        return true;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if !full.contains(&lower.as_str()) {
        // `Jan.` and `Sept.` with their full stop; `Jan Kowalski` is a name.
        return word.ends_with('.') && crate::lexicon::month(&lower).is_some();
    }
    let given = matches!(lower.as_str(), "april" | "may" | "june" | "august");
    !(given && next.is_some_and(|n| capitalised(n) && !n.chars().next().is_some_and(|c| c.is_ascii_digit())))
}

fn calendar_at(ws: &[Word], i: usize) -> bool {
    ws.get(i).is_some_and(|w| is_calendar(w.text, ws.get(i + 1).map(|n| n.text)))
}

/// Whether a sentence is a headline in title case, whose capitals say nothing about names: no
/// closing full stop, and most words capitalised.
fn is_title_case(text: &str, words: &[Word]) -> bool {
    let end = words.last().map_or(0, |w| w.range.end);
    let closing = text
        .get(end..)
        .unwrap_or("")
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | ')'))
        .chars()
        .next();
    if matches!(closing, Some('.' | '!' | '?')) || words.last().is_some_and(|w| w.text.ends_with('.')) {
        return false;
    }
    let alphabetic: Vec<&Word> = words.iter().filter(|w| w.text.chars().any(char::is_alphabetic)).collect();
    let capitals = alphabetic.iter().filter(|w| capitalised(w.text)).count();
    alphabetic.len() >= 4 && capitals * 10 >= alphabetic.len() * 7
}

/// Every capitalised word that also stands capitalised inside a sentence, not only at its start:
/// those are names even when they open a sentence.
pub fn names_inside_sentences(text: &str, sentences: &[Range<usize>]) -> HashSet<String> {
    let mut inside = HashSet::new();
    for s in sentences {
        let ws = words(text, s.clone());
        if is_title_case(text, &ws) {
            continue;
        }
        for w in ws.iter().skip(1) {
            if capitalised(w.text) {
                inside.insert(w.text.to_string());
            }
        }
    }
    inside
}

/// Capitalised words that stand alone in a sentence, neither opening it nor next to another
/// capitalised word, nor after `the` or a preposition: `Kaplan` in `Kaplan rejected the
/// argument`. A person named in full is often named again by surname alone, a body seldom by
/// its last word.
pub fn lone_words(text: &str, sentences: &[Range<usize>]) -> HashSet<String> {
    let mut lone = HashSet::new();
    for s in sentences {
        let ws = words(text, s.clone());
        if is_title_case(text, &ws) {
            continue;
        }
        for (i, w) in ws.iter().enumerate() {
            if !capitalised(w.text) || title_head(w.text).is_some() || calendar_at(&ws, i) {
                continue;
            }
            let next = ws.get(i + 1);
            let next_is_name = next.is_some_and(|n| name_word(n.text)) && !w.ends_name && !w.possessive;
            let speech = next.is_some_and(|n| is_speech_verb(n.text));
            let alone = match i.checked_sub(1).and_then(|p| ws.get(p)) {
                None => speech,
                Some(p) => {
                    let lower = p.text.to_lowercase();
                    (p.ends_name || !capitalised(p.text))
                        && !matches!(
                            lower.as_str(),
                            "the" | "of" | "in" | "at" | "from" | "to" | "for" | "on" | "by" | "near"
                        )
                }
            };
            if alone && !next_is_name {
                lone.insert(w.text.to_string());
            }
        }
    }
    lone
}

/// The spans `(start, end)` of the runs of name words in a sentence's words, from word `from`
/// on; none in a headline.
fn name_spans(text: &str, ws: &[Word], inside: &HashSet<String>, from: usize) -> Vec<(usize, usize)> {
    if is_title_case(text, ws) {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut i = from;
    while i < ws.len() {
        match name_run(ws, i, inside) {
            Some(end) => {
                spans.push((i, end));
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    spans
}

/// A run without the article that opens it: `The Salvadoran Navy` -> `Salvadoran Navy`.
fn without_article<'w, 'a>(mut run: &'w [Word<'a>]) -> (&'w [Word<'a>], bool) {
    let mut had = false;
    while run.len() > 1 && matches!(run[0].text, "The" | "A" | "An") {
        run = &run[1..];
        had = true;
    }
    (run, had)
}

/// `MARRAKESH, Morocco —`, `NEW YORK —`, `LONDON (Reuters) -`: a dateline opening a sentence,
/// as the index after its words in capitals.
fn dateline_end(ws: &[Word]) -> Option<usize> {
    let all_caps = |w: &Word| {
        w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.text.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '.' | '\'' | '’'))
    };
    let caps = ws.iter().take(4).take_while(|w| all_caps(w) && !w.opens).count();
    if caps == 0 || ws.iter().take(caps - 1).any(|w| w.ends_name) {
        return None;
    }
    let dash = |w: &Word| matches!(w.text, "—" | "–" | "-" | "--" | "―");
    ws.iter().skip(caps).take(4).any(dash).then_some(caps)
}

/// `MARRAKESH` -> `Marrakesh`, `WINSTON-SALEM` -> `Winston-Salem`.
fn title_cased(caps: &str) -> String {
    let mut out = String::with_capacity(caps.len());
    let mut start = true;
    for c in caps.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// What the words around a run say about it.
#[derive(Debug, Clone, Default)]
struct Around {
    with_the: bool,
    group_context: bool,
    acronym: Option<String>,
    /// The words of a title before the run (`chief economist`), as word indices.
    role_before: Option<Range<usize>>,
    /// The words of a title after the run, between commas (`, the town treasurer,`).
    role_after: Option<Range<usize>>,
    /// A verb of speech, an age or `who` after the run.
    person_cue: bool,
    /// A preposition or `the cities of` before it, or a list that began with a place.
    place_cue: bool,
}

/// A word that may stand in a title's phrase next to its head: `chief`, `police`, `NCES`, but no
/// article, preposition, adverb or participle (`newly arrived`).
fn role_word(w: &Word) -> bool {
    let lower = w.text.to_lowercase();
    if w.possessive || DETERMINERS.contains(&lower.as_str()) || ROLE_STOPS.contains(&lower.as_str()) {
        return false;
    }
    if is_title_word(w.text) || capitalised(w.text) {
        return true;
    }
    w.text.chars().all(|c| c.is_alphabetic() || c == '-')
        && !lower.ends_with("ly")
        && !lower.ends_with("ed")
        && !lower.ends_with("ing")
}

/// The title written in lower case (or after other capitals) right before the name at `i`:
/// `interim police commissioner John Stanford`, `West Ham midfielder James Ward-Prowse`.
fn role_before(ws: &[Word], i: usize) -> Option<Range<usize>> {
    let k = i.checked_sub(1)?;
    let head = ws.get(k)?;
    if head.ends_name || head.possessive || capitalised(head.text) || title_head(head.text).is_none() {
        return None;
    }
    let mut start = k;
    // Lower-case words of the title (`interim police`), then the capitalised ones before them
    // (`West Ham`, `UCL`).
    while start > 0 && k - start < 3 {
        let w = &ws[start - 1];
        if w.ends_name || capitalised(w.text) || !role_word(w) {
            break;
        }
        start -= 1;
    }
    let lower_start = start;
    while start > 0 && lower_start - start < 3 {
        let w = &ws[start - 1];
        if w.ends_name || !capitalised(w.text) || !role_word(w) || NEVER_NAMES.contains(&w.text) {
            break;
        }
        start -= 1;
    }
    Some(start..i)
}

/// A number a comma before and after: an age (`Jane Doe, 41, said`).
fn is_age(w: &Word) -> bool {
    w.comma && (1..=3).contains(&w.text.len()) && w.text.chars().all(|c| c.is_ascii_digit())
}

/// The title between commas after the name ending at `end`: `Huw Pill, the bank's chief
/// economist,`, `Sheila Warren, chief executive of the council`, `Bill Orr, professor emeritus at`.
fn role_after(ws: &[Word], end: usize) -> Option<Range<usize>> {
    if !ws.get(end.checked_sub(1)?)?.comma {
        return None;
    }
    let mut j = end;
    if ws.get(j).is_some_and(is_age) {
        j += 1;
    }
    let mut stop = j;
    while stop < ws.len() && stop < j + 8 {
        if ROLE_STOPS.contains(&ws[stop].text) {
            break;
        }
        stop += 1;
        if ws[stop - 1].ends_name {
            break;
        }
    }
    let h = (j..stop).rev().find(|&k| title_head(ws[k].text).is_some() && !ws[k].possessive)?;
    // After the head only modifiers (`emeritus`); a name after it is the next person's
    // (`Andrew Bailey, deputy governor Sarah Breeden`).
    if (h + 1..stop).any(|k| !is_title_modifier(ws[k].text)) {
        return None;
    }
    let closed = stop == ws.len()
        || ws.get(stop.checked_sub(1)?)?.ends_name
        || ws.get(stop).is_some_and(|w| ROLE_STOPS.contains(&w.text));
    if !closed {
        return None;
    }
    let mut start = h;
    while start > j && h - start < 3 && role_word(&ws[start - 1]) && !ws[start - 1].ends_name {
        start -= 1;
    }
    Some(start..stop)
}

/// What the words around the run `i..end` say about it.
fn around(text: &str, ws: &[Word], i: usize, end: usize, prev_place: Option<usize>) -> Around {
    let with_the = i > 0 && ws[i - 1].text.eq_ignore_ascii_case("the");
    let group_context = ws[i.saturating_sub(3)..(end + 3).min(ws.len())]
        .iter()
        .any(|w| GROUP_CONTEXT.contains(&w.text.to_lowercase().as_str()));
    let acronym = ws.get(end).filter(|w| w.opens).and_then(|w| {
        let raw = text.get(w.range.start.saturating_sub(1)..w.range.end + 1)?;
        let inner = raw.strip_prefix('(')?.strip_suffix(')')?;
        let upper = inner.chars().filter(char::is_ascii_uppercase).count();
        // Its first letter opens a word of the name: `Bank of England (BoE)`, not `Libya (AP)`.
        let initial = inner.chars().next();
        let fits = ws[i..end].iter().any(|w| w.text.chars().next() == initial);
        (upper >= 2 && fits && inner.chars().all(|c| c.is_ascii_alphabetic())).then(|| inner.to_string())
    });
    let last = ws.get(end.wrapping_sub(1));
    let next = ws.get(end);
    let person_cue = match (last, next) {
        (Some(l), Some(n)) => (!l.ends_name && is_speech_verb(n.text)) || (l.comma && (n.text == "who" || is_age(n))),
        _ => false,
    };
    let before = |n: usize| i.checked_sub(n).and_then(|k| ws.get(k)).map(|w| w.text.to_lowercase());
    let in_list = prev_place.is_some_and(|p| {
        p == i && i > 0 && ws[i - 1].comma || (p + 1 == i && ws.get(p).is_some_and(|w| matches!(w.text, "and" | "or")))
    });
    let place_cue = before(1).is_some_and(|b| PLACE_PREPOSITIONS.contains(&b.as_str()))
        || (before(1).as_deref() == Some("of") && before(2).is_some_and(|b| PLACE_NOUNS.contains(&b.as_str())))
        || in_list;
    Around {
        with_the,
        group_context,
        acronym,
        role_before: role_before(ws, i),
        role_after: role_after(ws, end),
        person_cue,
        place_cue,
    }
}

/// The entities named in one sentence.
pub fn find_named(text: &str, sentence: Range<usize>, inside: &HashSet<String>) -> Vec<Named> {
    let ws = words(text, sentence);
    let mut found = Vec::new();
    let mut from = 0;
    if let Some(end) = dateline_end(&ws) {
        if let (Some(a), Some(b)) = (ws.first(), ws.get(end - 1)) {
            let written =
                text.get(a.range.start..b.range.end).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
            found.push(Named {
                name: title_cased(&written),
                kind: EntityKind::Place,
                role: None,
                with_the: false,
                acronym: None,
                alias: Some(written),
                plain: false,
                range: a.range.start..b.range.end,
                role_range: None,
            });
        }
        from = end;
    }
    // The word index after the last place found, to carry a list of places on.
    let mut prev_place: Option<usize> = None;
    for (i, end) in name_spans(text, &ws, inside, from) {
        let cues = around(text, &ws, i, end, prev_place);
        let named = classify(text, &ws, i..end, &cues);
        if let Some(n) = named {
            prev_place = (n.kind == EntityKind::Place).then_some(end);
            found.push(n);
        }
    }
    found
}

/// A run of capitalised words in a draft that may name something, with any title before it
/// split off: what a misspelling or a wrong title is looked for in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    pub name: String,
    pub range: Range<usize>,
    pub role: Option<(String, Range<usize>)>,
}

/// The words `range` of `ws` as written, line breaks as spaces.
fn joined(text: &str, ws: &[Word], range: Range<usize>) -> Option<(String, Range<usize>)> {
    let part = ws.get(range)?;
    let (a, b) = (part.first()?, part.last()?);
    let span = a.range.start..b.range.end;
    Some((text.get(span.clone())?.split_whitespace().collect::<Vec<_>>().join(" "), span))
}

/// Every run of name words in a sentence, titles split off: a title in capitals before the name
/// (`Deputy Governor Huw Pill`), in lower case before it (`defender James Ward-Prowse`) or
/// after it between commas (`Sheila Warren, president of ...`).
pub fn name_runs(text: &str, sentence: Range<usize>, inside: &HashSet<String>) -> Vec<NameRun> {
    let ws = words(text, sentence);
    let from = dateline_end(&ws).unwrap_or(0);
    let mut runs = Vec::new();
    for (i, end) in name_spans(text, &ws, inside, from) {
        let (run, _) = without_article(&ws[i..end]);
        let offset = end - run.len();
        let (role, start) = match title_split(run) {
            Some(t) if !run.get(..=t).is_some_and(|r| r.iter().all(|w| is_honorific(w.text))) => {
                (joined(text, &ws, offset..offset + t + 1), offset + t + 1)
            }
            // `Dr. Nadia Haris, the medical director,`: an honorific is no role.
            Some(t) => (role_after(&ws, end).and_then(|r| joined(text, &ws, r)), offset + t + 1),
            None => {
                let role = role_before(&ws, i).or_else(|| role_after(&ws, end));
                (role.and_then(|r| joined(text, &ws, r)), offset)
            }
        };
        if let Some((name, range)) = joined(text, &ws, start..end) {
            runs.push(NameRun { name, range, role });
        }
    }
    runs
}

/// Where the title ends in a run that starts with one: the index of its last word. A title may
/// go on with `of` (`Secretary of State Marco Rubio`, `Minister of Foreign Affairs Ana Pérez`),
/// leaving the last two words for the name.
fn title_split(run: &[Word]) -> Option<usize> {
    // Only a title that opens the run: in `Megan Chair Smith` no title stands before the name.
    let lead =
        run.iter().take_while(|w| is_title_word(w.text) || (!is_given_name(w.text) && capitalised(w.text))).count();
    let mut t = run.get(..lead)?.iter().rposition(|w| is_title_word(w.text))?;
    if run.get(t + 1).is_some_and(|w| matches!(w.text, "of" | "for")) {
        let mut end = t + 1;
        while end + 1 < run.len() && run.len() - (end + 1) > 2 {
            end += 1;
        }
        if end > t + 1 {
            t = end;
        }
    }
    (t + 1 < run.len()).then_some(t)
}

/// The capitalised words of a role that say which office (`Defense`, `Foreign`, `NCES`),
/// leaving out titles and nationalities.
pub fn office_words(role: &str) -> Vec<&str> {
    role.split_whitespace()
        .filter(|w| !is_title_word(w) && !is_demonym(w) && !w.contains('.') && capitalised(w))
        .collect()
}

/// The end (exclusive) of the run of name words starting at `i`, if one starts there.
fn name_run(ws: &[Word], i: usize, inside: &HashSet<String>) -> Option<usize> {
    let first = ws.get(i)?;
    let starts = capitalised(first.text) || is_code(first.text) || (i > 0 && is_prefixed_name(first.text));
    if !starts {
        return None;
    }
    // `April 16`, `Saturdays`: the calendar, not a name.
    if calendar_at(ws, i) {
        return None;
    }
    let continues = |k: usize| ws.get(k).is_some_and(|w| capitalised(w.text) && !w.opens && !calendar_at(ws, k));
    if i == 0 && (NEVER_NAMES.contains(&first.text) || !inside.contains(first.text)) {
        // A capital that only opens the sentence says nothing; a run that goes on may still be
        // a name (`Task Force Trident seized ...`).
        // `Kaplan said ...`: a surname alone opens the sentence.
        let speaks = !first.ends_name && ws.get(1).is_some_and(|n| is_speech_verb(n.text));
        if NEVER_NAMES.contains(&first.text) || (!speaks && (!continues(1) || first.ends_name)) {
            return None;
        }
        // `Against Huw Pill ...`: an opening word before a given name is no part of the name.
        let opener =
            first.text.chars().all(char::is_alphabetic) && !is_given_name(first.text) && !is_title_word(first.text);
        if opener && ws.get(1).is_some_and(|n| is_given_name(n.text)) {
            return None;
        }
    }
    let mut end = i + 1;
    let mut has_connector = false;
    while end < ws.len() && !ws[end - 1].ends_name {
        let w = ws[end].text;
        if ws[end].opens || calendar_at(ws, end) {
            break;
        }
        let keyword = FACILITY_WORDS.contains(&w) || ORGANISATION_WORDS.contains(&w);
        if ws[end - 1].possessive {
            // `St. Brigid's Hospital` goes on; `Britain's University College London` and
            // `Exeter's Global Systems Institute` are two names.
            let keyword_ends = ws[end].ends_name || ws.get(end + 1).is_none_or(|n| !capitalised(n.text));
            if !keyword || !keyword_ends || is_known_place(ws[end - 1].text) {
                break;
            }
        }
        let particle = PARTICLES.contains(&w) && ws.get(end + 1).is_some_and(|n| name_word(n.text));
        if capitalised(w)
            || is_code(w)
            || is_prefixed_name(w)
            || particle
            || (w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 4 && end == i + 1)
        {
            end += 1;
        } else if CONNECTORS.contains(&w) && continues(end + 1) {
            // `and` joins only inside an `X of Y and Z` name, never `MS-13 and Barrio 18`.
            if (w == "and" || w == "the") && !has_connector {
                break;
            }
            has_connector = true;
            end += 1;
        } else {
            break;
        }
    }
    Some(end)
}

/// Whether words can be a person's name: one to four capitalised words (or particles), no
/// keyword of a body or facility, no code.
fn person_like(name: &[Word]) -> bool {
    (1..=4).contains(&name.len())
        && name.first().is_some_and(|w| capitalised(w.text))
        && name.last().is_some_and(|w| name_word(w.text))
        && name.iter().all(|w| {
            (name_word(w.text) || PARTICLES.contains(&w.text) || CONNECTORS.contains(&w.text))
                && !is_code(w.text)
                && !FACILITY_WORDS.contains(&w.text)
                && !ORGANISATION_WORDS.contains(&w.text)
                && w.text.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

/// A person's name without what follows a connector: `Pierre Friedlingstein of Exeter` ->
/// `Pierre Friedlingstein`.
fn person_part<'w, 'a>(name: &'w [Word<'a>]) -> &'w [Word<'a>] {
    let cut = name.iter().position(|w| matches!(w.text, "of" | "for" | "on" | "and" | "the")).unwrap_or(name.len());
    name.get(..cut).unwrap_or(name)
}

fn classify(text: &str, ws: &[Word], span: Range<usize>, cues: &Around) -> Option<Named> {
    let (run, had_article) = without_article(ws.get(span.clone())?);
    let offset = span.end - run.len();
    let with_the = cues.with_the || had_article;
    let first = run.first()?;
    let last = run.last()?;
    if is_demonym(last.text) && !ORGANISATION_WORDS.contains(&last.text) {
        return None;
    }
    let make = |range: Range<usize>, kind, role: Option<Range<usize>>| -> Option<Named> {
        let (name, span) = joined(text, ws, range)?;
        let role = role.and_then(|r| joined(text, ws, r));
        Some(Named {
            name,
            kind,
            role: role.as_ref().map(|(r, _)| r.clone()),
            with_the,
            acronym: cues.acronym.clone(),
            alias: None,
            plain: false,
            range: span,
            role_range: role.map(|(_, r)| r),
        })
    };
    let whole = offset..span.end;
    if first.text == "Operation" && run.len() > 1 {
        return make(whole, EntityKind::Operation, None);
    }
    if let Some(t) = title_split(run) {
        let name = person_part(&run[t + 1..]);
        if person_like(name) {
            let title = &run[..=t];
            let honorific_only = title.iter().all(|w| is_honorific(w.text));
            // `Dr. Nadia Haris, the medical director,`: the title after the name is the role.
            let role = if honorific_only { cues.role_after.clone() } else { Some(offset..offset + t + 1) };
            return make(offset + t + 1..offset + t + 1 + name.len(), EntityKind::Person, role);
        }
    }
    let texts: Vec<&str> = run.iter().map(|w| w.text).collect();
    let name = joined(text, ws, whole.clone())?.0;
    if run.len() == 1 && FACILITY_WORDS.contains(&last.text) && !with_the {
        // `Hospital chairman ...`: a facility's keyword alone names nothing (`the Pentagon` does).
        return None;
    }
    if FACILITY_WORDS.contains(&last.text) {
        return make(whole, EntityKind::Facility, None);
    }
    if texts.windows(2).any(|p| p == ["Task", "Force"]) || texts.iter().any(|w| ORGANISATION_WORDS.contains(w)) {
        return make(whole, EntityKind::Organisation, None);
    }
    if texts.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return make(whole, EntityKind::Group, None);
    }
    if is_known_place(&name) || is_known_place(name.trim_start_matches("the ")) {
        return make(whole, EntityKind::Place, None);
    }
    if run.len() == 1 {
        let w = first.text;
        if TIME_WORDS.contains(&w) || is_title_word(w) {
            return None;
        }
        if w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) {
            return make(whole, EntityKind::Organisation, None);
        }
        if is_demonym(w) {
            return None;
        }
        if cues.group_context {
            return make(whole, EntityKind::Group, None);
        }
        if cues.place_cue && !first.possessive && !is_given_name(w) && !with_the {
            return make(whole, EntityKind::Place, None);
        }
        return None;
    }
    let spoke = cues.person_cue || cues.role_after.is_some() || cues.role_before.is_some();
    if !spoke && matches!(first.text, "El" | "La" | "Los" | "Las" | "San" | "Santa" | "New" | "Port" | "Saint") {
        return make(whole, EntityKind::Place, None);
    }
    if matches!(first.text, "North" | "South" | "East" | "West" | "Central" | "Latin") {
        return make(whole, EntityKind::Place, None);
    }
    // A person only on evidence: a title before or after, a given name, or a verb of speech, an
    // age or `who` after the name.
    let person = person_part(run);
    let person_like = person_like(person) && (2..=4).contains(&person.len());
    let role = cues.role_before.clone().or_else(|| cues.role_after.clone());
    if person_like && role.is_some() {
        return make(offset..offset + person.len(), EntityKind::Person, role);
    }
    if cues.group_context {
        return make(whole, EntityKind::Group, None);
    }
    if person_like && (is_given_name(first.text) || (cues.person_cue && person.len() == run.len())) {
        return make(offset..offset + person.len(), EntityKind::Person, None);
    }
    if cues.place_cue && !with_the {
        return make(whole, EntityKind::Place, None);
    }
    let looks_like_name = (2..=5).contains(&run.len())
        && run
            .iter()
            .all(|w| name_word(w.text) && w.text.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’')));
    // Without evidence of a person, a name of capitalised words is taken for a body; the
    // builder makes it a person when its last word stands alone elsewhere (`Kaplan said`).
    let mut named = looks_like_name.then(|| make(whole, EntityKind::Organisation, None)).flatten()?;
    named.plain = true;
    Some(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(sentence: &str) -> Vec<(String, EntityKind, Option<String>)> {
        // The sentence is the text's only sentence: a list of one range, not a range of indices.
        let whole: Vec<std::ops::Range<usize>> = std::iter::once(0..sentence.len()).collect();
        let inside = names_inside_sentences(sentence, &whole);
        find_named(sentence, 0..sentence.len(), &inside).into_iter().map(|n| (n.name, n.kind, n.role)).collect()
    }

    #[test]
    fn titles_become_roles() {
        assert_eq!(
            named("At the Pentagon, U.S. Defense Secretary Pete Hegseth greeted Salvadoran Defense Minister René Francis Merino Monroy."),
            [
                ("Pentagon".to_string(), EntityKind::Facility, None),
                ("Pete Hegseth".to_string(), EntityKind::Person, Some("U.S. Defense Secretary".to_string())),
                ("René Francis Merino Monroy".to_string(), EntityKind::Person, Some("Salvadoran Defense Minister".to_string())),
            ]
        );
    }

    #[test]
    fn titles_with_of_keep_the_name_whole() {
        assert_eq!(
            named("Yesterday Secretary of State Marco Rubio met Minister of Foreign Affairs Ana Pérez in Panama."),
            [
                ("Marco Rubio".to_string(), EntityKind::Person, Some("Secretary of State".to_string())),
                ("Ana Pérez".to_string(), EntityKind::Person, Some("Minister of Foreign Affairs".to_string())),
                ("Panama".to_string(), EntityKind::Place, None),
            ]
        );
    }

    #[test]
    fn kinds_come_from_keywords_digits_and_places() {
        let found = named("The crackdown hit gangs like MS-13 and Barrio 18 while Operation MARTILLO and U.S. Southern Command helped El Salvador and the Inter-American Commission on Human Rights watched.");
        let kinds: Vec<(&str, EntityKind)> = found.iter().map(|(n, k, _)| (n.as_str(), *k)).collect();
        assert_eq!(
            kinds,
            [
                ("MS-13", EntityKind::Group),
                ("Barrio 18", EntityKind::Group),
                ("Operation MARTILLO", EntityKind::Operation),
                ("U.S. Southern Command", EntityKind::Organisation),
                ("El Salvador", EntityKind::Place),
                ("Inter-American Commission on Human Rights", EntityKind::Organisation),
            ]
        );
    }

    #[test]
    fn headlines_and_sentence_openers_are_not_names() {
        assert!(named("Drug Interdiction: A Maritime Success Story").is_empty());
        assert!(named("Supporters argue that the crackdown restored safety.").is_empty());
        assert!(named("Salvadorans and Americans benefit.").is_empty());
    }
}
