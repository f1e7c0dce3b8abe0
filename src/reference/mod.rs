//! Sources and what stet knows of them.

pub(crate) mod bibliography;
pub(crate) mod library;
pub(crate) mod source;

pub use bibliography::{parse_bibtex, parse_csl_json, MAX_BRACE_DEPTH};
pub use library::Library;
pub use source::{read_front_matter, source_from_text, FileError, FrontMatter, Origin, Source};
pub(crate) mod builder;
pub(crate) mod dataset;
pub(crate) mod entities;
pub(crate) mod index;
pub(crate) mod passages;
pub(crate) mod quote_index;
pub(crate) mod titles;

pub use builder::{build_dataset, MAX_SOURCE_FIGURES};
pub use dataset::{Dataset, Entity, EntityKind, Fact, Place, SourceInfo, SCHEMA};
pub use index::{EntityId, FactId, Index, NameMatch};
