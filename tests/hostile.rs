//! What an attacker or an unlucky user can send or leave in a workspace: each case once stopped,
//! silenced, hung or misled stet (issue 18), and each drives the real binary or the library and
//! must finish in a few seconds.

mod common;

use serde_json::{json, Value};

use common::binary::Server;

/// Asks something every live server answers, and returns the answer, failing on any other
/// response met on the way.
fn still_answers(s: &mut Server, id: i64) -> Value {
    s.send(json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": "file:///nowhere/x.md"},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}}}));
    let answer = s.response();
    assert_eq!(answer["id"], id, "an unexpected answer: {answer}");
    answer
}

/// Sends `body` framed as it stands, bytes and all.
fn send_body(s: &mut Server, body: &str) {
    s.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
}

// 1. Valid JSON that is not a JSON-RPC message.

#[test]
fn json_that_is_not_json_rpc_is_refused_and_the_server_goes_on() {
    let mut s = Server::start();
    s.initialize();
    let cases = [
        ("{}", Value::Null),
        ("[]", Value::Null),
        (r#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#, Value::Null),
        ("42", Value::Null),
        (r#"{"jsonrpc":"1.0","id":3,"method":"shutdown"}"#, json!(3)),
        (r#"{"id":4,"method":"shutdown"}"#, json!(4)),
        (r#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":6,"method":7}"#, json!(6)),
        (r#"{"jsonrpc":"2.0","id":7,"method":"x","method":"y"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","method":"x","result":1}"#, Value::Null),
    ];
    for (n, (body, id)) in cases.iter().enumerate() {
        send_body(&mut s, body);
        let answer = s.response();
        assert_eq!((&answer["error"]["code"], &answer["id"]), (&json!(-32600), id), "{body}: {answer}");
        still_answers(&mut s, 100 + n as i64);
    }
}

#[test]
fn a_message_with_an_id_and_no_method_is_a_response_and_gets_no_answer() {
    let mut s = Server::start();
    s.initialize();
    send_body(&mut s, r#"{"jsonrpc":"2.0","id":9}"#);
    send_body(&mut s, r#"{"jsonrpc":"2.0","id":10,"result":null}"#);
    send_body(&mut s, r#"{"jsonrpc":"2.0","id":11,"error":{"code":1,"message":"x"}}"#);
    // The first answer after them is the one to this request: none of them was answered.
    still_answers(&mut s, 12);
}

// 2. `Content-Length:` inside a body.

/// The diagnostics published for `uri`, failing on any error met on the way.
fn published(s: &mut Server, uri: &str) -> Vec<Value> {
    loop {
        let m = s.next(20);
        assert!(m.get("error").is_none(), "an error before the diagnostics of {uri}: {m}");
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
            return m["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
        }
    }
}

fn open(s: &mut Server, uri: &str, text: &str) {
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
}

#[test]
fn a_draft_quoting_a_content_length_header_is_read_whole() {
    let mut s = Server::start();
    s.initialize();
    let uri = "file:///nowhere/http.md";
    let filler = "The server sent a header. ".repeat(8000);
    let text = format!("{filler}\n\nIt read Content-Length: 0\r\n\r\nand then nothing.\n\n{filler}\n");
    open(&mut s, uri, &text);
    published(&mut s, uri);
    still_answers(&mut s, 1);
}

#[test]
fn a_reply_quoting_a_content_length_header_does_not_wedge_the_answers() {
    let mut s = Server::start();
    s.initialize();
    let uri = "file:///nowhere/notes.md";
    let notes: String =
        (0..3000).map(|n| format!("[^n{n}]: The reply began Content-Length: 0 and stopped, note {n}.\n\n")).collect();
    let text = format!("{notes}See [^");
    let line = text.lines().count() - 1;
    // The draft goes with its header escaped, so only the reply holds it as it reads.
    let opening = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}});
    send_body(&mut s, &opening.to_string().replace("Content-Length", "Content\\u002dLength"));
    s.send(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": 6}}}));
    let answer = s.response();
    assert_eq!(answer["id"], 2, "{answer}");
    assert_eq!(answer["result"].as_array().map(Vec::len), Some(3000));
    still_answers(&mut s, 3);
}
