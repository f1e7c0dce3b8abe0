//! What a draft claims: figures and source notes.

pub(crate) mod context;
pub(crate) mod figure;
pub(crate) mod figures;
pub(crate) mod notes;
pub(crate) mod quotes;
pub(crate) mod units;
pub(crate) mod words;

pub use figure::{Figure, Hedge, Kind, AGE, POINTS};
pub use figures::extract_figures;
pub use notes::{extract_notes, NoteKind, SourceNote};
pub(crate) mod draft;
pub use draft::{read_draft, Draft, Sentence, MAX_FIGURES_PER_SENTENCE};
pub mod terms;
