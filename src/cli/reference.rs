//! `stet reference build`: the dataset of one article, for a person to review and curate.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use crate::reference::build_dataset;

pub fn build(article: &Path, key: Option<&str>, output: Option<&Path>) -> Result<ExitCode> {
    let text = fs::read_to_string(article).with_context(|| format!("cannot read {}", article.display()))?;
    let stem = article.file_stem().and_then(|s| s.to_str()).unwrap_or("source");
    let dataset = match build_dataset(key, stem, &text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}:{}:{}: error: {}", article.display(), e.line + 1, e.column + 1, e.message);
            return Ok(ExitCode::from(2));
        }
    };
    let json = dataset.to_json();
    match output {
        // The only file stet writes: the one named here.
        Some(path) => fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().lock().write_all(json.as_bytes())?,
    }
    eprintln!(
        "{}: {} facts, {} entities (key {})",
        article.display(),
        dataset.facts.len(),
        dataset.entities.len(),
        dataset.source.key
    );
    Ok(ExitCode::SUCCESS)
}
