//! The reference dataset: what a source says, as facts and entities.
//!
//! Its JSON form (`"schema": "stet-reference/1"`) is what `stet reference build` writes and what
//! curated files under `reference/` hold. Fields serialize in declaration order so datasets diff
//! well; optional fields are left out when empty.

use serde::{Deserialize, Serialize};

use crate::extract::{Hedge, Kind};

/// The schema name and version every dataset carries.
pub const SCHEMA: &str = "stet-reference/1";

/// Where something stands in a source: 0-based line, UTF-16 characters, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Place {
    pub line: u32,
    pub character: u32,
    pub end_line: u32,
    pub end_character: u32,
}

impl Place {
    /// The place of bytes `range` of `text`, in `encoding`.
    pub fn spanning(
        text: &str,
        lines: &crate::text::LineIndex,
        range: std::ops::Range<usize>,
        encoding: crate::text::Encoding,
    ) -> Place {
        let (start, end) = lines.range(text, range, encoding);
        Place { line: start.line, character: start.character, end_line: end.line, end_character: end.character }
    }
}

/// Metadata of the source a dataset describes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SourceInfo {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A figure a source states, with what it is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Stable within a dataset: `f1`, `f2`, ... in the order of the source.
    pub id: String,
    /// The figure as the source writes it (`over 84,000`), not its sentence.
    pub text: String,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit a bare number leaves to the quantity before it (`48 degrees at the start, 55 by
    /// noon`): a draft's `55 degrees` may be compared with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied_unit: Option<String>,
    /// The smallest step the source's value distinguishes (1 for `84,000`, 0.1 for `1.7`).
    pub step: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<Hedge>,
    /// The year or span the figure refers to (`2015`, `the first seven months of 2024`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Every year its sentence names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<i32>,
    /// A short phrase for what is counted: `people detained`, `homicide rate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Canonical names of the entities its sentence mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    /// Content words of its sentence, lower-cased and stemmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// The stemmed words of the stretch of its clause that belongs to it alone (between the
    /// figures before and after it), which tell it from the other figures of its sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segment: Vec<String>,
    pub place: Place,
    /// Set by a curated file when the source withdrew the figure.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retracted: bool,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Operation,
    Facility,
    Group,
}

/// A named person, body, place, operation, facility or group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Titles or roles the source gives it: `U.S. Defense Secretary`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Place>,
}

/// Everything one source says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema: String,
    pub source: SourceInfo,
    #[serde(default)]
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// The words of the source's text, for quotations: in memory only, never in a dataset file.
    #[serde(skip)]
    pub text: super::passages::SourceWords,
}

impl Dataset {
    /// An empty dataset for `key`.
    pub fn new(source: SourceInfo) -> Self {
        Self { schema: SCHEMA.to_string(), source, facts: Vec::new(), entities: Vec::new(), text: Default::default() }
    }

    /// Pretty JSON, ending in a line break.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Reads a dataset file; the error names the line and column.
    pub fn from_json(text: &str) -> Result<Self, super::FileError> {
        let dataset: Dataset = serde_json::from_str(text).map_err(|e| super::FileError {
            line: e.line().saturating_sub(1) as u32,
            column: e.column().saturating_sub(1) as u32,
            message: format!("dataset: {e}"),
        })?;
        if dataset.schema != SCHEMA {
            let at = text.find(&dataset.schema).unwrap_or(0);
            return Err(super::FileError::at(
                text,
                at,
                format!("dataset schema {:?} is not {SCHEMA:?}", dataset.schema),
            ));
        }
        Ok(dataset)
    }

    /// Applies a curated dataset for the same source: its facts replace or retract facts with
    /// the same id (or add new ones), and its entities add aliases, roles and new entities.
    pub fn merge_curated(&mut self, curated: &Dataset) {
        for fact in &curated.facts {
            match self.facts.iter_mut().find(|f| f.id == fact.id) {
                Some(known) => *known = fact.clone(),
                None => self.facts.push(fact.clone()),
            }
        }
        for entity in &curated.entities {
            match self.entities.iter_mut().find(|e| e.name == entity.name) {
                Some(known) => {
                    for alias in &entity.aliases {
                        if !known.aliases.contains(alias) {
                            known.aliases.push(alias.clone());
                        }
                    }
                    for role in &entity.roles {
                        if !known.roles.contains(role) {
                            known.roles.push(role.clone());
                        }
                    }
                    known.kind = entity.kind;
                }
                None => self.entities.push(entity.clone()),
            }
        }
        let info = &curated.source;
        let s = &mut self.source;
        s.title = info.title.clone().or(s.title.take());
        s.publisher = info.publisher.clone().or(s.publisher.take());
        s.author = info.author.clone().or(s.author.take());
        s.date = info.date.clone().or(s.date.take());
        s.url = info.url.clone().or(s.url.take());
    }
}
