//! What counts as a figure, and how it is read: a table of sentences of our own.
//!
//! Each case lists every figure found in its text as `text=value unit kind ~hedge ..high`
//! (unit, hedge and high only when present), separated by `; `. An empty expectation means
//! nothing in the text is a figure.

use stet::extract::{extract_figures, read_draft, Figure};

fn render(text: &str, figures: &[Figure]) -> String {
    figures
        .iter()
        .map(|f| {
            let mut s = format!("{}={}", &text[f.range.clone()], f.value);
            if let Some(u) = &f.unit {
                s.push_str(&format!(" {u}"));
            }
            s.push_str(&format!(" {}", f.kind.as_str()));
            if let Some(h) = f.hedge {
                s.push_str(&format!(" ~{}", h.as_str()));
            }
            if let Some(h) = f.high {
                s.push_str(&format!(" ..{h}"));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads `text` as prose (no Markdown) and compares every figure found.
fn prose_cases(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let found = render(text, &extract_figures(text, 0..text.len()));
        if found != *expected {
            failures.push(format!("{text:?}\n    expected: {expected}\n    found:    {found}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Reads `text` as a Markdown draft and compares every figure found.
fn draft_cases(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let found = render(text, &read_draft(text).figures);
        if found != *expected {
            failures.push(format!("{text:?}\n    expected: {expected}\n    found:    {found}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn digits_separators_and_decimals() {
    prose_cases(&[
        ("Police detained 84,000 people.", "84,000=84000 number"),
        ("Police detained 84000 people.", "84000=84000 number"),
        ("The rate was 2.2 last year.", "2.2=2.2 number"),
        ("It held 1,234,567 records.", "1,234,567=1234567 number"),
        ("A margin of 0.75 points.", "0.75 points=0.75 points quantity"),
        ("Only .5 of a point.", ".5=0.5 number"),
        ("The census counted 6 300 000 residents.", "6 300 000=6300000 number"),
        ("Debt fell by -3.5 overall.", "-3.5=-3.5 number"),
        ("They sent 12 boats and 7 planes.", "12=12 number; 7=7 number"),
        ("Exactly 300 died.", "300=300 number ~exactly"),
        ("It cost 1.111,50 in euros.", "1.111,50=1111.5 number"),
        ("Scores of 3 and 4 were given.", "3=3 number; 4=4 number"),
        ("A total of 250,000 voters.", "250,000=250000 number"),
        ("Roughly 9 in the morning queue.", "9=9 number ~about"),
        ("Numbers 1e6 and 2.5e-3 appear.", "1e6=1000000 number; 2.5e-3=0.0025 number"),
    ]);
}

#[test]
fn scales_written_against_or_after_digits() {
    prose_cases(&[
        ("Some 84k people were held.", "84k=84000 number ~about"),
        ("The budget is 1.2 million.", "1.2 million=1200000 number"),
        ("It reached 3 billion.", "3 billion=3000000000 number"),
        ("Aid of $2.5 billion arrived.", "$2.5 billion=2500000000 USD money"),
        ("A grant of €300m was signed.", "€300m=300000000 EUR money"),
        ("Reserves of £4bn remain.", "£4bn=4000000000 GBP money"),
        ("Over 10M downloads.", "10M=10000000 number ~over"),
        ("Nearly 7 trillion in debt.", "7 trillion=7000000000000 number ~nearly"),
        ("Revenue of 12 bln was booked.", "12 bln=12000000000 number"),
        ("About 3 hundred came.", "3 hundred=300 number ~about"),
        ("Costs of 2.33 k were logged.", "2.33 k=2330 number"),
        ("It sold 5 million copies.", "5 million=5000000 number"),
    ]);
}

#[test]
fn money() {
    prose_cases(&[
        ("The fine was $40.", "$40=40 USD money"),
        ("A $ 75 million bond.", "$ 75 million=75000000 USD money"),
        ("It costs US$12 a month.", "US$12=12 USD money"),
        ("Pay 20 euros at the door.", "20 euros=20 EUR money"),
        ("Ten dollars buys lunch.", "Ten dollars=10 USD money"),
        ("A ticket is 7€ today.", "7€=7 EUR money"),
        ("It costs 3 dollars 50 cents.", "3 dollars 50 cents=3.5 USD money"),
        ("Fees of USD 300 apply.", "USD 300=300 USD money"),
        ("A tip of 50 cents.", "50 cents=50 cent money"),
        ("They paid 75 USD million.", "75 USD million=75000000 USD money"),
        ("The loan was CHF 3.04 each.", "CHF 3.04=3.04 CHF money"),
        ("Half a million dollars vanished.", "Half a million dollars=500000 USD money"),
    ]);
}

#[test]
fn percentages_and_points() {
    prose_cases(&[
        ("About 1.7% of the population.", "1.7%=1.7 % percent ~about"),
        ("About 1.7 percent of adults.", "1.7 percent=1.7 % percent ~about"),
        ("Some 15 per cent agreed.", "15 per cent=15 % percent ~about"),
        ("Turnout rose 3 percentage points.", "3 percentage points=3 percentage points percentage-points"),
        ("It grew 2 pct in May.", "2 pct=2 % percent"),
        ("Support fell to 40 %.", "40 %=40 % percent"),
        ("Zero point three per cent said yes.", "Zero point three per cent=0.3 % percent"),
        ("Up to 60% may leave.", "60%=60 % percent ~up to"),
        ("Between 10 and 12 percent voted.", "10 and 12 percent=10 % percent ..12"),
        ("Unemployment was 5.5 pp higher.", "5.5 pp=5.5 percentage points percentage-points"),
    ]);
}

#[test]
fn rates_units_and_quantities() {
    prose_cases(&[
        ("It fell from 106 per 100,000 in 2015.", "106 per 100,000=106 per 100,000 rate; 2015=2015 year"),
        ("The rate was 2.2 per 100,000 people.", "2.2 per 100,000=2.2 per 100,000 rate"),
        ("Output of 4 per capita.", "4 per capita=4 per capita rate"),
        ("Deaths of 9 per million.", "9 per million=9 per 1,000,000 rate"),
        ("They seized 11 tons of cocaine.", "11 tons=11 tons quantity"),
        ("Over 11 tonnes were burned.", "11 tonnes=11 tons quantity ~over"),
        ("An 11-ton shipment.", "11-ton=11 tons quantity"),
        ("The boat sailed 300 km south.", "300 km=300 km quantity"),
        ("A 5km run.", "5km=5 km quantity"),
        ("It weighed 2 kg.", "2 kg=2 kg quantity"),
        ("Temperatures hit 45°C.", "45°C=45 °C quantity"),
        ("It lasted 3 hours.", "3 hours=3 h quantity"),
        ("The trial took seven months.", "seven months=7 month quantity"),
        ("They walked 12 miles.", "12 miles=12 mi quantity"),
        ("A plot of 40 hectares.", "40 hectares=40 ha quantity"),
        ("It shipped 2 million barrels.", "2 million barrels=2000000 barrel quantity"),
        ("Cars drove at 90 mph.", "90 mph=90 mph quantity"),
        ("One in five adults smoke.", "One in five=0.2 fraction"),
        ("Three out of ten residents agreed.", "Three out of ten=0.3 fraction"),
        ("About 2 in 3 voters stayed home.", "2 in 3=0.6666666666666666 fraction ~about"),
    ]);
}

#[test]
fn numbers_in_words() {
    prose_cases(&[
        ("Two patrol boats were donated.", "Two=2 number"),
        ("The navy had eleven ships.", "eleven=11 number"),
        ("Eighty-four thousand people were held.", "Eighty-four thousand=84000 number"),
        ("A dozen officers resigned.", "A dozen=12 number"),
        ("Half of the budget went to prisons.", "Half=0.5 fraction"),
        ("Two-thirds of the seats.", "Two-thirds=0.6666666666666666 fraction"),
        ("Three quarters of voters.", "Three quarters=0.75 fraction"),
        ("Two hundred and five arrests.", "Two hundred and five=205 number"),
        ("Nearly three hundred deaths.", "three hundred=300 number ~nearly"),
        ("A million people marched.", "A million=1000000 number"),
        (
            "Fifty-three billion two hundred forty-three thousand dollars.",
            "Fifty-three billion two hundred forty-three thousand dollars=53000243000 USD money",
        ),
        ("Twenty-one soldiers.", "Twenty-one=21 number"),
        ("One and a half tons.", "One and a half tons=1.5 tons quantity"),
        ("Three dozen eggs.", "Three dozen=36 number"),
        ("At least twelve were hurt.", "twelve=12 number ~at least"),
        ("More than two hundred thousand fled.", "two hundred thousand=200000 number ~over"),
        ("Minus five degrees overnight.", "Minus five degrees=-5 ° quantity"),
        ("Ten to twelve people attended.", "Ten to twelve=10 number ..12"),
        ("A third of the budget.", "A third=0.3333333333333333 fraction"),
        ("Nine thousand nine hundred ninety-nine votes.", "Nine thousand nine hundred ninety-nine=9999 number"),
    ]);
}

#[test]
fn hedges() {
    prose_cases(&[
        ("Over 200 members.", "200=200 number ~over"),
        ("More than 300 deaths.", "300=300 number ~over"),
        ("Nearly 200 members.", "200=200 number ~nearly"),
        ("Almost 90 boats.", "90=90 number ~nearly"),
        ("About 50 boats.", "50=50 number ~about"),
        ("Roughly 1.7% of people.", "1.7%=1.7 % percent ~about"),
        ("Around 40 cases.", "40=40 number ~about"),
        ("Approximately 12 tons.", "12 tons=12 tons quantity ~about"),
        ("At least 3,000 detainees.", "3,000=3000 number ~at least"),
        ("Up to 20 flights.", "20=20 number ~up to"),
        ("Fewer than 10 judges.", "10=10 number ~under"),
        ("Less than 5% growth.", "5%=5 % percent ~under"),
        ("No more than 8 guards.", "8=8 number ~at most"),
        ("An estimated 70,000 troops.", "70,000=70000 number ~about"),
        ("In excess of 500 arrests.", "500=500 number ~over"),
        ("Close to 60 percent.", "60 percent=60 % percent ~nearly"),
        ("As many as 400 homes.", "400=400 number ~up to"),
        ("Just under 30 ships.", "30=30 number ~nearly"),
    ]);
}

#[test]
fn ranges() {
    prose_cases(&[
        ("Between 10 and 12 officers.", "10 and 12=10 number ..12"),
        ("Sentences of 10 to 12 years.", "10 to 12 years=10 year quantity ..12"),
        ("A 10-12 point lead.", "10-12 point=10 points quantity ..12"),
        ("Some 2 to 3 million people.", "2 to 3 million=2000000 number ~about ..3000000"),
        ("The 2015-16 season.", "2015-16=2015 year ..2016"),
        ("It fell from 106 to 2.2.", "106=106 number; 2.2=2.2 number"),
        ("Support slid 6% to 30 yen.", "6%=6 % percent; 30 yen=30 JPY money"),
    ]);
}

#[test]
fn years_dates_and_times() {
    prose_cases(&[
        ("The crackdown began in 2022.", "2022=2022 year"),
        ("They met on April 16, 2025.", "April 16, 2025=20250416 date"),
        ("They met on 16 April 2025.", "16 April 2025=20250416 date"),
        ("It was signed in April 2025.", "April 2025=20250400 date"),
        ("Filed on 2025-04-16 at noon.", "2025-04-16=20250416 date"),
        ("Filed on 4/16/2025.", "4/16/2025=20250416 date"),
        ("Due on Jan. 5, 2024.", "Jan. 5, 2024=20240105 date"),
        ("The vote is on March 3.", "March 3=303 date"),
        ("On the 15th of February.", "15th of February=215 date"),
        ("Boats arrived in the 1990s.", "1990s=1990 decade year"),
        ("They met at 3:30 pm.", "3:30 pm=15.5 time"),
        ("The curfew starts at 10pm.", "10pm=22 time"),
        ("Polls closed at 7 a.m. sharp.", "7 a.m.=7 time"),
        ("By mid-2024 the prisons were full.", "2024=2024 year"),
        ("Dated 18.07.2014 in the file.", "18.07.2014=20140718 date"),
    ]);
}

#[test]
fn ordinals_are_read_as_positions() {
    prose_cases(&[
        ("It was the first visit.", "first=1 ordinal"),
        ("The 21st round of talks.", "21st=21 ordinal"),
        ("Her twenty-third trip.", "twenty-third=23 ordinal"),
        ("The 3rd quarter.", "3rd=3 ordinal"),
        ("A second term.", ""),
        ("Fifth place.", "Fifth=5 ordinal"),
    ]);
}

#[test]
fn names_and_codes_are_not_figures() {
    prose_cases(&[
        ("Gangs such as MS-13 lost ground.", ""),
        ("The Barrio 18 gang split.", ""),
        ("COVID-19 changed policing.", ""),
        ("An F-16 flew over.", ""),
        ("Under Article 29 of the code.", ""),
        ("The G7 met in June.", ""),
        ("A Boeing 737 landed.", ""),
        ("Flight MH370 vanished.", ""),
        ("The 3D model was shown.", ""),
        ("Phones on 5G networks.", ""),
        ("The Su-27 jets.", ""),
        ("Room B12 was sealed.", ""),
        ("He wore the #10 shirt.", ""),
        ("See Section 230 of the act.", ""),
        ("Windows 11 shipped.", ""),
        ("The A4 paper.", ""),
        ("Highway CA-1 closed.", ""),
        ("Version 1.2.3 fixed it.", ""),
        ("The IP 192.168.1.2 was logged.", ""),
        ("He is the Apollo 11 expert.", ""),
        ("Interstate 95 was closed.", ""),
        ("Resolution 2231 applies.", ""),
        ("The B-52 bomber.", ""),
        ("A H1N1 outbreak.", ""),
        ("Type the code X7Q2.", ""),
    ]);
}

#[test]
fn words_that_are_not_counts() {
    prose_cases(&[
        ("One of the ministers resigned.", ""),
        ("No one was hurt.", ""),
        ("They help one another.", ""),
        ("The one who spoke left.", ""),
        ("Millions of people watched.", ""),
        ("Thousands of troops marched.", ""),
        ("Hundreds gathered outside.", ""),
        ("Dozens of boats sailed.", ""),
        ("In the first half of 2024.", "first=1 ordinal; 2024=2024 year"),
        ("Someone said it.", ""),
        ("Once upon a time.", ""),
        ("A seven-figure deal is not a count of seven figures.", "seven=7 number; seven=7 number"),
        ("The navy is a force.", ""),
        ("It was a tenfold rise.", ""),
        ("Only one survived.", "one=1 number"),
        ("The million-dollar question.", ""),
        ("He gave a second speech.", ""),
        ("Wait a second.", ""),
        ("She is the one.", ""),
        ("Every one of them.", ""),
    ]);
}

#[test]
fn markdown_hides_code_urls_markers_and_notes() {
    draft_cases(&[
        ("1. First, the meeting.\n2. Then the trip.\n", "First=1 ordinal"),
        ("Run `stet --max 10` first.", "first=1 ordinal"),
        ("```\nconst DETAINED = 84000;\n```\n", ""),
        ("    indented 84000 code\n", ""),
        ("Background: https://example.org/2025/04/16/report-2023.html\n", ""),
        ("See <https://example.org/42>.\n", ""),
        ("Read [the report](https://example.org/2023/5).\n", ""),
        ("![chart of 2023](img/2023.png)\n", ""),
        ("---\ntitle: Draft 7\ndate: 2025-04-16\n---\n\nText.\n", ""),
        ("Held 84,000 [@newsvane-2025-04-16].\n", "84,000=84000 number"),
        ("Held 84,000 [@nv, p. 4].\n", "84,000=84000 number"),
        ("Held 84,000.[^1]\n\n[^1]: NewsVane, 16 April 2025, @nv.\n", "84,000=84000 number"),
        ("Held 84,000. <!-- source: nv-2025 -->\n", "84,000=84000 number"),
        ("<!-- 84,000 in a comment -->\n", ""),
        ("Mail desk@news2025.org today.\n", ""),
        ("- 12 boats\n- 7 planes\n", "12=12 number; 7=7 number"),
        ("# 2 boats in the headline\n", "2=2 number"),
        ("| Year | Count |\n|---|---|\n| 2023 | 12 |\n", "2023=2023 year; 12=12 number"),
        ("Text <span data-id=\"42\">here</span>.\n", ""),
        ("A line\\\nwith 3 boats.\n", "3=3 number"),
    ]);
}

#[test]
fn the_same_digits_read_differently_by_context() {
    prose_cases(&[
        ("In 2015 the rate peaked.", "2015=2015 year"),
        ("About 2000 people fled.", "2000=2000 number ~about"),
        ("Some 1500 soldiers deployed.", "1500=1500 number ~about"),
        ("By 2030 the port opens.", "2030=2030 year"),
        ("2023 was a record year.", "2023=2023 year"),
        ("Since 2022, 84,000 were held.", "2022=2022 year; 84,000=84000 number"),
        ("In 2015, 2,015 people died.", "2015=2015 year; 2,015=2015 number"),
        ("The 2024 budget passed.", "2024=2024 year"),
        ("It was 1.7% in 2023.", "1.7%=1.7 % percent; 2023=2023 year"),
        ("A rate of 2.2 in 2023.", "2.2=2.2 number; 2023=2023 year"),
        ("From 106 per 100,000 to 2.2.", "106 per 100,000=106 per 100,000 rate; 2.2=2.2 number"),
        ("Ten percent of ten towns.", "Ten percent=10 % percent; ten=10 number"),
        ("A 30-year sentence.", "30-year=30 year quantity"),
        ("The 12 o'clock news.", "12 o'clock=12 time"),
        ("At 15:15 the ship left.", "15:15=15.25 time"),
        ("Two thirds of 90 judges.", "Two thirds=0.6666666666666666 fraction; 90=90 number"),
        ("Three quarters billion dollars.", "Three quarters billion dollars=750000000 USD money"),
        ("May 2025 was wet.", "May 2025=20250500 date"),
        ("They may 5 times refuse.", "5=5 number"),
        ("March 2024 saw protests.", "March 2024=20240300 date"),
        ("They march 10 miles.", "10 miles=10 mi quantity"),
        ("Jan. 5 is the deadline.", "Jan. 5=105 date"),
        ("Of 40 cases, 12 closed.", "40=40 number; 12=12 number"),
        ("The score was 3-1.", ""),
        ("About 5 pm the rain stopped.", "5 pm=17 time ~about"),
        ("He served 10 years.", "10 years=10 year quantity"),
        ("Police numbered 2,000 in 2000.", "2,000=2000 number; 2000=2000 year"),
        ("1,000 more were freed.", "1,000=1000 number"),
        ("A 1990 law.", "1990=1990 year"),
        ("Only 4 of the 2000s hits.", "4=4 number; 2000s=2000 decade year"),
        ("It dropped 50%, from 10 to 5.", "50%=50 % percent; 10=10 number; 5=5 number"),
        ("Roughly half the budget.", "half=0.5 fraction ~about"),
        ("The first seven months of 2024.", "first=1 ordinal; seven months=7 month quantity; 2024=2024 year"),
        ("Seven of the 11 tons.", "Seven=7 number; 11 tons=11 tons quantity"),
        ("It lasted a decade.", ""),
        ("Nearly a third of them.", "a third=0.3333333333333333 fraction ~nearly"),
        ("Page 4 of the report.", ""),
        ("Formula 1 teams.", ""),
        ("The Fortune 500 list.", ""),
        ("Vision 2030 plans.", ""),
        ("Catch-22 rules.", ""),
        ("Area 51 was closed.", ""),
        ("Route 66 reopened.", ""),
        ("On Channel 4 tonight.", ""),
        ("Under Law 7 the court ruled.", ""),
    ]);
}

#[test]
fn numbers_that_make_no_claim() {
    prose_cases(&[
        ("Call the tip line at 503-555-0187 for details.", ""),
        ("Readers can call 555-0142 before noon.", ""),
        ("The clinic on (541) 555-2290 opens at nine.", "nine=9 number"),
        ("The office moved to 1400 Harbor Road last spring.", ""),
        ("Volunteers met at 212 N. Elm St. on Monday.", ""),
        ("Wearing No. 8, Okafor scored 2 goals.", "2=2 number"),
        ("The council split 5-4 on the levy.", ""),
        ("Marlow Falls beat Dunmore 3-1 on Saturday.", ""),
        ("It was a 2-1 win for the visitors.", ""),
        ("A 10-12 point lead.", "10-12 point=10 points quantity ..12"),
        ("Polls gave her 10-12 more seats.", "10-12=10 number ..12"),
    ]);
}

#[test]
fn ages_shares_and_units_as_reporters_write_them() {
    prose_cases(&[
        ("The winner, a 31-year-old nurse, led early.", "31-year-old=31 years old quantity"),
        ("Ana Ruiz, 44, runs the farm.", "44=44 years old quantity"),
        ("A runner aged 67 finished last.", "67=67 years old quantity"),
        ("She is 52 years old.", "52 years old=52 years old quantity"),
        (
            "It sold 40.6bn short tons, or 36.8bn tonnes.",
            "40.6bn short tons=40600000000 short tons quantity; 36.8bn tonnes=36800000000 tons quantity",
        ),
        ("In less than a quarter, sales doubled.", ""),
        ("A quarter of the farms flooded.", "A quarter=0.25 fraction"),
        ("A fifth were 60 or older.", "A fifth=0.2 fraction; 60=60 years old quantity"),
        ("In Riverton, 41 ships waited.", "41=41 number"),
        (
            "Rates rose by 0.7 of a percentage point.",
            "0.7 of a percentage point=0.7 percentage points percentage-points",
        ),
        (
            "The bank cut by a quarter of a percentage point.",
            "a quarter of a percentage point=0.25 percentage points percentage-points",
        ),
        ("Turnout fell half a percentage point.", "half a percentage point=0.5 percentage points percentage-points"),
        ("The two-percent target still holds.", "two-percent=2 % percent"),
        ("The county has 1.7m residents.", "1.7m=1700000 number"),
        ("1.7m — visitors to the fair this year.", "1.7m=1700000 number"),
        ("A 2.4m wall was built.", "2.4m=2.4 m quantity"),
        ("CO2 reached 421.1 ppm in May.", "421.1 ppm=421.1 ppm quantity"),
        ("The ice covered 5.6 million square miles.", "5.6 million square miles=5600000 sq mi quantity"),
        ("Flats of 45 m² sold fast.", "45 m²=45 m² quantity"),
        ("The park spans 120 sq km of forest.", "120 sq km=120 km² quantity"),
        (
            "She won in two hours, eight minutes and 31 seconds.",
            "two hours, eight minutes and 31 seconds=7711 s quantity",
        ),
        ("He won in 2:08:31 on Sunday.", "2:08:31=7711 s quantity"),
        ("The chair won in an hour, 31 minutes and 7 seconds.", "an hour, 31 minutes and 7 seconds=5467 s quantity"),
        ("The talks ran for 3 months and 2 days.", "3 months=3 month quantity; 2 days=2 day quantity"),
        ("The crane reaches 48m.", "48m=48 m quantity"),
        (
            "The farm had 90 cows, down from 120 five years earlier.",
            "90=90 number; 120=120 number; five years=5 year quantity",
        ),
        ("A year earlier the port was busier.", ""),
        ("184,300: acres burned this season.", "184,300: acres=184300 acre quantity"),
        ("Doors open at 7:30 pm.", "7:30 pm=19.5 time"),
        ("Warnings came three days before the storm.", "three days=3 day quantity"),
        ("The score fell 3.3 points.", "3.3 points=3.3 points quantity"),
        ("Sales rose 12 percent to 12.4 million.", "12 percent=12 % percent; 12.4 million=12400000 number"),
        ("Output fell by 14.04 million to 477 million.", "14.04 million=14040000 number; 477 million=477000000 number"),
        ("Urban residents rose 0.94% to 66.16%.", "0.94%=0.94 % percent; 66.16%=66.16 % percent"),
        ("Rents rose in 2023 to 41,900 dollars.", "2023=2023 year; 41,900 dollars=41900 USD money"),
        ("It cost 10 to 12 dollars.", "10 to 12 dollars=10 USD money ..12"),
        ("Report leaks on 0800 555 0142 at any hour.", ""),
        ("The rule stops debt from rising above $90 million.", "$90 million=90000000 USD money ~over"),
        ("She will not let debt climb above $90 million.", "$90 million=90000000 USD money ~at most"),
    ]);
}

#[test]
fn signs_powers_and_written_symbols() {
    prose_cases(&[
        ("Net change: - 2 3/8.", "- 2 3/8=-2.375 fraction"),
        ("Net flow: - 25 k.", "- 25 k=-25000 number"),
        ("Lows of minus 5 are forecast.", "minus 5=-5 number"),
        ("Lows of minus 5 degrees.", "minus 5 degrees=-5 ° quantity"),
        ("Ten minus 4 is six.", "Ten=10 number; 4=4 number; six=6 number"),
        ("A factor of 2^10 applies.", "2^10=1024 number"),
        ("The rate was 4^-2 in theory.", "4^-2=0.0625 number"),
        ("Counts near 1.5x10^6 were seen.", "1.5x10^6=1500000 number"),
        ("A dose of 2.5×10^-3 grams.", "2.5×10^-3 grams=0.0025 g quantity"),
        ("It is 2½ miles long.", "2½ miles=2.5 mi quantity"),
        ("About ¾ of the vote.", "¾=0.75 fraction ~about"),
        ("It counted 40\u{202f}000 ballots.", "40\u{202f}000=40000 number"),
        ("A sum of 1\u{a0}234\u{a0}567.5 was paid.", "1\u{a0}234\u{a0}567.5=1234567.5 number"),
        ("The count was 12,34,567 in all.", "12,34,567=1234567 number"),
        ("See items 12,14,16 in the annex.", "12=12 number; 14=14 number; 16=16 number"),
        ("A typo gave 12,345,67 as the sum.", ""),
    ]);
}

#[test]
fn fractions_in_words_joined_to_whole_numbers() {
    prose_cases(&[
        ("The index closed at one hundred and three quarters.", "one hundred and three quarters=100.75 number"),
        ("The gauge read two hundred and seven tenths.", "two hundred and seven tenths=200.7 number"),
        ("Turnout was three twenty-fifths of the roll.", "three twenty-fifths=0.12 fraction"),
        ("A twenty-fifth of the vote went to him.", "A twenty-fifth=0.04 fraction"),
        ("Nine forty fifths of the sample.", "Nine forty fifths=0.2 fraction"),
        ("It holds one hundred twenty-fifths.", "one hundred twenty-fifths=4 fraction"),
        ("It shrank by a trillionth of a metre.", "a trillionth=0.000000000001 fraction"),
        ("A hundred billionths of a gram.", "A hundred billionths=0.0000001 fraction"),
        ("Their trillionth download came in May.", "trillionth=1000000000000 ordinal"),
        ("Five and a half million voters.", "Five and a half million=5500000 number"),
        ("They raised two million and a quarter.", "two million and a quarter=2250000 number"),
        ("Debts of six billion and three quarters.", "six billion and three quarters=6750000000 number"),
        ("Two thirds of a million homes flooded.", "Two thirds of a million=666666.6666666666 number"),
        ("A twenty-first-century port.", "twenty-first=21 ordinal"),
    ]);
}

#[test]
fn dozens_and_digits_mixed_with_words() {
    prose_cases(&[
        ("They packed 4 dozen boxes.", "4 dozen=48 number"),
        ("Bakers sold 5 dozens of rolls.", "5 dozens=60 number"),
        ("Two hundred and three dozen eggs.", "Two hundred and three dozen=236 number"),
        ("Some 3 hundred and 40 bikes.", "3 hundred and 40=340 number ~about"),
        ("A list of 5 thousand 2 hundred and 10 names.", "5 thousand 2 hundred and 10=5210 number"),
        ("It had 4 hundred and one rooms.", "4 hundred and one=401 number"),
        ("Outlays reached 2 lakh crore.", "2 lakh crore=2000000000000 number"),
        ("Spending of three lakh crore.", "three lakh crore=3000000000000 number"),
        ("It drew 2 million and a half visitors.", "2 million and a half=2500000 number"),
        ("Between 2 million and 3 million fled.", "2 million and 3 million=2000000 number ..3000000"),
    ]);
}

#[test]
fn ratios_written_with_over_in_and_out_of() {
    prose_cases(&[
        ("Two over five, as a ratio.", "Two over five=0.4 fraction"),
        ("Written as a fraction, it is 1 over 8.", "1 over 8=0.125 fraction"),
        ("Negative one over four.", "Negative one over four=-0.25 fraction"),
        ("Over 200 people came.", "200=200 number ~over"),
        ("Blood pressure was 120 over 80.", "120=120 number; 80=80 number ~over"),
        ("Blood pressure: 120 over 80.", "120=120 number; 80=80 number ~over"),
        ("Half is 500 over 1000.", "Half=0.5 fraction; 500 over 1000=0.5 fraction"),
        ("They chose 3 over 4 options.", "3=3 number; 4=4 number ~over"),
        ("Only 1 in twenty-five adults voted.", "1 in twenty-five=0.04 fraction"),
        ("Two out of five hundred rooms failed.", "Two out of five hundred=0.004 fraction"),
    ]);
}

#[test]
fn one_as_a_pronoun_after_a_position() {
    prose_cases(&[
        ("The next one arrived late.", ""),
        ("Pick the last one.", ""),
        ("The previous one failed.", ""),
        ("The current one holds.", ""),
        ("She finished second to last.", ""),
    ]);
}

/// `one one one ...` once read each `one` as the start of a fraction of the next (`one one
/// hundred fifth`), nesting a reader per word until the stack overflowed.
#[test]
fn a_long_run_of_number_words_is_read_without_nesting() {
    let text = "one ".repeat(50_000);
    let figures = extract_figures(&text, 0..text.len());
    assert!(figures.len() <= 50_000);
}
