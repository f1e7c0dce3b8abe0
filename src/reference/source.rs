//! What stet knows about one source: its key and metadata.

use std::collections::BTreeMap;

/// Where a source's metadata came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A text file under the sources folder: the checks can read what it says.
    Text,
    /// A bibliography entry: metadata only.
    Bibliography,
    /// A curated dataset with no text in the workspace: facts and metadata.
    Dataset,
}

/// A document a draft may cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub key: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub origin: Origin,
}

impl Source {
    /// The source a dataset describes.
    pub fn from_info(info: &super::SourceInfo, origin: Origin) -> Self {
        Source {
            key: info.key.clone(),
            title: info.title.clone(),
            publisher: info.publisher.clone(),
            author: info.author.clone(),
            date: info.date.clone(),
            url: info.url.clone(),
            origin,
        }
    }

    /// A source known by its key alone.
    pub fn bare(key: impl Into<String>, origin: Origin) -> Self {
        Self { key: key.into(), title: None, publisher: None, author: None, date: None, url: None, origin }
    }

    /// Fills the metadata fields from a map of front-matter or bibliography fields.
    pub fn with_fields(mut self, fields: &BTreeMap<String, String>) -> Self {
        let get = |names: &[&str]| names.iter().find_map(|n| fields.get(*n).filter(|v| !v.is_empty()).cloned());
        self.title = get(&["title"]);
        self.publisher = get(&["publisher", "container-title", "journal", "journaltitle", "organization"]);
        self.author = get(&["author"]);
        self.date = get(&["date", "year", "issued"]);
        self.url = get(&["url", "URL", "address"]);
        self
    }
}

/// A problem in a file that stet reads, at a line and column (both 0-based, columns in chars).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct FileError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl FileError {
    /// An error at byte `offset` of `text`.
    pub fn at(text: &str, offset: usize, message: impl Into<String>) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() as u32;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32;
        Self { line, column, message: message.into() }
    }
}

/// The front matter of a Markdown file (`---` ... `---`), read as flat `name: value` pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub fields: BTreeMap<String, String>,
    /// Byte offset where the body starts.
    pub body_start: usize,
}

/// Reads the front matter at the top of `text`, if any.
pub fn read_front_matter(text: &str) -> Result<FrontMatter, FileError> {
    let text_start = usize::from(text.starts_with('\u{feff}')) * 3;
    let rest = &text[text_start..];
    let Some(first_line_end) = rest.find('\n') else { return Ok(FrontMatter::default()) };
    if rest[..first_line_end].trim_end() != "---" {
        return Ok(FrontMatter::default());
    }
    let mut fields = BTreeMap::new();
    let mut offset = text_start + first_line_end + 1;
    for line in text[offset..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(FrontMatter { fields, body_start: offset + line.len() });
        }
        if !trimmed.is_empty() && !trimmed.starts_with('#') && !line.starts_with([' ', '\t', '-']) {
            let Some((name, value)) = trimmed.split_once(':') else {
                return Err(FileError::at(text, offset, format!("front matter line is not `name: value`: {trimmed}")));
            };
            if let Some(why) = unclosed(value.trim()) {
                let at = offset + trimmed.len() - value.trim_start().len();
                return Err(FileError::at(text, at, format!("front matter value of `{}` {why}", name.trim())));
            }
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
            fields.insert(name.trim().to_string(), value);
        }
        offset += line.len();
    }
    Err(FileError::at(text, text_start, "front matter opened with `---` is never closed"))
}

/// Why a front matter value is cut short, if it opens a list, a map or a quotation it never
/// closes (`key: [unclosed`): read as plain text, such a value would name a source wrongly.
fn unclosed(value: &str) -> Option<&'static str> {
    let closes = |open: char, close: char| !value.starts_with(open) || (value.len() > 1 && value.ends_with(close));
    if !closes('[', ']') {
        return Some("opens a list with `[` that is never closed");
    }
    if !closes('{', '}') {
        return Some("opens a map with `{` that is never closed");
    }
    if !closes('"', '"') {
        return Some("opens a quotation with `\"` that is never closed");
    }
    None
}

/// The source described by a text file: key from front matter `key`, else the file stem.
pub fn source_from_text(stem: &str, text: &str) -> Result<Source, FileError> {
    let front = read_front_matter(text)?;
    let key = front.fields.get("key").filter(|k| !k.is_empty()).cloned().unwrap_or_else(|| stem.to_string());
    Ok(Source::bare(key, Origin::Text).with_fields(&front.fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_comes_from_front_matter_else_the_stem() {
        let text = "---\nkey: nv-2025\ntitle: \"Ties deepen\"\n---\nBody.";
        let source = source_from_text("file", text).unwrap();
        assert_eq!(source.key, "nv-2025");
        assert_eq!(source.title.as_deref(), Some("Ties deepen"));
        assert_eq!(source_from_text("file", "Just text.").unwrap().key, "file");
    }

    #[test]
    fn unclosed_or_malformed_front_matter_is_an_error_with_its_line() {
        let err = source_from_text("f", "---\nkey: a\n").unwrap_err();
        assert_eq!((err.line, err.column), (0, 0));
        let err = source_from_text("f", "---\nkey: a\nnot a pair\n---\n").unwrap_err();
        assert_eq!(err.line, 2);
        let err = source_from_text("f", "---\ntitle: x\nkey: [unclosed\n---\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 5), "{}", err.message);
        assert!(source_from_text("f", "---\nkey: [a, b]\ntitle: \"Q\"\n---\n").is_ok());
    }
}
