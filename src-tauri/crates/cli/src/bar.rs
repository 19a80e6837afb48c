//! Progress bars on stderr (hidden when it is not a terminal) and Ctrl-C as
//! "cancel": the running job stops before it commits, leaving the book as it was.

use indicatif::{ProgressBar, ProgressStyle};
use partnerbook_core::progress::Progress;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

pub struct Bar {
    bar: ProgressBar,
    step: Mutex<String>,
    cancelled: Arc<AtomicBool>,
}

impl Bar {
    pub fn new() -> Self {
        let cancelled = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancelled);
        // Only one handler per process; a second Bar reuses the first flag's effect.
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{msg:>12} [{bar:32}] {human_pos}/{human_len} ({per_sec}, {eta} left)",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        Bar {
            bar,
            step: Mutex::new(String::new()),
            cancelled,
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn update(&self, step: &str, done: u64, total: u64) {
        let mut current = self.step.lock().unwrap_or_else(|p| p.into_inner());
        if *current != step {
            *current = step.to_string();
            self.bar.set_message(step.to_string());
        }
        if total == 0 {
            self.bar.unset_length();
        } else {
            self.bar.set_length(total);
        }
        self.bar.set_position(done);
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }
}
