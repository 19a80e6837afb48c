//! Progress of long jobs, sent to the UI's progress bar over a Tauri
//! channel and throttled so a fast import does not flood the webview.

use partnerbook_core::progress::{JobProgress, Progress};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tauri::ipc::Channel;

pub struct ChannelProgress {
    channel: Channel<JobProgress>,
    cancel: Arc<AtomicBool>,
    last_sent: Mutex<Option<Instant>>,
}

impl ChannelProgress {
    pub fn new(channel: Channel<JobProgress>, cancel: Arc<AtomicBool>) -> Self {
        ChannelProgress {
            channel,
            cancel,
            last_sent: Mutex::new(None),
        }
    }
}

impl Progress for ChannelProgress {
    fn update(&self, step: &str, done: u64, total: u64) {
        let mut last = crate::state::lock(&self.last_sent);
        let due = last.is_none_or(|t| t.elapsed() >= Duration::from_millis(50)) || done >= total;
        if due {
            *last = Some(Instant::now());
            // A closed window is not an error for the job itself.
            let _ = self.channel.send(JobProgress {
                step: step.to_string(),
                done,
                total,
            });
        }
    }

    fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }
}
