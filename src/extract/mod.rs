//! What a draft claims: figures and source notes.

pub mod context;
pub mod figures;
pub mod notes;
pub mod units;
pub mod words;

pub use figures::{extract_figures, Figure, Hedge, Kind};
pub use notes::{extract_notes, NoteKind, SourceNote};
pub mod draft;
pub use draft::{read_draft, Draft, Sentence, MAX_FIGURES_PER_SENTENCE};
pub mod terms;
