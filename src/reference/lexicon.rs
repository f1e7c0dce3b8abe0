//! The word lists the entity finder reads as evidence: given names, demonyms and the head words
//! of titles. Each list is one data file under `data/`, read into a set once.

use std::collections::HashSet;
use std::sync::OnceLock;

const GIVEN_NAMES: &str = include_str!("data/given_names.txt");
const DEMONYMS: &str = include_str!("data/demonyms.txt");
const TITLE_HEADS: &str = include_str!("data/titles.txt");

/// The lines of a data file that are entries: not blank, not a `#` comment.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(cell: &'static OnceLock<HashSet<&'static str>>, data: &'static str) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| entries(data).collect())
}

/// `Marie`, `Huw`, `Kenta`: a given name, as written (capitalised).
pub fn is_given_name(word: &str) -> bool {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set(&CELL, GIVEN_NAMES).contains(word)
}

/// `Salvadoran`, `Americans`, `Chinese`: a word for a people, not an entity. Only words on the
/// list count, so `Kaplan`, `Harris` or `Rossi` are not taken for one.
pub fn is_demonym(word: &str) -> bool {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set(&CELL, DEMONYMS).contains(word)
}

/// Abbreviated titles and the head word each stands for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("Gov.", "governor"),
    ("Sen.", "senator"),
    ("Rep.", "representative"),
    ("Gen.", "general"),
    ("Adm.", "admiral"),
    ("Col.", "colonel"),
    ("Capt.", "captain"),
    ("Cmdr.", "commander"),
    ("Lt.", "lieutenant"),
    ("Maj.", "major"),
    ("Sgt.", "sergeant"),
    ("Prof.", "professor"),
    ("Supt.", "superintendent"),
    ("Insp.", "inspector"),
    ("Det.", "detective"),
    ("Amb.", "ambassador"),
    ("Atty.", "attorney"),
];

/// Words that show courtesy or rank in society, not an office: they stand before a name but are
/// no role to compare.
const HONORIFICS: &[&str] =
    &["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Miss", "Dr.", "Dr", "Sir", "Dame", "Lord", "Lady"];

/// Words that go with a title head to make a title but are no head of their own.
const TITLE_MODIFIERS: &[&str] = &[
    "vice",
    "prime",
    "deputy",
    "assistant",
    "associate",
    "acting",
    "interim",
    "senior",
    "junior",
    "former",
    "chief",
    "executive",
    "managing",
    "emeritus",
    "lead",
    "principal",
    "first",
    "co",
];

/// The head word a title word stands for, lower case: `Treasurer` -> `treasurer`, `Gov.` ->
/// `governor`, `secretary-general` -> `secretary-general`. `None` for other words.
pub fn title_head(word: &str) -> Option<String> {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let heads = set(&CELL, TITLE_HEADS);
    if let Some((_, head)) = ABBREVIATIONS.iter().find(|(a, _)| *a == word) {
        return Some((*head).to_string());
    }
    let lower = word.to_lowercase();
    if heads.contains(lower.as_str()) {
        return Some(lower);
    }
    // `co-founder`, `secretary-general`, `police-chief`: a hyphenated word with a head in it.
    if lower.contains('-') && lower.split('-').any(|p| heads.contains(p)) {
        return Some(lower);
    }
    None
}

/// `Mr.`, `Dr.`, `Sir`: a courtesy before a name.
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word)
}

/// A word that may stand in a title before its head: `Vice`, `deputy`, `Prime`, `interim`.
pub fn is_title_modifier(word: &str) -> bool {
    TITLE_MODIFIERS.contains(&word.to_lowercase().as_str())
}

/// A word that makes a title: a head, an abbreviated title, a modifier or an honorific.
pub fn is_title_word(word: &str) -> bool {
    title_head(word).is_some() || is_title_modifier(word) || is_honorific(word)
}

/// Words that mark the lower ranks of an office: `Deputy Governor` is not `Governor`.
pub fn is_deputy_word(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "deputy" | "vice" | "assistant" | "under")
}

/// Heads that name the same job.
fn synonym(head: &str) -> &str {
    match head {
        "chairman" | "chairwoman" | "chairperson" => "chair",
        "spokesman" | "spokeswoman" => "spokesperson",
        "ceo" => "chief executive",
        "cfo" => "chief financial officer",
        "coo" => "chief operating officer",
        "cto" => "chief technology officer",
        "advisor" => "adviser",
        "councilor" | "councilman" | "councilwoman" => "councillor",
        "congressman" | "congresswoman" | "congressmember" => "representative",
        "keeper" => "goalkeeper",
        "co-founder" | "cofounder" => "founder",
        "full-back" => "fullback",
        "center-back" => "centre-back",
        "headmaster" | "headmistress" => "headteacher",
        "vice-president" => "president",
        "vice-chair" => "chair",
        "under-secretary" | "undersecretary" => "secretary",
        other => other,
    }
}

/// What a role says a person is, to compare two roles: its head (`chief executive`, `defender`,
/// `attorney general`) and whether it is a deputy's rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleKey {
    pub head: String,
    pub deputy: bool,
}

/// The key of a role, if it has a title head: `Deputy Governor` -> (`governor`, deputy),
/// `Toyota's chief financial officer` -> (`chief financial officer`), `CEO` -> (`chief executive`).
pub fn title_key(role: &str) -> Option<TitleKey> {
    let words: Vec<&str> = role.split_whitespace().collect();
    let heads: Vec<Option<String>> = words.iter().map(|w| title_head(w)).collect();
    let k = heads.iter().rposition(Option::is_some)?;
    let head = heads.get(k).cloned().flatten()?;
    let lower = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    let before = |n: usize| k.checked_sub(n).map(lower).unwrap_or_default();
    let head = match head.as_str() {
        "executive" if before(1) == "chief" => "chief executive".to_string(),
        "officer" if before(2) == "chief" && before(1) == "executive" => "chief executive".to_string(),
        "officer" if before(2) == "chief" => format!("chief {} officer", before(1)),
        "general" if k > 0 && heads.get(k - 1).is_some_and(Option::is_some) => format!("{} general", before(1)),
        other => synonym(other).to_string(),
    };
    let deputy = words.iter().take(k + 1).any(|w| is_deputy_word(w) || w.to_lowercase().starts_with("vice-"));
    Some(TitleKey { head, deputy })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_and_unique() {
        for data in [GIVEN_NAMES, DEMONYMS, TITLE_HEADS] {
            let list: Vec<&str> = entries(data).collect();
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn surnames_that_end_like_demonyms_are_no_demonyms() {
        for surname in ["Kaplan", "Harris", "Rossi", "Bondi", "Benedetti", "Kowalski", "Gerais"] {
            assert!(!is_demonym(surname), "{surname}");
        }
        for people in ["Salvadoran", "Americans", "Chinese", "Israelis", "British"] {
            assert!(is_demonym(people), "{people}");
        }
    }

    #[test]
    fn roles_reduce_to_a_head_and_a_rank() {
        let key = |r: &str| title_key(r).map(|k| (k.head, k.deputy));
        assert_eq!(key("Deputy Governor"), Some(("governor".to_string(), true)));
        assert_eq!(key("the bank's chief economist"), Some(("economist".to_string(), false)));
        assert_eq!(key("Chief Executive"), Some(("chief executive".to_string(), false)));
        assert_eq!(key("chief executive officer"), Some(("chief executive".to_string(), false)));
        assert_eq!(key("CEO"), Some(("chief executive".to_string(), false)));
        assert_eq!(key("chief financial officer"), Some(("chief financial officer".to_string(), false)));
        assert_eq!(key("Attorney General"), Some(("attorney general".to_string(), false)));
        assert_eq!(key("Gov."), Some(("governor".to_string(), false)));
        assert_eq!(key("Mr."), None);
    }
}
