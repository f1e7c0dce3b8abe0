//! The real `stet lsp` binary over stdio, for tests of what only a separate process shows: its
//! framing, its exit, its memory.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

pub struct Server {
    pub child: Child,
    stdin: Option<ChildStdin>,
    /// Every message from the server, in order.
    messages: Receiver<Value>,
}

impl Server {
    pub fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stet"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, messages) = channel();
        std::thread::spawn(move || loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            if send.send(serde_json::from_slice(&body).unwrap_or(Value::Null)).is_err() {
                return;
            }
        });
        Server { child, stdin: Some(stdin), messages }
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("the input is closed");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// Closes the server's stdin, as a client that goes away does.
    pub fn close_input(&mut self) {
        self.stdin = None;
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{}", body.len(), body).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message from the server, within `seconds`.
    pub fn next(&mut self, seconds: u64) -> Value {
        self.messages.recv_timeout(Duration::from_secs(seconds)).expect("the server sent nothing in time")
    }

    /// The next message that is a response (has no method).
    pub fn response(&mut self) -> Value {
        loop {
            let m = self.next(30);
            if m.get("method").is_none() {
                return m;
            }
        }
    }

    /// Initializes the server with `options`, waiting for its answer as a client must.
    pub fn initialize_with(&mut self, options: Value) {
        let params = json!({"capabilities": {}, "initializationOptions": options});
        self.send(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": params}));
        assert!(self.response()["result"]["capabilities"].is_object());
        self.notify("initialized", json!({}));
    }

    pub fn initialize(&mut self) {
        self.initialize_with(Value::Null);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
