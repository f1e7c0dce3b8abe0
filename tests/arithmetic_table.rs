//! The arithmetic a draft does, sentence by sentence: each row is a sentence of our own and
//! what stet must make of it: `Wrong(text)` when recomputing its derived figure (or word)
//! gives another value beyond the draft's rounding, `Right` when it derives a figure and the
//! arithmetic holds, `None` when there is no derivation to check.

use stet::check::{analyse, Against, CheckConfig, Status};
use stet::reference::{Index, Library, Origin, Source};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Wrong(&'static str),
    Right,
    Quiet,
}
use Expect::*;

const ROWS: &[(&str, Expect)] = &[
    // A change from one value to another, and its percent.
    ("The rate fell from 106 to 2.2 per 100,000, a drop of 90 percent.", Wrong("90 percent")),
    ("The rate fell from 106 to 2.2 per 100,000, a drop of 98 percent.", Right),
    ("The rate fell from 106 to 2.2 per 100,000, a drop of nearly 98%.", Right),
    ("Ferry crossings rose from 1,200 to 1,500, an increase of 25%.", Right),
    ("Ferry crossings rose from 1,200 to 1,500, an increase of 30%.", Wrong("30%")),
    ("Ferry crossings rose to 1,500 from 1,200, up 25 percent.", Right),
    ("Ferry crossings rose to 1,500 from 1,200, up 20 percent.", Wrong("20 percent")),
    ("The library now lends 645 laptops, up from 430 in 2022, an increase of 50%.", Right),
    ("The library now lends 645 laptops, up from 430 in 2022, an increase of 65%.", Wrong("65%")),
    ("Call waiting times fell to 12 minutes from 20 minutes, a cut of 40%.", Right),
    ("Call waiting times fell to 12 minutes from 20 minutes, a cut of 60%.", Wrong("60%")),
    ("Bus fares went from $2.50 to $2.75, a rise of 10%.", Right),
    ("Bus fares went from $2.50 to $2.75, a rise of 25 cents, or 12%.", Wrong("12%")),
    // Percent against percentage points.
    ("Unemployment rose from 4% to 6%, an increase of 2 percentage points.", Right),
    ("Unemployment rose from 4% to 6%, an increase of 50%.", Right),
    ("Unemployment rose from 4% to 6%, an increase of 2 percent.", Wrong("2 percent")),
    ("Turnout climbed to 61% from 54%, a gain of 7 points.", Quiet),
    ("Turnout climbed to 61% from 54%, a gain of 7 percentage points.", Right),
    ("Turnout climbed to 61% from 54%, a gain of 9 percentage points.", Wrong("9 percentage points")),
    ("The vacancy rate fell from 8.2 to 6.1 percent, a drop of 2.1 percentage points.", Right),
    // Multiples.
    ("Arrests doubled, from 30,000 to 84,000.", Wrong("doubled")),
    ("Arrests nearly tripled, from 30,000 to 84,000.", Quiet),
    ("Arrests more than doubled, from 30,000 to 72,000.", Quiet),
    ("Arrests more than tripled, to 84,000 from 30,000.", Wrong("tripled")),
    ("The queue was halved, to 410 from 1,230.", Wrong("halved")),
    ("The queue was halved, to 610 from 1,230.", Quiet),
    ("Shipments rose tenfold, from 4,100 to 41,800.", Quiet),
    ("Shipments rose fourfold, from 4,100 to 12,300.", Wrong("fourfold")),
    ("Output reached 1.26 million tons, a fourfold increase on the 420,000 tons of 2014.", Wrong("fourfold")),
    ("Output reached 1.26 million tons, a threefold increase on the 420,000 tons of 2014.", Quiet),
    // Shares of a whole.
    ("Some 84,000 people, or 1.7% of a population of 6.3 million, were held.", Wrong("1.7%")),
    ("Some 84,000 people, or 1.3% of a population of 6.3 million, were held.", Right),
    ("Some 84,000 people, about 1.3% of a population of 6.3 million, were held.", Right),
    ("Fentanyl was found in 171 of the 215 deaths, or 80%.", Right),
    ("Fentanyl was found in 171 of the 215 deaths, or 84%.", Wrong("84%")),
    ("The port employs 2,340 people, and 1,610 of them, or 69%, belong to the union.", Right),
    ("The port employs 2,340 people, and 1,610 of them, or 59%, belong to the union.", Wrong("59%")),
    ("Twelve of the 40 councillors, or 30%, voted against.", Right),
    ("Twelve of the 40 councillors, or 35%, voted against.", Wrong("35%")),
    ("A majority of the board, 4 of its 9 trustees, voted for the closures.", Wrong("majority")),
    ("A majority of the board, 6 of its 9 trustees, voted for the closures.", Quiet),
    ("Inspectors passed 45 of the 40 ferries.", Wrong("45")),
    ("Inspectors passed 35 of the 40 ferries.", Quiet),
    // Totals.
    ("The plan gives $12 million to roads, $8.5 million to parks and $3 million to libraries, a total of $23.5 million.", Right),
    ("The plan gives $12 million to roads, $8.5 million to parks and $3 million to libraries, a total of $25 million.", Wrong("$25 million")),
    ("Crews cleared 140 tons in March, 95 tons in April and 60 tons in May, 295 tons in all.", Right),
    ("Crews cleared 140 tons in March, 95 tons in April and 60 tons in May, 310 tons in all.", Wrong("310 tons")),
    // Rates.
    ("The county recorded 312 deaths among its 640,000 residents, a rate of 48.8 per 100,000.", Right),
    ("The county recorded 312 deaths among its 640,000 residents, a rate of 61 per 100,000.", Wrong("61 per 100,000")),
    ("With 1,148 people counted in a population of 162,000, the rate is 71 per 10,000.", Right),
    ("With 1,148 people counted in a population of 162,000, the rate is 81 per 10,000.", Wrong("81 per 10,000")),
    // Lookalikes: no derivation to check.
    ("The office is open from 9 a.m. to 5 p.m. and served 300 people.", Quiet),
    ("Between 10 and 12 people were hurt, and 3 of the 9 boats sank.", Quiet),
    ("Arrests rose from 30,000 in 2019 to 84,000 in 2024.", Quiet),
    ("The home side won 3-1 before 12,400 fans, 8% more than last season.", Quiet),
    ("Wheat rose to 6.9 million bushels from 6.3 million, while barley shrank by 9 percent to 2.1 million.", Quiet),
    ("Residents aged 25 to 44 accounted for 118 deaths.", Quiet),
    ("The council voted 5-2 to spend $4 million, 12% of its budget.", Quiet),
    ("Most of the 30 stalls reopened within a week.", Quiet),
    // What qualifies each end of a change may stand between them.
    ("Attendance rose to 72% for pupils who started in 2023, from 64% for those who started in 2019, an increase of 8 percent.", Wrong("8 percent")),
    ("Attendance rose to 72% for pupils who started in 2023, from 64% for those who started in 2019, an increase of 8 percentage points.", Right),
    // A part among its whole, the part's noun between them; `of those`.
    ("The club counts 1,210 junior members among its 4,840 members, about one in four.", Right),
    ("The club counts 1,650 junior members among its 4,840 members, about one in four.", Wrong("one in four")),
    ("Inspectors cleared 260 of those 240 stalls.", Wrong("260")),
    ("Inspectors cleared 200 of those 240 stalls.", Quiet),
    // A hedge before a share is the share's, not words between it and its inputs.
    ("The depot handled 8,120 deliveries, 5,050 of them by bicycle, more than three in five.", Right),
    ("The depot handled 8,120 deliveries, 4,410 of them by bicycle, more than three in five.", Wrong("three in five")),
    // A fall hedged as a rise is: `nearly halving` is a little short of half as much again.
    ("Fines for touts fell to 46, down from 90, nearly halving the total.", Quiet),
    ("Fines for touts fell to 30, down from 90, nearly halving the total.", Wrong("halving")),
    // A rate per the thing a count in its sentence counts.
    ("The college logged 150 thefts while 12,500 students were enrolled, a rate of 12 per 1,000 students.", Right),
    ("The college logged 150 thefts while 12,500 students were enrolled, a rate of 15 per 1,000 students.", Wrong("15 per 1,000")),
    // A part named, then its whole after a comma.
    ("318: police officer positions the city has filled, of the 287 the budget funds.", Wrong("318")),
    ("250: police officer positions the city has filled, of the 287 the budget funds.", Quiet),
];

/// Drafts whose derived figure takes an input from an earlier paragraph: the whole of a share,
/// the population of a rate, the count a rate names. Each row is read as [`ROWS`] are.
const ACROSS_PARAGRAPHS: &[(&str, Expect)] = &[
    ("Overdoses killed 212 people in the county last year.\n\nFentanyl was involved in 171 of the deaths, or 81%.", Right),
    ("Overdoses killed 212 people in the county last year.\n\nFentanyl was involved in 171 of the deaths, or 84%.", Wrong("84%")),
    ("Overdoses killed 212 people in the county last year.\n\nFentanyl was involved in 171 of the deaths, or about 80%.", Right),
    ("Overdoses killed 212 people in the county last year.\n\nFentanyl was involved in 171 of the cases, or 84%.", Quiet),
    ("The survey counted 1,200 homeless people in January.\n\nThe city has 150,000 residents.\n\nAt that size, the January count works out to a rate of 80 per 10,000 residents.", Right),
    ("The survey counted 1,200 homeless people in January.\n\nThe city has 150,000 residents.\n\nAt that size, the January count works out to a rate of 95 per 10,000 residents.", Wrong("95 per 10,000")),
    ("The county has 400,000 residents.\n\nLast year 220 people died of overdoses, a rate of 55 per 100,000.", Right),
    ("The county has 400,000 residents.\n\nLast year 220 people died of overdoses, a rate of 65 per 100,000.", Wrong("65 per 100,000")),
    ("The county has 400,000 residents.\n\nLast year 220 people died of overdoses, a rate of about 55 per 100,000.", Right),
    ("Men accounted for 154 of the 215 deaths.\n\nAbout one in four of those who died, or 54 people, had left a jail.", Right),
    ("Men accounted for 154 of the 215 deaths.\n\nAbout one in four of those who died, or 71 people, had left a jail.", Wrong("71")),
    ("Crews repaired 40 bridges.\n\nThe city has 150,000 residents, a rate of 3 per 10,000.", Quiet),
    // A change of which the sentence states one end, the other end in an earlier paragraph.
    ("The museum now draws 42,000 visitors a year from the county.\n\nIn 2016 the county sent the museum 84,000 visitors, and their number has been cut by 50% since then.", Right),
    ("The museum now draws 42,000 visitors a year from the county.\n\nIn 2016 the county sent the museum 84,000 visitors, and their number has been cut by 30% since then.", Wrong("30%")),
    ("The museum now draws 42,000 visitors a year from the county.\n\nIn 2016 the county sent the museum 84,000 visitors, and the number has halved since then.", Quiet),
    ("The museum now draws 42,000 visitors a year from the county.\n\nIn 2016 the county sent the museum 84,000 visitors, and the number has fallen fourfold since then.", Wrong("fourfold")),
    ("Storms closed the ferry on 96 days last winter.\n\nThe ferry was nearly triple the 33 days it lost in 2019.", Quiet),
    ("Storms closed the ferry on 96 days last winter.\n\nThe ferry lost nearly triple the 20 days it lost in 2019.", Wrong("triple")),
    // `Its 29` is a count, not a name with a number.
    ("The district serves 58,000 residents.\n\nIts 29 structure fires work out to 50 per 100,000 residents.", Right),
    ("The district serves 58,000 residents.\n\nIts 29 structure fires work out to 65 per 100,000 residents.", Wrong("65 per 100,000")),
];

/// The source the rows of [`FROM_A_SOURCE`] cite: it states the inputs, not the results.
const SOURCE: &str = "---\nkey: ledger\ndate: 2025-10-01\n---\n# Harbour year\n\n\
    The harbour recorded 2,150 ship calls in 2024, against 1,900 in 2023. Lost-time injuries fell to 38 in 2024 from 61 in 2023.\n\n\
    Harbour work accounts for 9,000 of the 120,000 jobs in the town, according to a study.\n\n\
    The district has 250,000 residents, according to the council's estimate.\n\n\
    In neighbouring Westby District, which has 90,000 residents, 40 ferries were inspected.\n\n\
    The harbour college enrolled 12,500 students this autumn. Enrollment was 11,800 in 2024.\n\n\
    Dredging cost the harbour $2.4 million in 2024. In 2021 dredging cost $600,000.\n";

/// Drafts whose derived figure takes an input only the cited source states.
const FROM_A_SOURCE: &[(&str, Expect)] = &[
    ("2,150: ship calls at the harbour in 2024, up 13% on the year before [@ledger].", Right),
    ("2,150: ship calls at the harbour in 2024, up 20% on the year before [@ledger].", Wrong("20%")),
    ("2,150: ship calls at the harbour in 2024, up 13.2% on the year before [@ledger].", Right),
    ("9,000: harbour jobs in the town, or 7.5% of all the jobs in the town [@ledger].", Right),
    ("9,000: harbour jobs in the town, or 9% of all the jobs in the town [@ledger].", Wrong("9%")),
    ("9,000: harbour jobs in the town, one in six of all the jobs in the town [@ledger].", Wrong("one in six")),
    ("300 overdose deaths were recorded in the district in 2024, a rate of 120 per 100,000 residents [@ledger].", Right),
    ("300 overdose deaths were recorded in the district in 2024, a rate of 150 per 100,000 residents [@ledger].", Wrong("150 per 100,000")),
    ("300 overdose deaths were recorded in the district in 2024, a rate of about 121 per 100,000 residents [@ledger].", Right),
    ("Lost-time injuries at the harbour came to 38 in 2024, a rate of 9 per 1,000 workers [@ledger].", Quiet),
    // The year before in the next sentence of the source; the source's own year for a figure it
    // gives with no time; a count the sentence names in passing is not the one that changed.
    ("The harbour college enrolled 12,500 students this autumn, up 6% from a year ago [@ledger].", Right),
    ("The harbour college enrolled 12,500 students this autumn, up 9% from a year ago [@ledger].", Wrong("9%")),
    ("The harbour, with its four quays, recorded 2,150 ship calls in 2024, up 13% on the year before [@ledger].", Right),
    // A change of which the sentence states one end, the other end only in the source.
    ("In 2021 dredging cost the harbour $600,000, and the bill has grown fourfold since then [@ledger].", Quiet),
    ("In 2021 dredging cost the harbour $600,000, and the bill has grown sixfold since then [@ledger].", Wrong("sixfold")),
    ("Dredging cost the harbour $2.4 million in 2024, four times the cost in 2021 [@ledger].", Quiet),
    ("Dredging cost the harbour $2.4 million in 2024, triple the cost in 2021 [@ledger].", Wrong("triple")),
    ("The harbour, with its four quays, recorded 2,150 ship calls in 2024, up 20% on the year before [@ledger].", Wrong("20%")),
];

/// What a row reads as, or why it does not.
fn read_as(text: &str, expect: Expect, against: &Against) -> Result<(), String> {
    let analysis = analyse(text, against);
    let miscalculated: Vec<String> = analysis
        .findings()
        .into_iter()
        .filter(|f| f.code == "miscalculated-figure")
        .map(|f| text[f.range].to_string())
        .collect();
    let derived = analysis.figures().any(|f| f.derived.is_some());
    let right = match expect {
        Wrong(w) => miscalculated == [w.to_string()],
        Right => miscalculated.is_empty() && derived,
        Quiet => miscalculated.is_empty() && !derived,
    };
    if right {
        Ok(())
    } else {
        Err(format!("{text}\n    expected {expect:?}; miscalculated {miscalculated:?}, derived {derived}"))
    }
}

#[test]
fn inputs_in_an_earlier_paragraph_are_found_there() {
    let (library, index, config) = (Library::default(), Index::default(), CheckConfig::default());
    let against = Against::new(&library, &index, &config);
    let wrong: Vec<String> =
        ACROSS_PARAGRAPHS.iter().filter_map(|(t, e)| read_as(&format!("{t}\n"), *e, &against).err()).collect();
    assert!(wrong.is_empty(), "{} rows read wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn inputs_only_a_cited_source_states_are_found_there() {
    let dataset = stet::reference::build_dataset(None, "ledger", SOURCE).unwrap();
    let mut library = Library::default();
    library.insert(Source::bare(dataset.source.key.clone(), Origin::Text));
    let index = Index::build(vec![std::sync::Arc::new(dataset)]);
    let config = CheckConfig::default();
    let against = Against::new(&library, &index, &config);
    let wrong: Vec<String> =
        FROM_A_SOURCE.iter().filter_map(|(t, e)| read_as(&format!("{t}\n"), *e, &against).err()).collect();
    assert!(wrong.is_empty(), "{} rows read wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn a_figure_derived_across_paragraphs_says_where_its_input_stands() {
    let (library, index, config) = (Library::default(), Index::default(), CheckConfig::default());
    let text =
        "Overdoses killed 212 people in the county last year.\n\nFentanyl was involved in 171 of the deaths, or 84%.\n";
    let analysis = analyse(text, &Against::new(&library, &index, &config));
    let found: Vec<_> = analysis.findings().into_iter().filter(|f| f.code == "miscalculated-figure").collect();
    let [f] = found.as_slice() else { panic!("{found:?}") };
    assert_eq!(f.message, "84% does not follow: 171 of 212 (paragraph 1) is 80.7%");
    assert_eq!(f.related.first().and_then(|r| r.in_draft.clone()).map(|r| &text[r]), Some("212"));
    assert_eq!(f.fixes.first().map(|x| x.title.as_str()), Some("Replace with 81%"));
    // Hover reads the same computation at the figure.
    let Some(stet::check::Thing::Figure(at)) = analysis.at(text.find("84%").unwrap()) else { panic!("no figure") };
    assert_eq!(at.derived.as_deref(), Some("171 of 212 (paragraph 1) is 80.7%"));
    assert_eq!(at.standing.status, Status::Miscalculated);
}

fn figure_status(text: &str, written: &str) -> Option<Status> {
    let (mut library, index, config) = (Library::default(), Index::default(), CheckConfig::default());
    library.insert(Source::bare("census".to_string(), Origin::Text));
    let analysis = analyse(text, &Against::new(&library, &index, &config));
    let at = text.find(written)?;
    let status = analysis.figures().find(|f| f.figure.range.contains(&at)).map(|f| f.standing.status);
    status
}

#[test]
fn each_sentence_reads_as_a_fact_checker_recomputes_it() {
    let (library, index, config) = (Library::default(), Index::default(), CheckConfig::default());
    let mut wrong = Vec::new();
    for (sentence, expect) in ROWS {
        let text = format!("{sentence}\n");
        let analysis = analyse(&text, &Against::new(&library, &index, &config));
        let miscalculated: Vec<String> = analysis
            .findings()
            .into_iter()
            .filter(|f| f.code == "miscalculated-figure")
            .map(|f| text[f.range].to_string())
            .collect();
        let derived = analysis.figures().any(|f| f.derived.is_some());
        let right = match expect {
            Wrong(w) => miscalculated == [w.to_string()],
            Right => miscalculated.is_empty() && derived,
            Quiet => miscalculated.is_empty() && !derived,
        };
        if !right {
            wrong.push(format!(
                "{sentence}\n    expected {expect:?}; miscalculated {miscalculated:?}, derived {derived}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{} of {} rows read wrong:\n{}", wrong.len(), ROWS.len(), wrong.join("\n"));
}

#[test]
fn a_figure_derived_rightly_is_shown_as_derived_and_a_wrong_one_as_miscalculated() {
    let right = "Some 84,000 people, or 1.3% of a population of 6.3 million, were held [@census].\n";
    assert_eq!(figure_status(right, "1.3%"), Some(Status::Derived));
    let wrong = "Some 84,000 people, or 1.7% of a population of 6.3 million, were held [@census].\n";
    assert_eq!(figure_status(wrong, "1.7%"), Some(Status::Miscalculated));
}

#[test]
fn one_quantity_stated_twice_must_agree_with_itself() {
    let (library, index, config) = (Library::default(), Index::default(), CheckConfig::default());
    let findings = |text: &str| -> Vec<(String, String, Vec<String>)> {
        let analysis = analyse(text, &Against::new(&library, &index, &config));
        let found = analysis.findings().into_iter().filter(|f| f.code == "inconsistent-figure");
        found.map(|f| (text[f.range].to_string(), f.message, f.fixes.into_iter().map(|x| x.title).collect())).collect()
    };
    let twice = "# Shelter count\n\nVolunteers found 1,148 homeless people counted in the January survey.\n\n\
                 Council members said the 1,184 homeless people counted in the January survey need beds.\n";
    assert_eq!(
        findings(twice),
        [(
            "1,184".to_string(),
            "1,184 homeless people counted disagrees with 1,148 homeless people counted on line 3".to_string(),
            vec!["Replace with 1,148".to_string(), "Make line 3 say 1,184".to_string()]
        )]
    );
    let rounded = twice.replace("1,184", "about 1,150");
    assert!(findings(&rounded).is_empty(), "a rounded restatement agrees");
    let other_year = twice.replace("in the January survey need", "in the 2019 survey need");
    assert!(findings(&other_year).is_empty(), "another year is another quantity");
}

/// Drafts that state a quantity, then state it again: `Some(text)` for the later statement
/// `inconsistent-figure` must report, `None` where the two are other quantities or agree.
const RESTATED: &[(&str, Option<&str>)] = &[
    // The same quantity restated in other words, with another value.
    ("# Council passes $412 million budget\n\nMayor Delphine Aske said the $421 million budget protects the basics.", Some("$421 million")),
    ("# Council passes $412 million budget\n\nMayor Delphine Aske said the $412 million budget protects the basics.", None),
    ("# Council passes $412 million budget\n\nMayor Delphine Aske said the $413 million budget protects the basics.", Some("$413 million")),
    // `$410 million` is written to the ten million: $412 million rounds to it.
    ("# Council passes $412 million budget\n\nMayor Delphine Aske said the $410 million budget protects the basics.", None),
    ("The county plans to spend its $9.6 million share on treatment.\n\nThe commission will vote on the $9.8 million plan on Oct. 8.", Some("$9.8 million")),
    ("The port will deepen the main shipping channel to 52 feet from 45 feet.\n\nCommissioner Hollis Varga said deepening the channel to 54 feet was a gamble.", Some("54 feet")),
    ("Overdoses killed 212 people in the county last year.\n\nMen accounted for 154 of the 215 deaths.", Some("215")),
    ("Volunteers counted 1,148 homeless people in January.\n\nOf the 1,418 people counted, 612 slept outside.", Some("1,418")),
    // A quantity written as one already told (`the 64 homes`), its digits swapped.
    ("Rescuers said the storm destroyed 146 homes.\n\nThe mayor said the 164 homes lost would be rebuilt.", Some("164")),
    ("Rescuers said the storm destroyed 46 homes.\n\nThe mayor said the 46 homes lost would be rebuilt.", None),
    ("The trust approved a $31.4 million budget.\n\nThe board sent the $34.1 million plan to a hearing.", Some("$34.1 million")),
    ("The library lent 2,400 books in March.\n\nThe 2,600 books lent in April set a record.", None),
    ("The ward has 120 beds.\n\nThe 128 beds of the new wing open in May.", None),
    // A headline rounded from the body agrees.
    ("# Port moves a record 1.3 million containers\n\nThe port handled 1.26 million containers in 2024.", None),
    ("# Homeless count tops 1,100\n\nVolunteers counted 1,148 homeless people in January.", None),
    // Other quantities with close values: another year, another runner, another time, another
    // count, another verb.
    ("Volunteers counted 1,148 homeless people in the January survey.\n\nThe 1,184 homeless people counted in the 2019 survey had beds.", None),
    ("Tomas Brandt won the men's race in 2 hours 8 minutes.\n\nNadia Valkova won the women's race in 2 hours 9 minutes.", None),
    ("The men's winner ran the course in 128 minutes.\n\nThe women's winner ran the course in 144 minutes.", None),
    ("The north district spent $4.2 million on roads.\n\nThe south district spent $4.3 million on roads.", None),
    ("Four members wanted to keep the rate at 5.25%.\n\nThe cut took the rate to 5.00%.", None),
    ("The Red Crescent says 11,300 people died in the floods.\n\nThe group said another 10,100 people were missing.", None),
    ("The district spent $38.7 million on firefighting.\n\nThe district had budgeted $42 million for the season.", None),
    ("The budget projects spending of $535 billion this year.\n\nLast year's plan had forecast spending of $479.5 billion.", None),
];

#[test]
fn a_quantity_restated_in_other_words_must_agree_with_itself() {
    let (library, index, config) = (Library::default(), Index::default(), CheckConfig::default());
    let mut wrong = Vec::new();
    for (draft, expect) in RESTATED {
        let text = format!("{draft}\n");
        let analysis = analyse(&text, &Against::new(&library, &index, &config));
        let found: Vec<String> = analysis
            .findings()
            .into_iter()
            .filter(|f| f.code == "inconsistent-figure")
            .map(|f| text[f.range].to_string())
            .collect();
        let expected: Vec<String> = expect.iter().map(|t| t.to_string()).collect();
        if found != expected {
            wrong.push(format!("{draft}\n    expected {expected:?}, found {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} drafts read wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn a_restatement_names_both_statements_and_offers_either_value() {
    let (library, index, config) = (Library::default(), Index::default(), CheckConfig::default());
    let text = "# Council passes $412 million budget\n\nMayor Delphine Aske said the $421 million budget protects the basics.\n";
    let analysis = analyse(text, &Against::new(&library, &index, &config));
    let found: Vec<_> = analysis.findings().into_iter().filter(|f| f.code == "inconsistent-figure").collect();
    let [f] = found.as_slice() else { panic!("{found:?}") };
    assert!(f.message.starts_with("$421 million budget"), "{}", f.message);
    assert!(f.message.ends_with("disagrees with $412 million budget on line 1"), "{}", f.message);
    assert_eq!(f.related.first().and_then(|r| r.in_draft.clone()).map(|r| &text[r]), Some("$412 million"));
    let titles: Vec<&str> = f.fixes.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(titles, ["Replace with $412 million", "Make line 1 say $421 million"]);
}
