//! The reference the table tests check against: source texts of our own, each read into a
//! dataset and cited by its front-matter key.

#![allow(dead_code)]

use std::sync::Arc;

use stet::reference::{build_dataset, Index, Library, Origin, Source};

/// The library and index of source `texts`.
pub fn reference_of(texts: impl IntoIterator<Item = String>) -> (Library, Index) {
    let mut library = Library::default();
    let mut datasets = Vec::new();
    for text in texts {
        let dataset = build_dataset(None, "s", &text).unwrap();
        library.insert(Source::bare(dataset.source.key.clone(), Origin::Text));
        datasets.push(Arc::new(dataset));
    }
    (library, Index::build(datasets))
}

/// The texts of the files in folder `dir` under the crate, in name order.
pub fn texts_in(dir: &str) -> Vec<String> {
    let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.into_iter().map(|path| std::fs::read_to_string(path).unwrap()).collect()
}
