//! Documents named by the URI the client sent, not the one the server parsed.
//!
//! The `Url` type tower-lsp reads every URI into resolves dot segments, `%2e%2e` among them, so a
//! draft opened as `file:///w/drafts/%2e%2e/x.md` is known inside as `file:///w/x.md`, and
//! diagnostics published under that name match nothing the client has open. The reader notes
//! each opened URI that parsing changes; the writer puts the client's spelling back into the
//! diagnostics published for it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Deserialize;
use serde_json::Value;
use tower_lsp::lsp_types::Url;

/// How many spellings are kept; past this, new ones are not noted (a client that opens this many
/// oddly spelled documents gets diagnostics under the parsed names).
const MAX_SPELLINGS: usize = 10_000;

/// The client's spelling of each opened URI that parsing changes, by the parsed spelling.
#[derive(Clone, Default)]
pub struct Spellings(Arc<Mutex<HashMap<String, String>>>);

#[derive(Deserialize)]
struct Opening {
    method: String,
    params: OpeningParams,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OpeningParams {
    text_document: Named,
}

#[derive(Deserialize)]
struct Named {
    uri: String,
}

impl Spellings {
    fn map(&self) -> MutexGuard<'_, HashMap<String, String>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Notes the URI a `didOpen` body names, if parsing would spell it otherwise.
    pub fn note(&self, body: &[u8]) {
        let Ok(opening) = serde_json::from_slice::<Opening>(body) else { return };
        let sent = opening.params.text_document.uri;
        let Ok(parsed) = Url::parse(&sent) else { return };
        let mut map = self.map();
        if opening.method == "textDocument/didOpen" && parsed.as_str() != sent && map.len() < MAX_SPELLINGS {
            map.insert(parsed.to_string(), sent);
        }
    }

    /// Whether no URI the client sent is spelled otherwise once parsed.
    pub fn is_empty(&self) -> bool {
        self.map().is_empty()
    }

    /// `body`, with the URI of the diagnostics it publishes spelled as the client sent it.
    pub fn restore(&self, body: Vec<u8>) -> Vec<u8> {
        if self.map().is_empty() || !contains(body.get(..200).unwrap_or(&body), b"publishDiagnostics") {
            return body;
        }
        let Ok(mut message) = serde_json::from_slice::<Value>(&body) else { return body };
        let Some(uri) = message.pointer_mut("/params/uri") else { return body };
        let Some(sent) = uri.as_str().and_then(|u| self.map().get(u).cloned()) else { return body };
        *uri = Value::String(sent);
        serde_json::to_vec(&message).unwrap_or(body)
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_go_back_under_the_uri_the_client_sent() {
        let spellings = Spellings::default();
        spellings.note(br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/d/%2e%2e/x.md","text":""}}}"#);
        let published = br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///w/x.md","diagnostics":[]}}"#;
        let restored: Value = serde_json::from_slice(&spellings.restore(published.to_vec())).unwrap();
        assert_eq!(restored["params"]["uri"], "file:///w/d/%2e%2e/x.md");
    }
}
