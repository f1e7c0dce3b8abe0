//! The Language Server Protocol face of stet, on tower-lsp.

mod backend;
mod cancel;
pub(crate) mod completion;
pub(crate) mod convert;
pub mod document;
mod envelope;
pub(crate) mod framing;
mod hover;
mod memory;
mod outbox;
mod schedule;
pub(crate) mod session;
mod spelling;
mod state;
pub(crate) mod symbols;
mod watch;

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::{ExitedError, LspService, Server};

pub use backend::Backend;
pub use session::{check_in_workspace, Checker};
pub use symbols::MAX_SYMBOLS;

/// How the session ended.
#[derive(Debug, Default)]
struct Ending {
    shutdown: AtomicBool,
    exit: Notify,
}

/// Passes messages to the server and notices `shutdown` and `exit`, so the process can end at
/// `exit` even while the editor keeps stdin open (tower-lsp alone waits for stdin to close).
struct Watch<S> {
    inner: S,
    ending: Arc<Ending>,
    cancels: cancel::Cancels,
}

impl<S> tower::Service<Request> for Watch<S>
where
    S: tower::Service<Request, Response = Option<Response>, Error = ExitedError>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = cancel::Answer;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        match request.method() {
            "shutdown" => self.ending.shutdown.store(true, Ordering::SeqCst),
            "exit" => self.ending.exit.notify_one(),
            "$/cancelRequest" => self.cancels.cancel(&request),
            _ => {}
        }
        let id = request.id().cloned();
        let answer = Box::pin(self.inner.call(request));
        match id {
            Some(id) => self.cancels.watch(id, answer),
            None => answer,
        }
    }
}

/// Serves LSP over the given streams until the client sends `exit` or closes the input.
/// Returns whether `shutdown` came first.
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    serve_with(input, output, check_in_workspace).await
}

/// [`serve`] with another checker in place of stet's own.
pub async fn serve_with<I, O>(input: I, output: O, checker: Checker) -> bool
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    // stet frames the streams itself, so that a broken message costs that message only.
    let (to_server, server_input) = tokio::io::duplex(1 << 20);
    let (server_output, from_server) = tokio::io::duplex(1 << 20);
    let (replies, replies_rx) = tokio::sync::mpsc::unbounded_channel();
    let outgoing = replies.clone();
    let (service, socket) = LspService::new(move |client| Backend::with_checker(client, checker, outgoing));
    let ending = Arc::new(Ending::default());
    let watched = Watch { inner: service, ending: ending.clone(), cancels: cancel::Cancels::default() };
    let spellings = spelling::Spellings::default();
    let gone = Arc::new(Notify::new());
    let mut reader = tokio::spawn(framing::read_messages(input, to_server, replies, spellings.clone()));
    let writer = tokio::spawn(framing::write_messages(from_server, replies_rx, output, spellings, gone.clone()));
    tokio::select! {
        _ = Server::new(server_input, server_output, socket).serve(watched) => {}
        _ = ending.exit.notified() => {}
        // The client stopped reading: nobody hears the server any more.
        _ = gone.notified() => {}
        // The client closed its input: answers already under way get a moment, but nothing the
        // server still waits on (a hung file, a long check) keeps the process alive.
        _ = async {
            let _ = (&mut reader).await;
            tokio::time::sleep(CLOSING_GRACE).await;
        } => {}
    }
    reader.abort();
    // Let the last answers (to `shutdown`, say) reach the client before returning.
    let _ = tokio::time::timeout(std::time::Duration::from_millis(200), writer).await;
    ending.shutdown.load(Ordering::SeqCst)
}

/// How long the server goes on after its input closes.
const CLOSING_GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// `stet lsp`: serves stdio; exits 0 after `shutdown` and `exit`, 1 on `exit` alone.
pub fn run_stdio() -> anyhow::Result<ExitCode> {
    // One arena a core, as many as checks run at once; before the runtime's threads exist.
    memory::limit_arenas(std::thread::available_parallelism().map_or(2, |n| n.get()));
    // One thread runs every task: tower-lsp answers all messages from one task anyway, and what
    // takes long (checks, loading sources, answers about a draft) goes to the blocking pool.
    // Worker threads waking one another cost a tenth of a small draft's keystroke.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Background reads of stdin would keep the runtime alive; leave without waiting for them.
    runtime.shutdown_background();
    Ok(if clean { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
