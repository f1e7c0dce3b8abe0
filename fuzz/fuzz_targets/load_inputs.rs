//! Any bytes as a file stet loads (stet.toml, a dataset, a bibliography, front matter): a clear
//! error or a value, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stet::reference::{parse_bibtex, parse_csl_json, read_front_matter, Dataset};
use stet::settings::{Settings, SettingsLayer};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(layer) = SettingsLayer::from_toml(&text) {
        let _ = Settings::resolve(&[&layer]);
    }
    if let Ok(mut dataset) = Dataset::from_json(&text) {
        let copy = dataset.clone();
        dataset.merge_curated(&copy);
        let _ = dataset.to_json();
    }
    let _ = parse_bibtex(&text);
    let _ = parse_csl_json(&text);
    let _ = read_front_matter(&text);
});
