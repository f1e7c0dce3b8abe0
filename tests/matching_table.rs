//! Which fact a draft's figure speaks about, and whether it agrees: a table of draft sentences
//! of our own against three source texts of our own on different topics (a city budget, a
//! measles outbreak, a dock strike).
//!
//! Each case lists, for every claim in the sentence, `text:outcome` where the outcome is `ok`
//! (matched a fact and agrees), `conflict VALUE` (matched the fact the source writes as VALUE and
//! disagrees) or `none` (the reference does not cover it).

#[path = "support/reference.rs"]
mod support;

use stet::check::matching::match_figures;
use stet::check::{CheckConfig, Context};
use stet::extract::read_draft;
use stet::reference::{Index, Library};

fn reference() -> (Library, Index) {
    let files = ["riverton-budget.md", "measles-report.md", "harbour-strike.md"];
    let read = |file: &str| {
        std::fs::read_to_string(format!("{}/tests/fixtures/sources/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    support::reference_of(files.map(read))
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
            let written = &text[f.range.clone()];
            let outcome = match m {
                Some(m) if m.agrees => "ok".to_string(),
                Some(m) => format!("conflict {}", index.fact(m.fact).unwrap().1.text),
                None => "none".to_string(),
            };
            format!("{written}:{outcome}")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn table(cases: &[(&str, &str)]) {
    let (library, index) = reference();
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let found = outcomes(&library, &index, text);
        if found != *expected {
            failures.push(format!("{text:?}\n    expected: {expected}\n    found:    {found}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

const R: &str = "[@riverton-ledger-2024-03-02]";
const M: &str = "[@northern-health-2024-07]";
const H: &str = "[@coastal-times-2023-11]";

#[test]
fn restatements_agree() {
    let rows = [
        (format!("The council approved a $48.5 million transit budget {R}."), "$48.5 million:ok"),
        (format!("Riverton's transit budget now stands at $48.5 million {R}."), "$48.5 million:ok"),
        (format!("The budget was $41 million a year earlier {R}."), "$41 million:ok"),
        (format!("Bus ridership rose 12% in 2023 {R}."), "12%:ok; 2023:ok"),
        (format!("Ridership grew by 12 percent in 2023 {R}."), "12 percent:ok; 2023:ok"),
        (format!("Buses carried 3.4 million trips in 2023 {R}."), "3.4 million:ok; 2023:ok"),
        (format!("The authority will buy 18 electric buses by 2026 {R}."), "18:ok; 2026:ok"),
        (format!("It plans to hire about 150 drivers by 2026 {R}."), "150:ok; 2026:ok"),
        (format!("Fares will rise by 25 cents {R}."), "25 cents:ok"),
        (format!("The board recorded 1,240 measles cases in the first six months of 2024 {M}."), "1,240:ok; 2024:ok"),
        (format!("There were 310 measles cases in all of 2022 {M}."), "310:ok; 2022:ok"),
        (format!("Two-thirds of the patients were children {M}."), "Two-thirds:ok"),
        (format!("Vaccination coverage fell to 87 percent {M}."), "87 percent:ok"),
        (format!("Coverage of 95 percent is needed to stop outbreaks {M}."), "95 percent:ok"),
        (format!("St. Brigid's Hospital treated more than 400 patients {M}."), "400:ok"),
        (format!("At least 3 children died {M}."), "3:ok"),
        (format!("The minister promised 2.5 million euros for the campaign {M}."), "2.5 million euros:ok"),
        (format!("The strike lasted 11 days {H}."), "11 days:ok"),
        (format!("Workers won a 7.5% pay rise {H}."), "7.5%:ok"),
        (format!("About 2,300 workers walked out {H}."), "2,300:ok"),
        (format!("The strike left 41 container ships waiting offshore {H}."), "41:ok"),
        (format!("Exporters lost an estimated 120 million euros {H}."), "120 million euros:ok"),
        (format!("Throughput fell to 310,000 containers in the third quarter of 2023 {H}."), "310,000:ok; 2023:ok"),
        (format!("A year earlier the port handled 455,000 containers {H}."), "455,000:ok"),
        (
            format!("Eighty-four thousand is not in any source, but 41 ships were stuck {H}."),
            "Eighty-four thousand:none; 41:ok",
        ),
    ];
    let cases: Vec<(&str, &str)> = rows.iter().map(|(text, expected)| (text.as_str(), *expected)).collect();
    table(&cases);
}

#[test]
fn wrong_values_conflict() {
    let rows = [
        (format!("The council approved a $58.5 million transit budget {R}."), "$58.5 million:conflict $48.5 million"),
        (format!("The budget was $31 million a year earlier {R}."), "$31 million:conflict $41 million"),
        (format!("Bus ridership rose 21% in 2023 {R}."), "21%:conflict 12%; 2023:ok"),
        (format!("Buses carried 4.3 million trips in 2023 {R}."), "4.3 million:conflict 3.4 million; 2023:ok"),
        (format!("The authority will buy 80 electric buses by 2026 {R}."), "80:conflict 18; 2026:ok"),
        (format!("It plans to hire about 500 drivers by 2026 {R}."), "500:conflict 150; 2026:ok"),
        (format!("Fares will rise by 75 cents {R}."), "75 cents:conflict 25 cents"),
        (
            format!("The board recorded 2,140 measles cases in the first six months of 2024 {M}."),
            "2,140:conflict 1,240; 2024:ok",
        ),
        (format!("There were 130 measles cases in all of 2022 {M}."), "130:conflict 310; 2022:ok"),
        (format!("Vaccination coverage fell to 78 percent {M}."), "78 percent:conflict 87 percent"),
        (format!("St. Brigid's Hospital treated more than 4,000 patients {M}."), "4,000:conflict 400"),
        (format!("At least 30 children died {M}."), "30:conflict 3"),
        (
            format!("The minister promised 5.2 million euros for the campaign {M}."),
            "5.2 million euros:conflict 2.5 million euros",
        ),
        (format!("Workers won a 5.7% pay rise {H}."), "5.7%:conflict 7.5%"),
        (format!("About 3,200 workers walked out {H}."), "3,200:conflict 2,300"),
        (format!("The strike left 14 container ships waiting offshore {H}."), "14:conflict 41"),
        (format!("Exporters lost an estimated 210 million euros {H}."), "210 million euros:conflict 120 million euros"),
        (
            format!("Throughput fell to 130,000 containers in the third quarter of 2023 {H}."),
            "130,000:conflict 310,000; 2023:ok",
        ),
        (format!("The strike lasted 15 days {H}."), "15 days:conflict 11-day"),
        (format!("The deal brought a pay rise of nearly 7.5% {H}."), "7.5%:ok"),
        (format!("Three children died of measles {M}."), "Three:ok"),
        (format!("Five children died {M}."), "Five:conflict 3"),
        (format!("Ridership rose 12% in 2021 {R}."), "12%:ok; 2021:conflict 2023"),
        (format!("The board counted 1,240 measles cases in all of 2022 {M}."), "1,240:conflict 310; 2022:ok"),
        (format!("Half of the patients were children {M}."), "Half:conflict two-thirds"),
    ];
    let cases: Vec<(&str, &str)> = rows.iter().map(|(text, expected)| (text.as_str(), *expected)).collect();
    table(&cases);
}

#[test]
fn hedges_and_rounding() {
    let rows = [
        (format!("The budget is about $48 million {R}."), "$48 million:ok"),
        (format!("The budget tops $48 million {R}."), "$48 million:ok"),
        (format!("The budget is nearly $50 million {R}."), "$50 million:ok"),
        (format!("Ridership rose more than 10% in 2023 {R}."), "10%:ok; 2023:ok"),
        (format!("Buses carried roughly 3 million trips in 2023 {R}."), "3 million:ok; 2023:ok"),
        (format!("Buses carried 3.4m trips in 2023 {R}."), "3.4m:ok; 2023:ok"),
        (
            format!("The board recorded more than 1,200 measles cases in the first six months of 2024 {M}."),
            "1,200:ok; 2024:ok",
        ),
        (
            format!("The board recorded nearly 1,300 measles cases in the first six months of 2024 {M}."),
            "1,300:ok; 2024:ok",
        ),
        (
            format!("The board recorded fewer than 1,000 measles cases in the first six months of 2024 {M}."),
            "1,000:conflict 1,240; 2024:ok",
        ),
        (format!("Some 2,000 workers walked out {H}."), "2,000:ok"),
        (format!("Some two thousand three hundred workers walked out {H}."), "two thousand three hundred:ok"),
        (format!("Exporters lost about 100 million euros {H}."), "100 million euros:ok"),
        (format!("Exporters lost over 150 million euros {H}."), "150 million euros:conflict 120 million euros"),
        (format!("Coverage fell below 90 percent {M}."), "90 percent:ok"),
        (format!("Coverage fell to about 80 percent {M}."), "80 percent:conflict 87 percent"),
        (format!("The hospital treated about 400 patients {M}."), "400:ok"),
        (format!("The hospital treated nearly 400 patients {M}."), "400:conflict 400"),
        (format!("Throughput fell to 310k containers in the third quarter of 2023 {H}."), "310k:ok; 2023:ok"),
        (format!("The port handled some 450,000 containers a year earlier {H}."), "450,000:ok"),
        (format!("The authority will hire 150 drivers by 2026 {R}."), "150:ok; 2026:ok"),
    ];
    let cases: Vec<(&str, &str)> = rows.iter().map(|(text, expected)| (text.as_str(), *expected)).collect();
    table(&cases);
}

#[test]
fn figures_the_reference_does_not_cover() {
    let rows = [
        ("The city has 210,000 residents.", "210,000:none"),
        ("The mayor is 52 years old.", "52 years old:none"),
        ("The council has 9 members.", "9:none"),
        ("Tickets cost $2.75 on weekends.", "$2.75:none"),
        ("The new depot will hold 60 buses.", "60:none"),
        ("The measles vaccine needs 2 doses.", "2:none"),
        ("Symptoms appear after 10 to 12 days.", "10 to 12 days:none"),
        ("The hospital has 350 beds.", "350:none"),
        ("The port opened in 1887.", "1887:none"),
        ("The harbour is 14 metres deep.", "14 metres:none"),
        ("Cranes can lift 65 tons each.", "65 tons:none"),
        ("The union has 4,100 members.", "4,100:none"),
        ("The ferry to the islands takes 3 hours.", "3 hours:none"),
        ("Some 15% of exports are fish.", "15%:none"),
        ("The dock is 800 metres long.", "800 metres:none"),
        ("A new terminal will cost 400 million euros.", "400 million euros:none"),
        ("The council meets 12 times a year.", "12:none"),
        ("The clinic opens at 8 am.", "8 am:none"),
        ("Riverton sits 30 km from the coast.", "30 km:none"),
        ("The region has 1.1 million people.", "1.1 million:none"),
    ];
    table(&rows);
}

#[test]
fn the_period_decides_between_facts() {
    let rows = [
        (
            format!("Cases rose from 310 in 2022 to 1,240 in the first six months of 2024 {M}."),
            "310:ok; 2022:ok; 1,240:ok; 2024:ok",
        ),
        (
            format!("Cases rose from 1,240 in 2022 to 310 in the first six months of 2024 {M}."),
            "1,240:conflict 310; 2022:ok; 310:none; 2024:ok",
        ),
        (format!("Throughput was 455,000 containers in the third quarter of 2022 {H}."), "455,000:ok; 2022:ok"),
        (format!("In 2023 ridership rose 12% {R}."), "2023:ok; 12%:ok"),
        (format!("Ridership rose 12% in 2024 {R}."), "12%:ok; 2024:conflict 2023"),
    ];
    let cases: Vec<(&str, &str)> = rows.iter().map(|(text, expected)| (text.as_str(), *expected)).collect();
    table(&cases);
}

/// Every finding of the names rules in a sentence, as `code:text`.
fn name_findings(library: &Library, index: &Index, text: &str) -> String {
    stet::check::analyse(text, &stet::check::Against::new(library, index, &CheckConfig::default()))
        .findings()
        .into_iter()
        .filter(|f| matches!(f.code, "misspelled-entity" | "conflicting-role"))
        .map(|f| format!("{}:{}", f.code, &text[f.range.clone()]))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn near_miss_names_and_wrong_titles() {
    let (library, index) = reference();
    let cases = [
        ("Mayor Ana Lucía Ortega signed the budget.", ""),
        ("Mayor Ana Lucia Ortega signed the budget.", "misspelled-entity:Ana Lucia Ortega"),
        ("Mayor Ana Lucía Ortego signed the budget.", "misspelled-entity:Ana Lucía Ortego"),
        ("Council member Devon Achterburg voted no.", "misspelled-entity:Devon Achterburg"),
        ("The Riverton Metro Transit Authority runs the buses.", ""),
        ("The Riverton Metro Transit Authorty runs the buses.", "misspelled-entity:Riverton Metro Transit Authorty"),
        ("Health Minister Ingrid Solberg promised money.", ""),
        ("Health Minister Ingrid Solburg promised money.", "misspelled-entity:Ingrid Solburg"),
        ("Finance Minister Ingrid Solberg promised money.", "conflicting-role:Finance Minister"),
        ("Mayor Ingrid Solberg promised money.", "conflicting-role:Mayor"),
        ("Dr. Samuel Okafor spoke for the board.", ""),
        ("Operation Second Dose starts in September.", ""),
        ("Operation Second Doze starts in September.", "misspelled-entity:Operation Second Doze"),
        ("Harbour Master Lars Brekke expects a recovery.", ""),
        ("Harbour Master Lars Brekka expects a recovery.", "misspelled-entity:Lars Brekka"),
        ("Union leader Katrine Holm welcomed the deal.", ""),
        ("The Nordic Shipping Council counted the cost.", ""),
        ("The Nordic Shiping Council counted the cost.", "misspelled-entity:Nordic Shiping Council"),
        ("Mayor Anna Berg of Halvard spoke.", ""),
        ("Samuel Okafor and Samuel Okonkwo met.", ""),
        ("Port Halvard reopened.", ""),
        ("Port Halvord reopened.", "misspelled-entity:Port Halvord"),
    ];
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let found = name_findings(&library, &index, text);
        if found != expected {
            failures.push(format!("{text:?}\n    expected: {expected}\n    found:    {found}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
