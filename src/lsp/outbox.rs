//! Everything the server tells the client goes through here. Notifications are written as
//! framed JSON-RPC straight to the output, in the order they are made; requests (which need their
//! answers paired with them) go through tower-lsp's client.

use serde::Serialize;
use tower_lsp::lsp_types::notification::{LogMessage, Notification, ShowMessage};
use tower_lsp::lsp_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, LogMessageParams, MessageType,
    Registration, ShowMessageParams, Unregistration, Url,
};
use tower_lsp::Client;

use super::framing::frame;

/// The id the file watch is registered under, to replace it when the settings name other files.
const WATCH: &str = "stet-watch";

/// The server's one way to the client.
pub struct Outbox {
    client: Client,
    framed: tokio::sync::mpsc::UnboundedSender<Vec<u8>>,
}

#[derive(Serialize)]
struct Message<'a, P> {
    jsonrpc: &'static str,
    method: &'a str,
    params: P,
}

impl Outbox {
    pub fn new(client: Client, framed: tokio::sync::mpsc::UnboundedSender<Vec<u8>>) -> Self {
        Outbox { client, framed }
    }

    /// Sends notification `N`.
    pub fn notify<N: Notification>(&self, params: N::Params) {
        let message = Message { jsonrpc: "2.0", method: N::METHOD, params };
        // A notification holds strings, numbers and JSON values only: it always serialises.
        if let Ok(body) = serde_json::to_vec(&message) {
            self.send(&body);
        }
    }

    /// Publishes the diagnostics of `uri`, given as a JSON array already written.
    pub fn diagnostics(&self, uri: &Url, version: Option<i32>, array: &[u8]) {
        let inner = array.strip_prefix(b"[").and_then(|a| a.strip_suffix(b"]")).unwrap_or_default();
        self.send_framed(published(uri, version, &[inner]));
    }

    /// Sends a message already framed, such as [`published`] makes.
    pub fn send_framed(&self, framed: Vec<u8>) {
        // The writer ends only with the server: nothing is left to tell if it is gone.
        let _ = self.framed.send(framed);
    }

    /// Clears the diagnostics of `uri`.
    pub fn clear(&self, uri: &Url) {
        self.diagnostics(uri, None, b"[]");
    }

    /// A line in the client's log.
    pub fn log(&self, typ: MessageType, message: impl Into<String>) {
        self.notify::<LogMessage>(LogMessageParams { typ, message: message.into() });
    }

    /// A message the user sees.
    pub fn show(&self, typ: MessageType, message: impl Into<String>) {
        self.notify::<ShowMessage>(ShowMessageParams { typ, message: message.into() });
    }

    /// Asks the client to fetch code lenses again; its answer says nothing worth waiting for.
    pub fn refresh_lenses(&self) {
        let client = self.client.clone();
        tokio::spawn(async move { client.code_lens_refresh().await });
    }

    /// Asks the client to watch files matching `globs`, in place of what it watched before.
    pub async fn watch(&self, globs: Vec<String>, replacing: bool) {
        if replacing {
            let gone = Unregistration { id: WATCH.into(), method: "workspace/didChangeWatchedFiles".into() };
            let _ = self.client.unregister_capability(vec![gone]).await;
        }
        let watchers = globs
            .into_iter()
            .map(|glob| FileSystemWatcher { glob_pattern: GlobPattern::String(glob), kind: None })
            .collect();
        let registration = Registration {
            id: WATCH.into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions { watchers }).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            self.log(MessageType::WARNING, format!("stet could not watch files: {e}"));
        }
    }

    fn send(&self, body: &[u8]) {
        self.send_framed(frame(body));
    }
}

/// The framed `publishDiagnostics` of `uri`, its array made of `runs` of diagnostics already
/// written as JSON (without brackets), joined in one buffer of the right size: a draft's
/// diagnostics are written once per paragraph, not rebuilt or copied again for every keystroke.
pub fn published(uri: &Url, version: Option<i32>, runs: &[&[u8]]) -> Vec<u8> {
    let uri = serde_json::to_string(uri.as_str()).unwrap_or_else(|_| "\"\"".into());
    let version = version.map_or(String::new(), |v| format!(",\"version\":{v}"));
    let head = format!(
        "{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{{\"uri\":{uri}{version},\"diagnostics\":["
    );
    let runs = runs.iter().filter(|r| !r.is_empty());
    let array: usize = runs.clone().map(|r| r.len() + 1).sum();
    // Each run with a comma before it but the first, and `]}}` after the last.
    let length = head.len() + array.max(1) + 2;
    let header = format!("Content-Length: {length}\r\n\r\n");
    let mut out = Vec::with_capacity(header.len() + length);
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(head.as_bytes());
    for (i, run) in runs.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(run);
    }
    out.extend_from_slice(b"]}}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_message_joins_its_runs_under_the_length_it_declares() {
        let uri = Url::parse("file:///w/a.md").unwrap();
        let three: &[&[u8]] = &[b"{\"a\":1}", b"", b"{\"b\":2},{\"c\":3}"];
        for (runs, count) in [(&[][..], 0), (&[&b""[..]], 0), (three, 3)] {
            let framed = published(&uri, Some(4), runs);
            let text = String::from_utf8(framed).unwrap();
            let (header, body) = text.split_once("\r\n\r\n").unwrap();
            assert_eq!(header, format!("Content-Length: {}", body.len()));
            let message: serde_json::Value = serde_json::from_str(body).unwrap();
            assert_eq!(message["params"]["version"], 4);
            assert_eq!(message["params"]["diagnostics"].as_array().unwrap().len(), count);
        }
    }
}
