//! Which JSON bodies reach tower-lsp.
//!
//! tower-lsp's decoder ends the server at the first body it cannot read as a request or a
//! response, even when the body is valid JSON (`{}`, a batch array, `"jsonrpc": "1.0"`). stet
//! reads each body's envelope first and passes on only what that decoder accepts: anything else
//! that claims to be a request is answered with -32600 here, and a broken response, which
//! JSON-RPC never answers, is dropped.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// What to do with one message body.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Pass the body on to the server as it stands.
    Pass,
    /// Pass it on as it stands: it opens a document, whose URI the client's spelling is kept of.
    Opening,
    /// Pass these bytes on in its place.
    Replace(Vec<u8>),
    /// Send this framed answer to the client; the message goes no further.
    Answer(Vec<u8>),
    /// A response that answers nothing stet asked in a form it can read: dropped, since
    /// JSON-RPC answers no response.
    Drop,
    /// Not JSON at all.
    NotJson,
}

/// The fields of a JSON-RPC message that decide what it is. A field named twice fails here as it
/// would in tower-lsp's own decoder.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default, deserialize_with = "present")]
    jsonrpc: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    id: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    method: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    params: Option<IgnoredAny>,
    #[serde(default, deserialize_with = "present")]
    result: Option<IgnoredAny>,
    #[serde(default, deserialize_with = "present")]
    error: Option<IgnoredAny>,
}

/// `Some` for a field that is there, even when it is `null`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// Decides what becomes of a body that was framed whole.
pub fn judge(body: &[u8]) -> Verdict {
    // serde reads a struct from an array too (and so does tower-lsp): only an object is a message.
    let is_object = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let envelope = if is_object { serde_json::from_slice::<Envelope>(body).ok() } else { None };
    let Some(envelope) = envelope else {
        return match serde_json::from_slice::<IgnoredAny>(body) {
            Ok(_) => Verdict::Answer(invalid_request(&Value::Null, "not a JSON-RPC 2.0 message")),
            Err(_) => Verdict::NotJson,
        };
    };
    let id = envelope.id.clone().unwrap_or(Value::Null);
    let id_is_valid = id.is_i64() || id.is_string() || id.is_null();
    let reply_id = if id_is_valid { id.clone() } else { Value::Null };
    if envelope.jsonrpc.as_ref().and_then(Value::as_str) != Some("2.0") {
        return Verdict::Answer(invalid_request(&reply_id, "\"jsonrpc\" must be \"2.0\""));
    }
    if !id_is_valid {
        return Verdict::Answer(invalid_request(&Value::Null, "an id must be an integer or a string"));
    }
    match &envelope.method {
        Some(Value::String(method)) => judge_request(body, method, &envelope, &reply_id),
        Some(_) => Verdict::Answer(invalid_request(&reply_id, "\"method\" must be a string")),
        None if envelope.id.is_none() => {
            Verdict::Answer(invalid_request(&Value::Null, "neither a request (no method) nor a response (no id)"))
        }
        None => judge_response(body),
    }
}

fn judge_request(body: &[u8], method: &str, envelope: &Envelope, id: &Value) -> Verdict {
    if envelope.result.is_some() || envelope.error.is_some() {
        return Verdict::Answer(invalid_request(id, "a request cannot carry a result or an error"));
    }
    if envelope.params.is_some() && matches!(method, "shutdown" | "exit") {
        return judge_bare(body, method, id);
    }
    if method == "textDocument/didOpen" {
        return Verdict::Opening;
    }
    Verdict::Pass
}

/// `shutdown` and `exit` take no params: `null` is accepted (tower-lsp alone would refuse it),
/// anything else makes `shutdown` invalid, and it is answered here so that it shuts nothing down
/// (tower-lsp marks the server shut down before it reads the params).
fn judge_bare(body: &[u8], method: &str, id: &Value) -> Verdict {
    let Ok(Value::Object(mut object)) = serde_json::from_slice::<Value>(body) else { return Verdict::Pass };
    if object.get("params").is_some_and(Value::is_null) {
        object.remove("params");
        return serde_json::to_vec(&object).map_or(Verdict::Pass, Verdict::Replace);
    }
    if method == "shutdown" {
        return Verdict::Answer(error(id, -32602, "shutdown takes no params"));
    }
    Verdict::Pass
}

/// A response goes on only if tower-lsp can read it; a broken one is dropped.
fn judge_response(body: &[u8]) -> Verdict {
    if serde_json::from_slice::<tower_lsp::jsonrpc::Response>(body).is_ok() {
        Verdict::Pass
    } else {
        Verdict::Drop
    }
}

fn invalid_request(id: &Value, why: &str) -> Vec<u8> {
    error(id, -32600, &format!("Invalid request: {why}"))
}

/// A framed error response.
fn error(id: &Value, code: i64, message: &str) -> Vec<u8> {
    let body = serde_json::json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    super::framing::frame(body.to_string().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(body: &str) -> Verdict {
        judge(body.as_bytes())
    }

    #[test]
    fn requests_and_responses_pass_unchanged() {
        for body in [
            r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
            r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            r#"{"jsonrpc":"2.0","id":"a","result":null}"#,
        ] {
            assert_eq!(judged(body), Verdict::Pass);
        }
    }

    #[test]
    fn whatever_passes_is_read_by_tower_lsp() {
        let body = r#"{"jsonrpc":"2.0","id":1,"method":"x","params":[1]}"#;
        assert_eq!(judged(body), Verdict::Pass);
        assert!(serde_json::from_str::<tower_lsp::jsonrpc::Request>(body).is_ok());
    }

    #[test]
    fn shutdown_with_null_params_loses_them_and_with_others_is_refused() {
        let Verdict::Replace(body) = judged(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#) else {
            panic!("refused")
        };
        assert_eq!(serde_json::from_slice::<Value>(&body).unwrap().get("params"), None);
        assert!(matches!(judged(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":[]}"#), Verdict::Answer(_)));
    }

    #[test]
    fn broken_responses_are_dropped_and_broken_json_is_told_apart() {
        assert_eq!(judged(r#"{"jsonrpc":"2.0","id":9}"#), Verdict::Drop);
        assert_eq!(judged(r#"{"jsonrpc":"2.0","id":9,"error":{}}"#), Verdict::Drop);
        assert_eq!(judged(r#"{"jsonrpc":"2.0""#), Verdict::NotJson);
    }
}
