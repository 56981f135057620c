//! Every colour Shinchoku draws with, in one place: a screen tone and a paper tone of each.
//! The screen's are stronger (contrast on a monitor); the paper's lighter, so text on them
//! prints legibly in black and white. The window, the PDF and the XLSX all take them from here.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0x20, 0x20, 0x20);
    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

    /// `0xRRGGBB`.
    pub fn to_u32(self) -> u32 {
        (self.0 as u32) << 16 | (self.1 as u32) << 8 | self.2 as u32
    }
}

/// Where a colour is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Screen,
    Paper,
}

/// The fill of a stage bar by its label; free text gets gray.
pub fn stage(label: &str, tone: Tone) -> Rgb {
    let (screen, paper) = match label {
        "検討" => (Rgb(0xbd, 0xd7, 0xee), Rgb(0xd2, 0xe3, 0xf3)),
        "実施" => (Rgb(0xa8, 0xd8, 0xa0), Rgb(0xc7, 0xe6, 0xc1)),
        "順次実施" => (Rgb(0x7f, 0xc9, 0x9a), Rgb(0xa9, 0xdb, 0xbb)),
        "随時実施" => (Rgb(0xf9, 0xcf, 0x9a), Rgb(0xfb, 0xdf, 0xba)),
        "検討・整備" => (Rgb(0xcd, 0xc4, 0xe6), Rgb(0xdd, 0xd7, 0xee)),
        "周知" => (Rgb(0xe8, 0xc0, 0xdc), Rgb(0xf0, 0xd5, 0xe8)),
        _ => (Rgb(0xdd, 0xdd, 0xdd), Rgb(0xe6, 0xe6, 0xe6)),
    };
    match tone {
        Tone::Screen => screen,
        Tone::Paper => paper,
    }
}

/// A plan bar's outline (and the 計 badge), on screen and paper alike.
pub const PLAN: Rgb = Rgb(0x1f, 0x4e, 0x8c);

/// The hatching inside a plan bar.
pub const fn plan_hatch(tone: Tone) -> Rgb {
    match tone {
        Tone::Screen => Rgb(0x9c, 0xb8, 0xdd),
        Tone::Paper => Rgb(0x8c, 0xa8, 0xd0),
    }
}

/// An actual bar (solid), and the outline of a 予定 one.
pub const fn actual(tone: Tone) -> Rgb {
    match tone {
        Tone::Screen => Rgb(0xc8, 0x5a, 0x00),
        Tone::Paper => Rgb(0xb8, 0x50, 0x00),
    }
}

/// The inside of an actual marked 予定.
pub const SCHEDULED_FILL: Rgb = Rgb(0xfb, 0xe6, 0xd2);
/// The months of the reporting period, and the report's own year among the plan years.
pub const fn period(tone: Tone) -> Rgb {
    match tone {
        Tone::Screen => Rgb(0xfb, 0xf1, 0xd0),
        Tone::Paper => Rgb(0xfb, 0xf3, 0xd8),
    }
}
/// The as-of line, and marks of what could not be read.
pub const AS_OF: Rgb = Rgb(0xc0, 0x10, 0x10);
/// Grid lines between rows and columns.
pub const fn grid_line(tone: Tone) -> Rgb {
    match tone {
        Tone::Screen => Rgb(0xd8, 0xd8, 0xd8),
        Tone::Paper => Rgb(0xc8, 0xc8, 0xc8),
    }
}
/// Secondary text and outlines.
pub const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);
/// Column headings' background (paper and spreadsheet).
pub const HEADING_FILL: Rgb = Rgb(0xe4, 0xe4, 0xe4);
/// A section row's background.
pub const SECTION_FILL: Rgb = Rgb(0xe4, 0xe4, 0xe4);
/// An initiative row's background.
pub const INITIATIVE_FILL: Rgb = Rgb(0xf2, 0xf2, 0xf2);
/// A spreadsheet section row (a touch darker: no rule lines to set it apart).
pub const SHEET_SECTION_FILL: Rgb = Rgb(0xdd, 0xdd, 0xdd);
/// Cell borders in the spreadsheet.
pub const SHEET_BORDER: Rgb = Rgb(0x80, 0x80, 0x80);

/// Text that says something is wrong (an unreadable month expression as typed).
pub const ERROR_TEXT: Rgb = Rgb(0xb0, 0x00, 0x00);

/// A status badge's fill and text colour. Each status also has a shape or word of its own
/// (遅れ carries a mark), so colour is never the only sign.
pub fn status(status: crate::model::status::Status) -> (Rgb, Rgb) {
    use crate::model::status::Status;
    match status {
        Status::Done => (Rgb(0x2e, 0x7d, 0x32), Rgb::WHITE),
        Status::InProgress => (PLAN, Rgb::WHITE),
        Status::Late => (Rgb(0xfd, 0xe0, 0xe0), ERROR_TEXT),
        Status::Scheduled => (Rgb(0xe8, 0xe8, 0xe8), Rgb(0x30, 0x30, 0x30)),
        Status::NotStarted => (Rgb::WHITE, Rgb(0x50, 0x50, 0x50)),
    }
}

/// A compare mark (比較): added green, changed amber, removed red — each also drawn with its
/// own sign (＋, outline, struck-through text), so they read without colour.
pub const fn compare_mark(mark: crate::compare::Mark) -> Rgb {
    match mark {
        crate::compare::Mark::Added => Rgb(0x1a, 0x7f, 0x37),
        crate::compare::Mark::Changed => Rgb(0xd9, 0x77, 0x06),
        crate::compare::Mark::Removed => Rgb(0xb4, 0x23, 0x18),
    }
}
