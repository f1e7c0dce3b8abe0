//! Quotations in drafts against the three source texts of our own in
//! `examples/riverton-council/sources` (an invented city council, its mayor, members and
//! staff): a table of draft sentences, how the quotation in each stands, and the quotation
//! findings it should get.
//!
//! Each case gives the status of the sentence's quotation (`none` when it holds none) and then
//! each finding as `| code 'text'`, where text is what the finding's range covers. `@L`, `@C`
//! and `@S` stand for citations of the Ledger's story, the Courier's story and the council's
//! statement.

use std::sync::Arc;

use stet::check::{analyse, Against, CheckConfig};
use stet::reference::{build_dataset, Index, Library, Origin, Source};

const SOURCES: [&str; 3] =
    ["riverton-ledger-2025-03-04.md", "riverton-courier-2025-03-05.md", "riverton-council-2025-03-03.md"];

const CODES: [&str; 4] = ["misquoted-text", "misattributed-quote", "unsupported-quote", "unsourced-quote"];

fn reference() -> (Library, Index) {
    let mut library = Library::default();
    let mut all = Vec::new();
    for file in SOURCES {
        let path = format!("{}/examples/riverton-council/sources/{file}", env!("CARGO_MANIFEST_DIR"));
        let dataset = build_dataset(None, "s", &std::fs::read_to_string(path).unwrap()).unwrap();
        library.insert(Source::bare(dataset.source.key.clone(), Origin::Text));
        all.push(Arc::new(dataset));
    }
    (library, Index::build(all))
}

fn cite(text: &str) -> String {
    text.replace("@L", "[@riverton-ledger-2025-03-04]")
        .replace("@C", "[@riverton-courier-2025-03-05]")
        .replace("@S", "[@riverton-council-2025-03-03]")
}

fn outcome(library: &Library, index: &Index, config: &CheckConfig, text: &str) -> String {
    let analysis = analyse(text, &Against::new(library, index, config));
    let status = analysis.quotations().last().map_or("none", |q| q.status.as_str());
    let mut out = status.to_string();
    for f in analysis.findings().iter().filter(|f| CODES.contains(&f.code)) {
        out.push_str(&format!(" | {} '{}'", f.code, &text[f.range.clone()]));
    }
    out
}

fn table(config: &CheckConfig, cases: &[(&str, &str)]) {
    let (library, index) = reference();
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let text = cite(text);
        let found = outcome(&library, &index, config, &text);
        if found != *expected {
            failures.push(format!("{text:?}\n    expected: {expected}\n    found:    {found}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn exact_quotes_stand() {
    table(&CheckConfig::default(), &[
        ("Mayor Ana Ortega called the vote \"a promise kept to every family on the east side\" @L.", "verified"),
        ("\"We will continue until the bridge is open,\" Ortega said @L.", "verified"),
        ("\"We will continue until the bridge is open, and we will not cut corners to get there,\" Ortega said @L.", "verified"),
        ("\"The people of the east side have waited long enough,\" Ortega said @L.", "verified"),
        ("Ortega said: \"The people of the east side have waited long enough.\" @L", "verified"),
        ("“We will continue until the bridge is open,” Ortega said @L.", "verified"),
        ("\"The budget leaves no room for error,\" Bell said @L.", "verified"),
        ("\"The budget leaves no room for error,\" said Marcus Bell, who chairs the finance committee @L.", "verified"),
        ("Bell warned that \"if the bids come in high, we will be back here in a year asking for more\" @L.", "verified"),
        ("\"Route 4 was our busiest line before the flood,\" Raman said, \"and it will be again.\" @L", "verified"),
        ("\"Route 4 was our busiest line before the flood,\" said Priya Raman @L.", "verified"),
        ("\"We can pay for the bridge, but we cannot pay for anything else that breaks this year,\" said Dana Whitfield @C.", "verified"),
        ("Whitfield said \"every dollar of it is spoken for\" @C.", "verified"),
        ("\"This bridge is the spine of the east side,\" said council member Rosa Delgado @S.", "verified"),
        ("Delgado said the council meant \"to rebuild it stronger than before\" @S.", "verified"),
        ("Ortega told the council:\n> \"We will continue until the bridge is open, and we will not cut corners to get there.\" @L", "verified"),
        ("\"We will continue until the bridge\nis open,\" Ortega said @L.", "verified"),
        ("\"Route 4 was our 'busiest line' before the flood,\" Raman said @L.", "verified"),
        ("Priya Raman, the transit director, spoke after the vote. \"Route 4 was our busiest line before the flood,\" she said @L.", "verified"),
        ("According to Bell, \"the budget leaves no room for error\" @L.", "verified"),
        ("Bell added: \"If the bids come in high, we will be back here in a year asking for more.\" @L", "verified"),
        ("The council wrote that it \"expects work to begin in the autumn\" @S.", "verified"),
        ("The bridge will carry \"two traffic lanes, a bus stop and a protected bicycle path,\" the council wrote @S.", "verified"),
        ("\"The budget leaves no room for error,\" Bell said.", "verified"),
    ]);
}

#[test]
fn ellipses_and_brackets_stand() {
    table(
        &CheckConfig::default(),
        &[
            ("\"We will continue ... and we will not cut corners to get there,\" Ortega said @L.", "verified"),
            ("\"We will continue until the bridge is open … we will not cut corners,\" Ortega said @L.", "verified"),
            ("\"We will continue [...] and we will not cut corners to get there,\" Ortega said @L.", "verified"),
            ("\"[The city] will continue until the bridge is open,\" Ortega said @L.", "verified"),
            ("\"Every dollar of [the reserve fund] is spoken for,\" Whitfield said @C.", "verified"),
            ("\"[T]he people of the east side have waited long enough,\" Ortega said @L.", "verified"),
            ("\"We can pay for the bridge ... [but] cannot pay for anything else,\" Whitfield said @C.", "verified"),
        ],
    );
}

#[test]
fn changed_dropped_added_and_joined_words_are_misquotes() {
    table(&CheckConfig::default(), &[
        ("\"We will keep going until the bridge is open,\" Ortega said @L.", "misquoted | misquoted-text 'keep going'"),
        ("\"The budget leaves no margin for error,\" Bell said @L.", "misquoted | misquoted-text 'margin'"),
        ("\"Route 4 was our busiest route before the flood,\" Raman said @L.", "misquoted | misquoted-text 'route'"),
        ("\"Every cent of it is spoken for,\" Whitfield said @C.", "misquoted | misquoted-text 'cent'"),
        ("\"This bridge is the heart of the east side,\" said council member Rosa Delgado @S.", "misquoted | misquoted-text 'heart'"),
        ("Mayor Ana Ortega called the vote \"a promise kept to every family in the east side\" @L.", "misquoted | misquoted-text 'in'"),
        ("\"We can pay for the bridge, but we cannot pay for anything else that fails this year,\" said Dana Whitfield @C.", "misquoted | misquoted-text 'fails'"),
        ("\"The people of the east side waited long enough,\" Ortega said @L.", "misquoted | misquoted-text 'side waited'"),
        ("\"The budget leaves room for error,\" Bell said @L.", "misquoted | misquoted-text 'leaves room'"),
        ("\"Route 4 was our line before the flood,\" Raman said @L.", "misquoted | misquoted-text 'our line'"),
        ("\"The budget leaves absolutely no room for error,\" Bell said @L.", "misquoted | misquoted-text 'absolutely'"),
        ("\"We will not cut corners to get there, the people of the east side have waited long enough,\" Ortega said @L.", "misquoted | misquoted-text 'there, the'"),
        ("\"The budget leaves no room for error, if the bids come in high,\" Bell said @L.", "misquoted | misquoted-text 'error, if'"),
        ("\"The budget leaves no margin for error,\" Bell said.", "misquoted | misquoted-text 'margin'"),
    ]);
}

#[test]
fn swapped_speakers_are_misattributions() {
    table(&CheckConfig::default(), &[
        ("\"The budget leaves no room for error,\" said council member Dana Whitfield @L.", "misattributed | misattributed-quote 'Dana Whitfield'"),
        ("\"Route 4 was our busiest line before the flood,\" Ortega said @L.", "misattributed | misattributed-quote 'Ortega'"),
        ("\"We will continue until the bridge is open,\" Bell said @L.", "misattributed | misattributed-quote 'Bell'"),
        ("\"This bridge is the spine of the east side,\" said Mayor Ana Ortega @S.", "misattributed | misattributed-quote 'Ana Ortega'"),
        ("Marcus Bell spoke last. \"Every dollar of it is spoken for,\" he said @C.", "misattributed | misattributed-quote 'he'"),
        ("\"We can pay for the bridge, but we cannot pay for anything else that breaks this year,\" Raman said @C.", "misattributed | misattributed-quote 'Raman'"),
        ("According to Whitfield, \"the people of the east side have waited long enough\" @L.", "misattributed | misattributed-quote 'Whitfield'"),
        ("\"The budget leaves no room for error,\" said Bell's aide, Priya Raman @L.", "misattributed | misattributed-quote 'Priya Raman'"),
        ("\"The budget leaves no room for error,\" Ortega said.", "misattributed | misattributed-quote 'Ortega'"),
    ]);
}

#[test]
fn partial_quotes_count() {
    table(
        &CheckConfig::default(),
        &[
            ("Ortega promised the city would \"not cut corners to get there\" @L.", "verified"),
            ("Bell said the plan left \"no room for error\" @L.", "verified"),
            ("Raman called Route 4 \"our busiest line before the flood\" @L.", "verified"),
            ("Bell said the plan left \"no space for error\" @L.", "misquoted | misquoted-text 'space'"),
        ],
    );
}

#[test]
fn scare_quotes_titles_and_nicknames_are_no_quotations() {
    table(
        &CheckConfig::default(),
        &[
            ("Whitfield said the reserve was \"spoken for\" @C.", "none"),
            ("The \"bridge\" was closed for two years @L.", "none"),
            ("Residents call it the \"east plan\" @L.", "none"),
            ("Bell's report, \"Counting the Cost of Mill Street,\" came out in May.", "none"),
            ("The council member known as \"the iron lady of Mill Street\" voted no.", "none"),
            ("Marcus \"The Ledger Keeper\" Bell voted no.", "none"),
            ("The podcast \"Notes From the East Side\" covered the vote.", "none"),
            ("The so-called \"bridge to nowhere plan\" drew jeers.", "none"),
        ],
    );
}

#[test]
fn quotes_the_cited_source_lacks_are_unsupported() {
    table(
        &CheckConfig::default(),
        &[
            (
                "\"Every dollar of it is spoken for,\" Whitfield said @L.",
                "unsupported | unsupported-quote '\"Every dollar of it is spoken for,\"'",
            ),
            (
                "\"This bridge is the spine of the east side,\" Delgado said @L.",
                "unsupported | unsupported-quote '\"This bridge is the spine of the east side,\"'",
            ),
            (
                "\"We will continue until the bridge is open,\" Ortega said @C.",
                "unsupported | unsupported-quote '\"We will continue until the bridge is open,\"'",
            ),
            (
                "\"Riverton cannot wait another decade for a bridge,\" Ortega said @L.",
                "unsupported | unsupported-quote '\"Riverton cannot wait another decade for a bridge,\"'",
            ),
            ("\"We were never told the bridge would close,\" said Lena Brandt.", "unsourced"),
            ("\"The budget leaves no margin for error,\" Bell said [@council-minutes-2025].", "not checked"),
            ("\"The budget leaves no room for error,\" Bell said [@council-minutes-2025].", "verified"),
        ],
    );
}

#[test]
fn quotes_with_no_note_and_no_passage_are_reported_when_asked() {
    let config = CheckConfig { quotes_need_sources: true, ..CheckConfig::default() };
    table(
        &config,
        &[
            (
                "\"We were never told the bridge would close,\" said Lena Brandt.",
                "unsourced | unsourced-quote '\"We were never told the bridge would close,\"'",
            ),
            ("\"The budget leaves no room for error,\" Bell said.", "verified"),
        ],
    );
}

/// Input no reporter writes, read without a panic and with every quotation found: thousands of
/// quotes in one paragraph, marks left open, brackets never closed, CRLF, emoji and accents.
#[test]
fn hostile_quotation_input_is_read() {
    let (library, index) = reference();
    let config = CheckConfig::default();
    let against = Against::new(&library, &index, &config);
    let many = "\"The budget leaves no room for error,\" he said. ".repeat(3000);
    assert_eq!(analyse(&many, &against).quotations().count(), 3000);
    let mut odd = String::new();
    for piece in ["\"", "[", "“", "…", "[...]", "\r\n", "😀 é ", "\"[", "]\"", "' ", "’", ". . ."] {
        odd.push_str(&piece.repeat(500));
        odd.push_str(" words go here \"and more words here\" ");
    }
    let analysis = analyse(&odd, &against);
    for q in analysis.quotations() {
        assert!(odd.get(q.quotation.range.clone()).is_some(), "{:?}", q.quotation.range);
    }
    let _ = analysis.findings();
}

/// Drafts made of quote marks, brackets, ellipses, speakers and words of the sources in random
/// order: every finding, fix and quotation lies on character boundaries, and nothing panics.
#[test]
fn random_quotation_drafts_keep_their_ranges_on_character_boundaries() {
    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "'",
        "’",
        "[",
        "]",
        "...",
        "…",
        "[...]",
        " ",
        "\n",
        "\n\n",
        "> ",
        ",",
        ".",
        "said",
        "Ortega",
        "she",
        "Bell",
        "according to",
        "We",
        "will",
        "continue",
        "until",
        "the",
        "bridge",
        "is",
        "open",
        "budget",
        "no room",
        "for error",
        "😀",
        "...Ortega’s",
        "Bell's",
        "\"é...",
        "é",
        "[@riverton-ledger-2025-03-04]",
        "—",
        ":",
    ];
    let (library, index) = reference();
    let config = CheckConfig::default();
    let against = Against::new(&library, &index, &config);
    let mut seed: u64 = 0x5eed;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..60 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            text.push(' ');
        }
        let analysis = analyse(&text, &against);
        let on_boundaries = |r: &std::ops::Range<usize>| {
            r.start <= r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.end <= text.len()
        };
        for f in analysis.findings() {
            assert!(on_boundaries(&f.range), "{text:?}: {f:?}");
            for e in f.fixes.iter().flat_map(|x| &x.edits) {
                assert!(on_boundaries(&e.range), "{text:?}: {f:?}");
            }
        }
        for q in analysis.quotations() {
            assert!(on_boundaries(&q.quotation.range), "{text:?}");
            assert!(q.quotation.parts.iter().all(&on_boundaries), "{text:?}");
        }
    }
}
