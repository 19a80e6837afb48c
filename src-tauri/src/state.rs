//! What the shell keeps between commands: the open book (a writer, and a
//! read-only connection beside it so lists answer while a long job holds
//! the writer), where its files go, the cancel flag of the running job,
//! and an SMTP password kept for the session where the system has no
//! keychain.

use crate::error::{AppError, AppResult};
use partnerbook_core::audit::Actor;
use partnerbook_core::{payouts, Book};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// Folders the app writes to, resolved once at start (tests pass temp dirs).
#[derive(Clone, Debug)]
pub struct AppPaths {
    /// recent.json lives here.
    pub config_dir: PathBuf,
    /// The demo book lives here.
    pub data_dir: PathBuf,
    /// Where new books are suggested.
    pub documents_dir: PathBuf,
    /// partnerbook.log, a file a day.
    pub log_dir: PathBuf,
}

impl AppPaths {
    pub fn recent_file(&self) -> PathBuf {
        self.config_dir.join("recent.json")
    }
    pub fn demo_book(&self) -> PathBuf {
        self.data_dir.join("Demo program.partnerbook")
    }
}

pub struct AppState {
    /// Shared with blocking jobs (imports, the demo book) that outlive the command's borrow.
    book: Arc<Mutex<Option<Book>>>,
    /// The same book opened for reading only (WAL lets it read while the
    /// writer is in a transaction); None when it could not be opened.
    reader: Mutex<Option<Book>>,
    pub paths: AppPaths,
    cancel: Mutex<Arc<AtomicBool>>,
    /// The SMTP password where no keychain could keep it: for this session only.
    session_password: Mutex<Option<String>>,
}

impl AppState {
    pub fn new(paths: AppPaths) -> Self {
        AppState {
            book: Arc::new(Mutex::new(None)),
            reader: Mutex::new(None),
            paths,
            cancel: Mutex::new(Arc::new(AtomicBool::new(false))),
            session_password: Mutex::new(None),
        }
    }

    pub fn book_slot(&self) -> Arc<Mutex<Option<Book>>> {
        Arc::clone(&self.book)
    }

    /// Runs `f` on the open book, or fails with "no_book".
    pub fn with_book<T>(&self, f: impl FnOnce(&mut Book) -> AppResult<T>) -> AppResult<T> {
        with_book(&self.book, f)
    }

    /// Runs the query `f` on the read-only connection, which answers while
    /// an import or a payout run holds the writer (on the writer when there
    /// is no reader).
    pub fn read<T>(&self, f: impl FnOnce(&Book) -> AppResult<T>) -> AppResult<T> {
        self.read_if_open(f)?.ok_or_else(AppError::no_book)
    }

    /// Like `read`, but None when no book is open.
    pub fn read_if_open<T>(&self, f: impl FnOnce(&Book) -> AppResult<T>) -> AppResult<Option<T>> {
        if let Some(reader) = lock(&self.reader).as_ref() {
            return f(reader).map(Some);
        }
        lock(&self.book).as_ref().map(f).transpose()
    }

    /// Makes `book` the open book (None closes it), with its reader.
    pub fn set_book(&self, book: Option<Book>) {
        let reader = book.as_ref().and_then(|b| {
            Book::open_reader(b.path())
                .inspect_err(|e| tracing::warn!("no read-only connection: {e}"))
                .ok()
        });
        *lock(&self.book) = book;
        *lock(&self.reader) = reader;
    }

    /// A fresh cancel flag for a new job; `cancel_job` sets the latest one.
    pub fn start_job(&self) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        *lock(&self.cancel) = Arc::clone(&flag);
        flag
    }

    pub fn set_session_password(&self, password: Option<String>) {
        *lock(&self.session_password) = password;
    }

    /// The password typed now, else the one kept for this session (the
    /// keychain's is looked up by the core after both).
    pub fn smtp_password(&self, given: Option<String>) -> Option<String> {
        given
            .filter(|p| !p.is_empty())
            .or_else(|| lock(&self.session_password).clone())
    }

    pub fn cancel_job(&self) {
        lock(&self.cancel).store(true, Ordering::SeqCst);
    }
}

pub fn with_book<T>(
    slot: &Mutex<Option<Book>>,
    f: impl FnOnce(&mut Book) -> AppResult<T>,
) -> AppResult<T> {
    let mut guard = lock(slot);
    match guard.as_mut() {
        Some(book) => {
            let out = f(book)?;
            // A draft payout run follows any partner whose payout facts the
            // command changed; approval checks again, so a failure here is
            // logged, not the command's.
            if let Err(e) = payouts::refresh_draft(book, Actor::User) {
                tracing::warn!("draft run not refreshed: {e}");
            }
            Ok(out)
        }
        None => Err(AppError::no_book()),
    }
}

/// A panic while holding the lock must not make every later command fail:
/// the book itself is transactional, so the data behind a poisoned lock is sound.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
