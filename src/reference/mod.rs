//! Sources and what stet knows of them.

pub mod bibliography;
pub mod library;
pub mod source;

pub use bibliography::{parse_bibtex, parse_csl_json, MAX_BRACE_DEPTH};
pub use library::Library;
pub use source::{read_front_matter, source_from_text, FileError, FrontMatter, Origin, Source};
pub mod builder;
pub mod dataset;
pub mod entities;
pub mod index;
pub mod lexicon;
pub mod places;

pub use builder::{build_dataset, MAX_SOURCE_FIGURES};
pub use dataset::{Dataset, Entity, EntityKind, Fact, Place, SourceInfo, SCHEMA};
pub use index::{EntityId, FactId, Index, NameMatch};
