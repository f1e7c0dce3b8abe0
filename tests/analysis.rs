//! One analysis of a draft answers every view of it: the status of each figure agrees with the
//! findings `stet check` reports, the tally is the sum of the figures, and after an edit every
//! figure, name and citation key is found where it now stands.

#[path = "support/reference.rs"]
mod support;

use stet::check::{Against, CheckConfig, DraftCache, Thing};
use stet::reference::{Index, Library};

const SOURCE: &str = "---\nkey: ledger\ntitle: Harbour ledger\n---\n\
The port handled 41,500 containers in 2023. Harbour master Ilse Varga said 312 ships docked.\n";

fn reference() -> (Library, Index) {
    support::reference_of([SOURCE.to_string()])
}

const DRAFT: &str = "# Port\n\n\
The port handled 41,500 containers in 2023 [@ledger].\n\n\
Harbour master Ilse Varga said 350 ships docked [@ledger].\n\n\
A further 90 cranes arrived.\n";

fn status_of(analysis: &stet::check::Analysis, text: &str, written: &str) -> &'static str {
    let at = text.find(written).unwrap();
    match analysis.at(at) {
        Some(Thing::Figure(f)) => f.standing.status.as_str(),
        other => panic!("no figure at {written}: {other:?}"),
    }
}

#[test]
fn each_figure_stands_as_its_findings_say_and_the_tally_sums_them() {
    let (library, index) = reference();
    let config = CheckConfig::default();
    let analysis = stet::check::analyse(DRAFT, &Against::new(&library, &index, &config));
    assert_eq!(status_of(&analysis, DRAFT, "41,500"), "matched");
    assert_eq!(status_of(&analysis, DRAFT, "350"), "conflicting");
    assert_eq!(status_of(&analysis, DRAFT, "90"), "unsourced");
    let findings = analysis.findings();
    for figure in analysis.figures() {
        let on = |code: &str| findings.iter().any(|f| f.code == code && f.range == figure.figure.range);
        assert_eq!(on("conflicting-figure"), figure.standing.conflicting, "{figure:?}");
        assert_eq!(on("unsourced-figure"), figure.standing.unsourced, "{figure:?}");
    }
    let tally = analysis.tally();
    assert_eq!((tally.figures, tally.verified, tally.conflicting, tally.unsourced), (4, 2, 1, 1), "{tally:?}");
    assert_eq!(tally.supported_by("ledger"), 2);
}

#[test]
fn after_an_edit_everything_is_found_where_it_now_stands() {
    let (library, index) = reference();
    let config = CheckConfig::default();
    let against = Against { id: 1, library: &library, index: &index, config: &config };
    let mut cache = DraftCache::default();
    cache.check(DRAFT, &against, &|| false).unwrap();
    let edited = DRAFT.replace("# Port\n", "# The port of the north\n\nA new opening paragraph.\n");
    let analysis = cache.check(&edited, &against, &|| false).unwrap();
    assert_eq!(analysis.fresh, 2, "only the heading and the new paragraph are checked");
    assert_eq!(status_of(&analysis, &edited, "350"), "conflicting");
    let name = edited.find("Ilse").unwrap();
    match analysis.at(name + 2) {
        Some(Thing::Name(n)) => assert_eq!(&edited[n.range], "Ilse Varga"),
        other => panic!("no name: {other:?}"),
    }
    let key = edited.rfind("@ledger").unwrap();
    match analysis.at(key + 2) {
        Some(Thing::Citation(c)) => assert_eq!(c.key, "ledger"),
        other => panic!("no citation key: {other:?}"),
    }
    // The key leads to the fact its own sentence's figure matched.
    let place = analysis.definition(key + 2, &library, &index).unwrap();
    assert!(place.message.contains("312"), "{place:?}");
    let figures: Vec<String> = analysis.figures().map(|f| edited[f.figure.range].to_string()).collect();
    assert_eq!(figures, ["41,500", "2023", "350", "90"].map(String::from));
}
