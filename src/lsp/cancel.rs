//! `$/cancelRequest` honoured the moment it arrives.
//!
//! tower-lsp runs each message's handler, a cancellation among them, through one queue that
//! runs four at a time, in order: behind a few slow requests a cancellation waits its turn and
//! the requests it cancels run to the end. stet sees every message as it is read, so it answers a
//! cancelled request at once (-32800) and drops its handler, which then never starts, or stops at
//! its next wait.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Error, Id, Request, Response};
use tower_lsp::ExitedError;

/// The answer to a request, as tower-lsp's service gives it.
pub type Answer = Pin<Box<dyn Future<Output = Result<Option<Response>, ExitedError>> + Send>>;

/// The requests still unanswered, each with the signal that cancels it.
#[derive(Clone, Default)]
pub struct Cancels(Arc<Mutex<HashMap<Id, Arc<Notify>>>>);

impl Cancels {
    fn map(&self) -> MutexGuard<'_, HashMap<Id, Arc<Notify>>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Cancels the request a `$/cancelRequest` names, if it is still unanswered.
    pub fn cancel(&self, request: &Request) {
        let id = request.params().and_then(|p| p.get("id")).cloned();
        let Some(id) = id.and_then(|id| serde_json::from_value::<Id>(id).ok()) else { return };
        if let Some(signal) = self.map().remove(&id) {
            signal.notify_one();
        }
    }

    /// `answer`, unless the request `id` is cancelled first: then -32800, and `answer` dropped.
    pub fn watch(&self, id: Id, answer: Answer) -> Answer {
        let signal = Arc::new(Notify::new());
        self.map().insert(id.clone(), signal.clone());
        let cancels = self.clone();
        Box::pin(async move {
            tokio::select! {
                answered = answer => {
                    cancels.map().remove(&id);
                    answered
                }
                _ = signal.notified() => Ok(Some(Response::from_error(id, Error::request_cancelled()))),
            }
        })
    }
}
