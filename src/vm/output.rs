//! Where the program's standard output goes. Normally the process's stdout;
//! an embedder (the REPL, while its prompt is on screen) can plug in its own
//! writer so program output does not garble what the user is typing.

use std::io::{BufWriter, Stdout, Write};

/// The writer behind `Vm::out` (which buffers in front of it).
pub enum Sink {
    Stdout(Stdout),
    Custom(Box<dyn Write>),
}

impl Sink {
    pub fn stdout() -> Self {
        Sink::Stdout(std::io::stdout())
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::Custom(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Sink::Stdout(s) => s.write_all(buf),
            Sink::Custom(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::Custom(w) => w.flush(),
        }
    }
}

/// `Vm::out`'s buffer size.
pub const BUFFER: usize = 1 << 16;

impl super::Vm {
    /// Flushes what is buffered to the old sink, then sends output to `sink`.
    pub fn set_output(&mut self, sink: Sink) {
        self.flush();
        self.out = BufWriter::with_capacity(BUFFER, sink);
    }
}
