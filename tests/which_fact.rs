//! Which fact a draft's figure speaks about, on text unlike the examples: six source texts of our
//! own on six topics (a harvest, a wildfire season, a marathon told by two outlets, hospital
//! waiting times, a drought), the sources of `tests/eval/general`, and draft sentences of our own
//! grouped by what used to go wrong.
//!
//! Each case lists, for every claim in the sentence, `text:outcome` where the outcome is `ok`
//! (matched a fact of a cited source and agrees), `conflict VALUE` (matched the fact the source
//! writes as VALUE and disagrees), `elsewhere` (agrees only with a source the sentence does not
//! cite) or `none`.

#[path = "support/reference.rs"]
mod support;

use stet::check::matching::match_figures;
use stet::check::{CheckConfig, Context};
use stet::extract::read_draft;
use stet::reference::{Index, Library};

fn reference() -> (Library, Index) {
    support::reference_of(support::texts_in("tests/eval/general/sources"))
}

fn outcomes(library: &Library, index: &Index, text: &str) -> String {
    let draft = read_draft(text);
    let config = CheckConfig::default();
    let cx = Context::new(text, &draft, library, index, &config);
    let matches = match_figures(&cx);
    draft
        .figures
        .iter()
        .zip(&matches)
        .filter(|(f, _)| f.kind.is_claim() && !f.period)
        .map(|(f, m)| {
            let outcome = match m {
                Some(m) if m.agrees && m.cited => "ok".to_string(),
                Some(m) if m.agrees => "elsewhere".to_string(),
                Some(m) => format!("conflict {}", index.fact(m.fact).unwrap().1.text),
                None => "none".to_string(),
            };
            format!("{}:{outcome}", &text[f.range.clone()])
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Rows of `(sentence, expected outcomes)`; every row is checked and all that differ reported.
fn table(rows: &[(&str, &str)]) {
    let (library, index) = reference();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(text, expected)| {
            let found = outcomes(&library, &index, text);
            (found != *expected).then(|| format!("{text:?}\n    expected: {expected}\n    found:    {found}"))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} rows differ:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

#[test]
fn a_cited_figure_is_judged_by_what_its_note_cites() {
    table(&[
        // The two outlets count the starters differently: each is judged against its own.
        ("The race drew 16,050 starters [@harborpost-marathon-2024-04-21].", "16,050:ok"),
        // Too little ties the figure to the Courier's count; the Harbor Post's is offered instead.
        ("The race drew 16,050 starters [@valleycourier-marathon-2024-04-22].", "16,050:elsewhere"),
        ("The race drew 15,320 starters [@valleycourier-marathon-2024-04-22].", "15,320:ok"),
        // Two notes in one sentence: each figure takes the note that follows it.
        (
            "The Harbor Post counted 16,050 starters [@harborpost-marathon-2024-04-21] and the Courier 15,320 [@valleycourier-marathon-2024-04-22].",
            "16,050:ok; 15,320:ok",
        ),
        // A figure only another source holds is no conflict with the one cited.
        ("Runners came from 61 countries [@valleycourier-marathon-2024-04-22].", "61:elsewhere"),
    ]);
}

#[test]
fn a_neighbouring_fact_of_the_same_unit_does_not_win() {
    table(&[
        ("Soybeans averaged 54 bushels an acre [@plainsledger-harvest-2024-11-12].", "54:ok"),
        ("Soybeans averaged 58 bushels an acre [@plainsledger-harvest-2024-11-12].", "58:conflict 54"),
        ("Wheat averaged 58 bushels an acre [@plainsledger-harvest-2024-11-12].", "58:ok"),
        // 225,000 acres is what the office projected, not what was harvested.
        (
            "Growers harvested corn on 225,000 acres [@plainsledger-harvest-2024-11-12].",
            "225,000 acres:conflict 222,500 acres",
        ),
        ("Growers harvested corn on 222,500 acres [@plainsledger-harvest-2024-11-12].", "222,500 acres:ok"),
        // The old figure of a change is not contradicted by the new one stated beside it.
        ("Fires rose to 612, up from 548 in 2023 [@ridgeline-wildfire-2024-10-29].", "612:ok; 548:ok; 2023:ok"),
    ]);
}

#[test]
fn the_same_digits_in_another_measure_or_scale_are_the_fact_misstated() {
    table(&[
        (
            "Reservoirs were 23 percentage points below average [@basinherald-reservoir-2024-08-19].",
            "23 percentage points:ok",
        ),
        ("Reservoirs were 23% below average [@basinherald-reservoir-2024-08-19].", "23%:conflict 23 percentage points"),
        ("The company will spend up to £4m on repairs [@basinherald-reservoir-2024-08-19].", "£4m:ok"),
        ("The company will spend up to £4bn on repairs [@basinherald-reservoir-2024-08-19].", "£4bn:conflict £4m"),
    ]);
}

#[test]
fn figures_written_as_reporters_write_them_agree() {
    table(&[
        ("Ashgrove residents were kept out for three days [@ridgeline-wildfire-2024-10-29].", "three days:ok"),
        (
            "Crews held eight in ten fires to under 10 acres [@ridgeline-wildfire-2024-10-29].",
            "eight in ten:ok; 10 acres:ok",
        ),
        ("About one in five patients waited for orthopaedic care [@northgazette-waits-2024-06-12].", "one in five:ok"),
        ("More than half of cancer patients began treatment in time [@northgazette-waits-2024-06-12].", "half:ok"),
        (
            "Tebesi won in two hours, eight minutes and 31 seconds [@harborpost-marathon-2024-04-21].",
            "two hours, eight minutes and 31 seconds:ok",
        ),
        ("The 31-year-old broke the record [@valleycourier-marathon-2024-04-22].", "31-year-old:ok"),
    ]);
}

#[test]
fn rounding_and_hedges_keep_their_bounds() {
    table(&[
        // `nearly` stays just under its value: a five-year plan does not run for `nearly four years`.
        ("The plan runs for nearly four years [@basinherald-reservoir-2024-08-19].", "four years:conflict five-year"),
        (
            "The company has a five-year plan worth £1.2bn [@basinherald-reservoir-2024-08-19].",
            "five-year:ok; £1.2bn:ok",
        ),
        // A small round figure agrees with a nearby value only as weak evidence.
        ("The district hired 140 seasonal crew members [@ridgeline-wildfire-2024-10-29].", "140:none"),
    ]);
}
