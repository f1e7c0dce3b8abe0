//! Names and titles in drafts against three source texts of our own (a grape harvest, a hospital
//! wing, a town election), whose people, places and bodies are invented: a table of draft
//! sentences and the `misspelled-entity` and `conflicting-role` findings each should get.
//!
//! Each case lists the findings as `code 'text'`, where text is what the finding's range covers,
//! joined by `; `, or `none`.

use std::sync::Arc;

use stet::check::{analyse, Against, CheckConfig};
use stet::reference::{build_dataset, Dataset, EntityKind, Index, Library, Origin, Source};

const SOURCES: [&str; 3] = ["names-harvest.md", "names-hospital.md", "names-election.md"];

fn datasets() -> Vec<Dataset> {
    SOURCES
        .iter()
        .map(|file| {
            let path = format!("{}/tests/fixtures/sources/{file}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap();
            build_dataset(None, "s", &text).unwrap()
        })
        .collect()
}

fn reference() -> (Library, Index) {
    let mut library = Library::default();
    let mut all = Vec::new();
    for dataset in datasets() {
        library.insert(Source::bare(dataset.source.key.clone(), Origin::Text));
        all.push(Arc::new(dataset));
    }
    (library, Index::build(all))
}

fn findings(library: &Library, index: &Index, text: &str) -> String {
    let found: Vec<String> = analyse(text, &Against::new(library, index, &CheckConfig::default()))
        .findings()
        .iter()
        .filter(|f| matches!(f.code, "misspelled-entity" | "conflicting-role"))
        .map(|f| format!("{} '{}'", f.code, &text[f.range.clone()]))
        .collect();
    if found.is_empty() {
        "none".to_string()
    } else {
        found.join("; ")
    }
}

fn table(cases: &[(&str, &str)]) {
    let (library, index) = reference();
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let found = findings(&library, &index, text);
        if found != *expected {
            failures.push(format!("{text:?}\n    expected: {expected}\n    found:    {found}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

const MISSPELLED: &str = "misspelled-entity";
const ROLE: &str = "conflicting-role";

#[test]
fn surnames_that_end_like_demonyms_are_names() {
    let m = |t: &str| format!("{MISSPELLED} '{t}'");
    table(&[
        ("Picking began under Tomasz Kowalsky, the town treasurer [@valley-post-2024-09].", &m("Tomasz Kowalsky")),
        ("Ilaria Benedeti expects a larger crop [@valley-post-2024-09].", &m("Ilaria Benedeti")),
        ("The grower Marco Rosi has farmed for decades [@valley-post-2024-09].", &m("Marco Rosi")),
        ("The festival is run by Teodor Albanesi this year [@valley-post-2024-09].", &m("Teodor Albanesi")),
        ("The sitting mayor, Dario Bondy, won 39% [@northern-ledger-2024-05].", &m("Dario Bondy")),
        ("The wing is led by Dr. Nadia Harris [@lakeside-herald-2024-02].", &m("Nadia Harris")),
        ("The press office is run by Colm Brenan [@lakeside-herald-2024-02].", &m("Colm Brenan")),
        ("Marco Rossi and Dario Bondi were both quoted [@valley-post-2024-09].", "none"),
    ]);
}

#[test]
fn surnames_alone_are_checked_against_known_people() {
    let m = |t: &str| format!("{MISSPELLED} '{t}'");
    table(&[
        ("Kowalsky said the festival would cost 85,000 euros [@valley-post-2024-09].", &m("Kowalsky")),
        ("A second wing is planned, Harris said [@lakeside-herald-2024-02].", &m("Harris")),
        ("A second wing is planned, Haris said [@lakeside-herald-2024-02].", "none"),
        ("The count was certified by Okonkwo [@northern-ledger-2024-05].", "none"),
    ]);
}

#[test]
fn places_from_datelines_lists_and_prepositions() {
    let m = |t: &str| format!("{MISSPELLED} '{t}'");
    table(&[
        ("The harvest began early in Trescalla [@valley-post-2024-09].", &m("Trescalla")),
        ("Pickers came from Montesca, Pelaro and Vosti [@valley-post-2024-09].", &m("Pelaro")),
        ("TRESCALA, Norvania — Picking began early [@valley-post-2024-09].", "none"),
        ("The new wing opened in Ashwick on Monday [@lakeside-herald-2024-02].", "none"),
    ]);
}

#[test]
fn titles_are_read_in_any_case_before_and_after_the_name() {
    let r = |t: &str| format!("{ROLE} '{t}'");
    table(&[
        // A lower-case title in the source, a different one in the draft.
        ("Town mayor Tomasz Kowalski gave the cost [@valley-post-2024-09].", &r("Town mayor")),
        ("Deputy treasurer Tomasz Kowalski gave the cost [@valley-post-2024-09].", &r("Deputy treasurer")),
        ("The cost was given by town treasurer Tomasz Kowalski [@valley-post-2024-09].", "none"),
        // A title after the name, between commas, in the source and in the draft.
        ("Ilaria Benedetti, the co-operative's president, expects more [@valley-post-2024-09].", &r("president")),
        ("Ilaria Benedetti, the general manager, expects more [@valley-post-2024-09].", "none"),
        ("Greta Halvorsen, the city clerk, gave the turnout [@northern-ledger-2024-05].", &r("city clerk")),
        ("Spokesman Colm Brennan gave the waiting times [@lakeside-herald-2024-02].", &r("Spokesman")),
        ("Dr. Nadia Haris, the chief executive, spoke [@lakeside-herald-2024-02].", &r("chief executive")),
        ("Dr. Nadia Haris spoke at the opening [@lakeside-herald-2024-02].", "none"),
        // A title glued into the name.
        ("Brevik County Clerk Ana Ruiz signed the loan [@lakeside-herald-2024-02].", &r("Brevik County Clerk")),
        ("Brevik County Treasurer Ana Ruiz signed the loan [@lakeside-herald-2024-02].", "none"),
        ("Magistrate Emeka Okonkwo certified the count [@northern-ledger-2024-05].", &r("Magistrate")),
        // The source gives no title: nothing contradicts the draft's.
        ("Mayor Petra Lindqvist won 54% [@northern-ledger-2024-05].", "none"),
    ]);
}

#[test]
fn apostrophes_and_calendar_words_are_no_misspellings() {
    table(&[
        ("Siobhan O'Dowd is a nurse on the ward [@lakeside-herald-2024-02].", "none"),
        ("The Fishermen's Guild of Calvaro shares the grounds [@valley-post-2024-09].", "none"),
        ("Pickers now work on Saturdays [@valley-post-2024-09].", "none"),
        ("Pickers filled 900 crates between Saturday and Monday [@valley-post-2024-09].", "none"),
    ]);
}

#[test]
fn sources_name_people_places_and_bodies_of_the_right_kind() {
    let all = datasets();
    let kind =
        |name: &str| all.iter().flat_map(|d| &d.entities).find(|e| e.name == name).map(|e| (e.kind, e.roles.clone()));
    let person = |role: &str| Some((EntityKind::Person, vec![role.to_string()]));
    assert_eq!(kind("Trescala"), Some((EntityKind::Place, vec![])), "a dateline is a place");
    assert_eq!(kind("Ashwick"), Some((EntityKind::Place, vec![])));
    assert_eq!(kind("Vosti"), Some((EntityKind::Place, vec![])));
    assert_eq!(kind("Marco Rossi"), Some((EntityKind::Person, vec![])));
    assert_eq!(kind("Tomasz Kowalski"), person("Town treasurer"));
    assert_eq!(kind("Nadia Haris"), person("medical director"));
    assert_eq!(kind("Colm Brennan"), person("press officer"));
    assert_eq!(kind("Ana Ruiz"), person("Brevik County Treasurer"));
    assert_eq!(kind("Jane Adeyemi"), person("deputy treasurer"));
    assert_eq!(kind("TRESCALA"), None);
    assert_eq!(kind("Between Saturday"), None);
}
