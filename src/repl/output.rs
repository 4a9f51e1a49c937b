//! Program output while the prompt may be on screen. While the user types,
//! whole lines go to rustyline's external printer, which prints them above
//! the prompt and redraws the half-typed line; while a line runs they go
//! straight to stdout. A partial line waits for its newline, since the
//! printer would end it.

use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;
use std::sync::mpsc::Sender;

pub struct PromptAwareOut {
    /// True while rustyline shows the prompt (shared with the driver).
    pub prompt_up: Rc<Cell<bool>>,
    /// Lines for the printer thread, which owns the external printer (its
    /// `print` can block until the editor reads, so the VM never calls it).
    pub printer: Sender<String>,
    pending: Vec<u8>,
}

impl PromptAwareOut {
    pub fn new(prompt_up: Rc<Cell<bool>>, printer: Sender<String>) -> Self {
        PromptAwareOut {
            prompt_up,
            printer,
            pending: Vec::new(),
        }
    }

    fn send_complete_lines(&mut self) {
        let Some(last_nl) = self.pending.iter().rposition(|&b| b == b'\n') else {
            return;
        };
        let rest = self.pending.split_off(last_nl + 1);
        let lines = std::mem::replace(&mut self.pending, rest);
        let text = String::from_utf8_lossy(&lines).into_owned();
        if self.printer.send(text.clone()).is_err() {
            // The printer is gone (editor closed): fall back to stdout.
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
    }

    fn write_pending_direct(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let bytes = std::mem::take(&mut self.pending);
            std::io::stdout().write_all(&bytes)?;
        }
        Ok(())
    }
}

impl Write for PromptAwareOut {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.prompt_up.get() {
            self.pending.extend_from_slice(buf);
            self.send_complete_lines();
        } else {
            self.write_pending_direct()?;
            std::io::stdout().write_all(buf)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.prompt_up.get() {
            self.send_complete_lines();
            Ok(())
        } else {
            self.write_pending_direct()?;
            std::io::stdout().flush()
        }
    }
}
