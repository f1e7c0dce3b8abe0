//! Draft text: positions, Markdown structure, sentences.

pub(crate) mod markdown;
pub(crate) mod position;
pub(crate) mod segments;
pub(crate) mod sentences;

pub use markdown::{parse, Block, BlockKind, Layout};
pub use position::{Encoding, LineIndex, Position};
pub use sentences::{split_sentences, MAX_SENTENCE_BYTES};

/// `word` in lower case, borrowed when it is already: most words of prose are, and reading them
/// need not allocate.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lower_is_what_to_lowercase_gives(word in "[a-zA-Z0-9'’İÉéßΣ-]{0,12}") {
            prop_assert_eq!(super::lower(&word).into_owned(), word.to_lowercase());
        }
    }

    #[test]
    fn a_word_in_lower_case_is_borrowed() {
        assert!(matches!(super::lower("detained"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(super::lower("Détained"), std::borrow::Cow::Owned(_)));
    }
}
