//! Finding named entities in a source: people, bodies, places, operations, facilities and
//! groups, with the titles the source gives them.
//!
//! Names are runs of capitalised words (joined by `of`, `for`, `on`, `de` inside a name), cut at
//! possessives and punctuation. A title before a person's name (`U.S. Defense Secretary Pete
//! Hegseth`) becomes that person's role; keywords (`Command`, `Center`, `Operation`), digits
//! (`MS-13`) and a list of countries decide the other kinds.

use std::collections::HashSet;
use std::ops::Range;

use super::dataset::EntityKind;
use super::places::is_known_place;

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
    /// Byte range of the name in the text.
    pub range: Range<usize>,
    /// Byte range of the role, when a title stands before the name.
    pub role_range: Option<Range<usize>>,
}

/// Words that make the capitalised words before them a title, not a name.
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Secretary",
    "Minister",
    "Prime",
    "Chancellor",
    "Premier",
    "Governor",
    "Gov.",
    "Mayor",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Congressman",
    "Congresswoman",
    "Ambassador",
    "General",
    "Gen.",
    "Admiral",
    "Adm.",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "Commander",
    "Lieutenant",
    "Major",
    "Sergeant",
    "Chief",
    "Director",
    "Judge",
    "Justice",
    "Attorney",
    "Speaker",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Bishop",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Prof.",
    "Professor",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Commissioner",
    "Inspector",
    "Superintendent",
    "Deputy",
    "Officer",
    "Envoy",
    "Leader",
    "Master",
    "Manager",
    "Editor",
    "Coach",
    "Founder",
    "Executive",
    "Economist",
    "Analyst",
    "Counsel",
    "Marshal",
    "Sheriff",
    "Warden",
];

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
];

#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    range: Range<usize>,
    /// Punctuation right after the word (`,` `;` `:` `.`) ends a name.
    ends_name: bool,
    /// `Brigid's`: ends a name unless a keyword follows (`St. Brigid's Hospital`).
    possessive: bool,
}

/// Cuts a sentence into words, trimming quotes and brackets and noting what ends a name.
fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let Some(slice) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in slice.split_inclusive(char::is_whitespace) {
        let start = range.start + offset;
        offset += raw.len();
        let trimmed_start = raw.trim_start_matches(|c: char| matches!(c, '(' | '"' | '“' | '‘' | '[' | '\''));
        let lead = raw.len() - trimmed_start.len();
        let mut word = trimmed_start.trim_end();
        let mut ends_name = false;
        let mut possessive = false;
        loop {
            if let Some(w) = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")) {
                word = w;
                possessive = true;
            } else if let Some(w) = word
                .strip_suffix(|c: char| matches!(c, ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '’' | ']' | '\''))
            {
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
            }
            continue;
        }
        let s = start + lead;
        out.push(Word { text: word, range: s..s + word.len(), ends_name, possessive });
    }
    out
}

/// `U.S.`, `Dr.`, `Gen.`: a full stop that belongs to the word.
fn is_abbreviation(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        || TITLES.contains(&word)
        || matches!(word, "St." | "Mt." | "Ft." | "Jr." | "Sr." | "Co." | "Inc." | "Ltd.")
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `MS-13`, `F-16`, `G7`: capitals and digits naming a thing (`11-day` is no code).
fn is_code(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word.chars().any(char::is_alphabetic)
        && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
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

/// The spans `(start, end)` of the runs of name words in a sentence's words; none in a headline.
fn name_spans(text: &str, ws: &[Word], inside: &HashSet<String>) -> Vec<(usize, usize)> {
    if is_title_case(text, ws) {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut i = 0;
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

/// The entities named in one sentence.
pub fn find_named(text: &str, sentence: Range<usize>, inside: &HashSet<String>) -> Vec<Named> {
    let ws = words(text, sentence);
    let mut found = Vec::new();
    for (i, end) in name_spans(text, &ws, inside) {
        let with_the = i > 0 && ws[i - 1].text.eq_ignore_ascii_case("the");
        let group_context = ws[i.saturating_sub(3)..(end + 3).min(ws.len())]
            .iter()
            .any(|w| GROUP_CONTEXT.contains(&w.text.to_lowercase().as_str()));
        let acronym = ws.get(end).and_then(|w| {
            let raw = text.get(w.range.start.saturating_sub(1)..w.range.end + 1)?;
            let inner = raw.strip_prefix('(')?.strip_suffix(')')?;
            (inner.len() >= 2 && inner.chars().all(|c| c.is_ascii_uppercase())).then(|| inner.to_string())
        });
        found.extend(classify(text, &ws[i..end], with_the, group_context, acronym));
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

/// Every run of name words in a sentence, titles split off.
pub fn name_runs(text: &str, sentence: Range<usize>, inside: &HashSet<String>) -> Vec<NameRun> {
    let ws = words(text, sentence);
    let mut runs = Vec::new();
    for (i, end) in name_spans(text, &ws, inside) {
        let (run, _) = without_article(&ws[i..end]);
        let (role, name) = match title_split(run) {
            Some(t) => {
                let role_range = run[0].range.start..run[t].range.end;
                let role = text.get(role_range.clone()).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
                (Some((role, role_range)), &run[t + 1..])
            }
            None => (None, run),
        };
        if let (Some(a), Some(b)) = (name.first(), name.last()) {
            let range = a.range.start..b.range.end;
            let written = text.get(range.clone()).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
            runs.push(NameRun { name: written, range, role });
        }
    }
    runs
}

/// Where the title ends in a run that starts with one: the index of its last word. A title may
/// go on with `of` (`Secretary of State Marco Rubio`, `Minister of Foreign Affairs Ana Pérez`),
/// leaving the last two words for the name.
fn title_split(run: &[Word]) -> Option<usize> {
    let mut t = run.iter().rposition(|w| TITLES.contains(&w.text))?;
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

/// The title words of a role: `U.S. Defense Secretary` -> `Secretary`.
pub fn title_words(role: &str) -> Vec<&str> {
    role.split_whitespace().filter(|w| TITLES.contains(w)).collect()
}

/// The words of a role that say which office (`Defense`, `Foreign`), leaving out titles and
/// nationalities.
pub fn office_words(role: &str) -> Vec<&str> {
    role.split_whitespace()
        .filter(|w| !TITLES.contains(w) && !is_demonym(w) && !w.contains('.') && capitalised(w))
        .collect()
}

/// The end (exclusive) of the run of name words starting at `i`, if one starts there.
fn name_run(ws: &[Word], i: usize, inside: &HashSet<String>) -> Option<usize> {
    let first = &ws[i];
    if !capitalised(first.text) && !is_code(first.text) {
        return None;
    }
    // `April 16` is a date, not a name.
    if crate::extract::units::month(&first.text.trim_end_matches('.').to_lowercase()).is_some() {
        return None;
    }
    if i == 0 && (NEVER_NAMES.contains(&first.text) || !inside.contains(first.text)) {
        // A capital that only opens the sentence says nothing; a run that goes on may still be
        // a name (`Task Force Trident seized ...`).
        if ws.get(1).is_none_or(|w| !capitalised(w.text)) || NEVER_NAMES.contains(&first.text) {
            return None;
        }
    }
    let mut end = i + 1;
    let mut has_connector = false;
    while end < ws.len() && !ws[end - 1].ends_name {
        let w = ws[end].text;
        let keyword = FACILITY_WORDS.contains(&w) || ORGANISATION_WORDS.contains(&w);
        if ws[end - 1].possessive && !keyword {
            break;
        }
        if capitalised(w) || is_code(w) || (w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 4 && end == i + 1) {
            end += 1;
        } else if CONNECTORS.contains(&w) && ws.get(end + 1).is_some_and(|n| capitalised(n.text)) {
            // `and` joins only inside an `X of Y and Z` name, never `MS-13 and Barrio 18`.
            if (w == "and" && !has_connector) || (w == "the" && !has_connector) {
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

fn classify(text: &str, run: &[Word], with_the: bool, group_context: bool, acronym: Option<String>) -> Option<Named> {
    let (run, had_article) = without_article(run);
    let with_the = with_the || had_article;
    let first = run.first()?;
    let last = run.last()?;
    if is_demonym(last.text) && !ORGANISATION_WORDS.contains(&last.text) {
        return None;
    }
    // A name broken over two lines is still one name.
    let join = |ws: &[Word]| -> String {
        let (Some(a), Some(b)) = (ws.first(), ws.last()) else { return String::new() };
        text.get(a.range.start..b.range.end).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let make = |ws: &[Word], kind, role: Option<String>| -> Option<Named> {
        let (a, b) = (ws.first()?, ws.last()?);
        Some(Named {
            name: join(ws),
            kind,
            role,
            with_the,
            acronym: acronym.clone(),
            range: a.range.start..b.range.end,
            role_range: None,
        })
    };
    if first.text == "Operation" && run.len() > 1 {
        return make(run, EntityKind::Operation, None);
    }
    if let Some(t) = title_split(run) {
        let name = &run[t + 1..];
        if !name.is_empty() && name.iter().all(|w| capitalised(w.text) && !is_code(w.text)) {
            let mut named = make(name, EntityKind::Person, Some(join(&run[..=t])))?;
            named.role_range = Some(run[0].range.start..run[t].range.end);
            return Some(named);
        }
    }
    let texts: Vec<&str> = run.iter().map(|w| w.text).collect();
    let name = join(run);
    if FACILITY_WORDS.contains(&last.text) {
        return make(run, EntityKind::Facility, None);
    }
    if texts.windows(2).any(|p| p == ["Task", "Force"]) || texts.iter().any(|w| ORGANISATION_WORDS.contains(w)) {
        return make(run, EntityKind::Organisation, None);
    }
    if texts.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return make(run, EntityKind::Group, None);
    }
    if is_known_place(&name) || is_known_place(name.trim_start_matches("the ")) {
        return make(run, EntityKind::Place, None);
    }
    if run.len() == 1 {
        let w = first.text;
        if w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) {
            return make(run, EntityKind::Organisation, None);
        }
        if is_demonym(w) {
            return None;
        }
        if group_context {
            return make(run, EntityKind::Group, None);
        }
        return None;
    }
    if run.iter().any(|w| matches!(w.text, "El" | "La" | "Los" | "Las" | "San" | "Santa" | "New" | "Port" | "Saint")) {
        return make(run, EntityKind::Place, None);
    }
    if matches!(first.text, "North" | "South" | "East" | "West" | "Central" | "Latin") {
        return make(run, EntityKind::Place, None);
    }
    if group_context {
        return make(run, EntityKind::Group, None);
    }
    let looks_like_person = (2..=5).contains(&run.len())
        && run
            .iter()
            .all(|w| capitalised(w.text) && w.text.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''));
    looks_like_person.then(|| make(run, EntityKind::Person, None)).flatten()
}

/// `Salvadoran`, `Americans`, `Chinese`: words for peoples, not entities.
fn is_demonym(word: &str) -> bool {
    ["an", "ans", "ese", "ish", "ians", "ean", "eans", "i", "is"].iter().any(|s| word.ends_with(s)) && word.len() > 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(sentence: &str) -> Vec<(String, EntityKind, Option<String>)> {
        let inside = names_inside_sentences(sentence, &[0..sentence.len()]);
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
