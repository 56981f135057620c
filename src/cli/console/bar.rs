//! A progress bar for long work on the command line (`print`, `export`, `survey`, `collect` of a
//! large report): one line on standard error, redrawn in place with a carriage return, and
//! wiped when the work ends so the command's own output starts on a clean line.
//!
//! It is drawn only when standard error is a terminal: piped or redirected to a file, a script
//! or a log gets no bar at all (no `\r`, no percentages), only what the command prints.
//! Hand-written rather than a crate: a line redrawn on whole percents is all it does.

use std::io::IsTerminal;

/// Columns of the bar between its brackets.
const WIDTH: usize = 30;

/// The bar of one command. Nothing is written unless it was made [`Bar::on_stderr`] with
/// standard error a terminal.
pub struct Bar {
    label: String,
    /// The widest line drawn (in characters): a shorter one is padded to cover it, and the
    /// wipe blanks it all.
    drawn: usize,
    /// The whole percent last drawn, so a redraw happens at most a hundred times.
    last: Option<u32>,
    enabled: bool,
}

impl Bar {
    /// A bar that draws on standard error when that is a terminal, and otherwise draws nothing.
    pub fn on_stderr(label: &str) -> Bar {
        Bar {
            label: label.to_string(),
            drawn: 0,
            last: None,
            enabled: std::io::stderr().is_terminal(),
        }
    }

    /// Says what the work is doing now (a stage of it); redrawn at once.
    pub fn stage(&mut self, label: &str) {
        label.clone_into(&mut self.label);
        let at = self.last.unwrap_or(0);
        self.last = None;
        self.set(at as f32 / 100.0);
    }

    /// The fraction done (0–1); redrawn when it reaches another whole percent.
    pub fn set(&mut self, fraction: f32) {
        let percent = percent_of(fraction);
        if !self.enabled || self.last == Some(percent) {
            return;
        }
        self.last = Some(percent);
        let text = line(&self.label, fraction);
        let width = text.chars().count();
        let pad = " ".repeat(self.drawn.saturating_sub(width));
        self.drawn = self.drawn.max(width);
        super::write_err(format_args!("\r{text}{pad}"));
    }

    /// Wipes the bar's line (the work ended or failed); also done when the bar is dropped.
    pub fn finish(&mut self) {
        if self.drawn > 0 {
            let blank = " ".repeat(self.drawn);
            super::write_err(format_args!("\r{blank}\r"));
            self.drawn = 0;
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

fn percent_of(fraction: f32) -> u32 {
    // NaN and out-of-range fractions from a caller's arithmetic show as 0 % or 100 %.
    (fraction.clamp(0.0, 1.0) * 100.0).floor() as u32
}

/// The bar's text: `LABEL [#########.....................]  30%`.
pub fn line(label: &str, fraction: f32) -> String {
    let percent = percent_of(fraction);
    let filled = (percent as usize * WIDTH) / 100;
    format!(
        "{label} [{}{}] {percent:>3}%",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::line;

    #[test]
    fn the_line_fills_with_the_fraction_and_keeps_its_width() {
        assert_eq!(
            line("print", 0.0),
            format!("print [{}]   0%", ".".repeat(30))
        );
        assert_eq!(
            line("print", 0.5),
            format!("print [{}{}]  50%", "#".repeat(15), ".".repeat(15))
        );
        assert_eq!(
            line("print", 1.0),
            format!("print [{}] 100%", "#".repeat(30))
        );
        assert_eq!(line("x", f32::NAN), line("x", 0.0));
        assert_eq!(line("x", 7.0), line("x", 1.0));
    }
}
