//! Bibliographies: BibTeX/BibLaTeX (through the `biblatex` crate) and CSL-JSON.

use std::collections::BTreeMap;

use biblatex::{Bibliography, ChunksExt};
use serde::Deserialize;

use super::source::{FileError, Origin, Source};

/// The deepest nesting of braces read in a BibTeX file. Real entries nest a few deep (`{{NASA}}`);
/// the parser's cost grows with the square of the depth.
pub const MAX_BRACE_DEPTH: usize = 100;

/// The entries of a BibTeX or BibLaTeX file.
pub fn parse_bibtex(text: &str) -> Result<Vec<Source>, FileError> {
    if let Some(at) = too_deep(text) {
        let message = format!("BibTeX: braces nested more than {MAX_BRACE_DEPTH} deep; the file is not read");
        return Err(FileError::at(text, at, message));
    }
    let bibliography =
        Bibliography::parse(text).map_err(|e| FileError::at(text, e.span.start, format!("BibTeX: {}", e.kind)))?;
    Ok(bibliography
        .iter()
        .map(|entry| {
            let fields: BTreeMap<String, String> =
                entry.fields.iter().map(|(name, chunks)| (name.to_lowercase(), chunks.format_verbatim())).collect();
            Source::bare(entry.key.clone(), Origin::Bibliography).with_fields(&fields)
        })
        .collect())
}

/// Where braces first nest deeper than [`MAX_BRACE_DEPTH`].
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_BRACE_DEPTH {
            return Some(at);
        }
    }
    None
}

#[derive(Deserialize)]
struct CslItem {
    id: CslId,
    title: Option<String>,
    publisher: Option<String>,
    #[serde(rename = "container-title")]
    container_title: Option<String>,
    #[serde(rename = "URL")]
    url: Option<String>,
    author: Option<Vec<CslName>>,
    issued: Option<CslDate>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CslId {
    Text(String),
    Number(i64),
}

#[derive(Deserialize)]
struct CslName {
    family: Option<String>,
    given: Option<String>,
    literal: Option<String>,
}

#[derive(Deserialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: Option<Vec<Vec<serde_json::Value>>>,
    raw: Option<String>,
}

/// The items of a CSL-JSON bibliography (an array of items).
pub fn parse_csl_json(text: &str) -> Result<Vec<Source>, FileError> {
    let items: Vec<CslItem> = serde_json::from_str(text).map_err(|e| FileError {
        line: e.line().saturating_sub(1) as u32,
        column: e.column().saturating_sub(1) as u32,
        message: format!("CSL-JSON: {e}"),
    })?;
    Ok(items.into_iter().map(csl_source).collect())
}

fn csl_source(item: CslItem) -> Source {
    let key = match item.id {
        CslId::Text(s) => s,
        CslId::Number(n) => n.to_string(),
    };
    let author = item.author.map(|names| {
        names
            .iter()
            .map(|n| {
                n.literal.clone().unwrap_or_else(|| {
                    [n.given.as_deref(), n.family.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ")
                })
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let date = item.issued.and_then(|d| {
        d.raw.or_else(|| {
            let parts = d.date_parts?.into_iter().next()?;
            Some(parts.iter().map(|p| p.to_string().trim_matches('"').to_string()).collect::<Vec<_>>().join("-"))
        })
    });
    Source {
        key,
        title: item.title,
        publisher: item.publisher.or(item.container_title),
        author,
        date,
        url: item.url,
        origin: Origin::Bibliography,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bibtex_keys_and_titles() {
        let bib =
            "@article{reuters-2024,\n  title = {Navy seizes cocaine},\n  journal = {Reuters},\n  year = {2024}\n}\n";
        let sources = parse_bibtex(bib).unwrap();
        assert_eq!(sources[0].key, "reuters-2024");
        assert_eq!(sources[0].title.as_deref(), Some("Navy seizes cocaine"));
        assert_eq!(sources[0].publisher.as_deref(), Some("Reuters"));
    }

    #[test]
    fn a_broken_bibtex_file_is_an_error_with_a_line() {
        let err = parse_bibtex("@article{a,\n title = {x},\n}\n@book{b,\n  title = {unclosed\n").unwrap_err();
        assert!(err.line >= 3, "{err:?}");
    }

    #[test]
    fn reads_csl_json() {
        let json = r#"[{"id": "ap-2023", "title": "Boats donated", "container-title": "AP",
            "author": [{"family": "Ruiz", "given": "Ana"}], "issued": {"date-parts": [[2023, 5]]}}]"#;
        let sources = parse_csl_json(json).unwrap();
        assert_eq!(sources[0].key, "ap-2023");
        assert_eq!(sources[0].author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(sources[0].date.as_deref(), Some("2023-5"));
    }

    #[test]
    fn broken_csl_json_points_at_the_line() {
        let err = parse_csl_json("[\n{\"id\": \"a\",}\n]").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
