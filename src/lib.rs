//! stet: checks the figures and names of a journalist's draft against the sources it cites.
//!
//! The core (`text`, `extract`, `reference`, `check`) is pure: it knows nothing of files or of
//! the Language Server Protocol. `workspace` and `files` read files; `cli` and `lsp` are the two faces.

pub mod check;
pub mod cli;
pub mod extract;
pub mod files;
pub(crate) mod lexicon;
pub mod lsp;
pub mod reference;
pub mod settings;
pub mod text;
pub mod workspace;
