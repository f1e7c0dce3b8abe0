//! Any text as a draft: reading, extracting, matching and checking must never panic, and every
//! finding's range must lie on character boundaries of the text.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use stet::check::{analyse, Against, CheckConfig};
use stet::extract::extract_figures;
use stet::reference::{build_dataset, Index, Library, Origin, Source};
use stet::text::{Encoding, LineIndex};

const SOURCE: &str = "---\nkey: nv\n---\nOver 84,000 people were detained, about 1.7% of the population. \
The rate fell from 106 per 100,000 in 2015 to 2.2 in 2023. U.S. Defense Secretary Pete Hegseth met \
President Nayib Bukele. Operation MARTILLO seized over 11 tons in the first seven months of 2024.\n\n\
\"We will keep going until the work is done,\" said Mayor Ana Ortega, an invented speaker. \"Then we rest.\"\n";

fn reference() -> &'static (Library, Index) {
    static REFERENCE: OnceLock<(Library, Index)> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        let dataset = build_dataset(None, "nv", SOURCE).expect("the fuzz source is valid");
        let mut library = Library::default();
        library.insert(Source::bare("nv", Origin::Text));
        (library, Index::build(vec![Arc::new(dataset)]))
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (library, index) = reference();
    let findings = analyse(&text, &Against::new(library, index, &CheckConfig::default())).findings();
    let lines = LineIndex::new(&text);
    for f in &findings {
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        let (start, _) = lines.range(&text, f.range.clone(), Encoding::Utf16);
        assert_eq!(lines.offset(&text, start, Encoding::Utf16).map(|o| o <= f.range.start), Some(true));
    }
    for figure in extract_figures(&text, 0..text.len()) {
        assert!(figure.range.end <= text.len());
    }
    let _ = build_dataset(None, "fuzz", &text);
});
