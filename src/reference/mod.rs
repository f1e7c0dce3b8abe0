//! Sources and what stet knows of them.

pub mod bibliography;
pub mod library;
pub mod source;

pub use bibliography::{parse_bibtex, parse_csl_json};
pub use library::Library;
pub use source::{read_front_matter, source_from_text, FileError, FrontMatter, Origin, Source};
