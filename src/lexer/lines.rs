//! Line numbers for error messages, computed incrementally: errors arrive in
//! source order, so a file full of errors stays linear to lex.

/// Remembers the last position asked about and its line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineCounter {
    pos: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { pos: 0, line: 1 }
    }
}

impl LineCounter {
    /// Number of the line holding byte `pos` (1-based); `\r\n`, `\n` and a
    /// lone `\r` each end a line, as when CPython reads a file.
    pub(crate) fn line_at(&mut self, src: &str, pos: usize) -> usize {
        let pos = pos.min(src.len());
        if pos < self.pos {
            *self = LineCounter::default();
        }
        let b = src.as_bytes();
        for i in self.pos..pos {
            if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.pos = pos;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::LineCounter;

    #[test]
    fn counts_every_line_end_style() {
        let src = "a\nb\r\nc\rd";
        let mut lc = LineCounter::default();
        assert_eq!(lc.line_at(src, 0), 1);
        assert_eq!(lc.line_at(src, 2), 2);
        assert_eq!(lc.line_at(src, 5), 3);
        assert_eq!(lc.line_at(src, 7), 4);
        assert_eq!(lc.line_at(src, 1), 1);
        assert_eq!(lc.line_at(src, 100), 4);
    }
}
