//! What stops a file from being read or written, and reading a file a user hands us within
//! its bounds: the errors' words are in `error_words.rs`.

use std::path::PathBuf;

use super::Location;

/// A report file that cannot be read or written, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    pub kind: FileErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileErrorKind {
    /// The operating system's reason, as it gave it.
    CannotRead(IoProblem),
    /// A named pipe, a device or a socket: not read (it may never end, as `/dev/zero`).
    NotAFile,
    /// Larger than [`crate::model::bounds::MAX_FILE_BYTES`]: refused before it is read.
    FileTooLarge {
        bytes: u64,
    },
    CannotWrite(IoProblem),
    /// A `.ron` file that is not UTF-8 text: the first bad byte, and whether the file reads
    /// as Shift_JIS (a text editor's "ANSI" on a Japanese Windows), said with what to do.
    NotUtf8 {
        byte: usize,
        shift_jis: bool,
    },
    /// Not a Shinchoku file of a version this build reads.
    Store(crate::model::diag::StoreProblem),
    /// Not a report table or workbook (boxed: a workbook's error names its sheet and cell).
    Import(Box<ImportError>),
    /// A division's answer workbook, opened as a report: it is taken in by collecting (it was
    /// refused as holding no report table, naming the hidden sheet searched).
    AnswerNotReport {
        division: String,
    },
}

/// What the RON reader found wrong, as a user is told it (its own words are a programmer's,
/// and English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The file ends before the report does.
    EndOfFile,
    /// Something else stands where `expected` should (a word of [`Expected`]).
    Expected(Expected),
    /// A character that cannot stand here.
    UnexpectedChar(char),
    /// A field no report has (`found`).
    NoSuchField(String),
    /// A field every report has, missing.
    MissingField(String),
    /// A field written twice.
    DuplicateField(String),
    /// A kind (an enum's variant) no report has.
    NoSuchKind(String),
    /// Text after the report's end.
    TrailingCharacters,
    /// A `\` escape that is no escape.
    InvalidEscape,
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// A number too large (or small) for its place.
    NumberOutOfRange,
    /// A value of the wrong kind, or one Shinchoku does not write (a decimal number of the
    /// numbers, a string where a number stands …).
    BadValue,
}

/// What the RON reader expected, for [`SyntaxProblem::Expected`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Bracket,
    ClosingBracket,
    Comma,
    Colon,
    String,
    Number,
    Boolean,
    Name,
    Value,
}

/// A Shinchoku file this build cannot take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreProblem {
    /// Not RON, or not a report: where and what (`message`: the RON reader's words, said in
    /// English; `problem`: what they say, in the window's language).
    Malformed {
        line: usize,
        column: usize,
        message: String,
        problem: SyntaxProblem,
    },
    NewerSchema {
        found: u32,
        supported: u32,
    },
    /// Brackets nested deeper than any report's (a file made to exhaust the reader).
    NestedTooDeeply {
        line: usize,
        column: usize,
    },
    /// A report, but one that breaks the model's rules: each broken rule and where.
    Invalid(Vec<crate::model::validate::Violation>),
}

/// The input cannot be read as a report table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub at: Location,
    pub kind: ImportErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    Empty,
    /// The bytes are not text in an encoding we read.
    NotText(Box<DecodeProblem>),
    /// A NUL byte: binary data.
    Binary,
    NoHeaderRow,
    /// No header row among the first [`crate::model::bounds::MAX_ROWS_ABOVE_HEADER`] rows with
    /// text (`row`: the one past them).
    NoHeaderRowWithin {
        rows: usize,
    },
    /// A CSV of entries (a row per plan and actual entry, as Shinchoku's CSV export writes it
    /// for spreadsheets): no title, fiscal year or stage table to read a report from.
    EntriesCsv,
    /// A CSV field whose quotes do not pair (opened at the error's row, never closed, or
    /// closed on row `closed` with text after the quote): read on, the rows after it would be
    /// one cell.
    CsvQuoteUnpaired {
        closed: Option<usize>,
    },
    /// A workbook cell typed as a shared string whose value is no string's number (` 14 `,
    /// `abc`): the reader would give the first string, so the workbook is refused.
    SharedStringUnnamed {
        written: String,
    },
    NoFiscalYear,
    /// No fiscal year but one, written in the title, that Shinchoku cannot handle.
    YearNotHandled {
        written: String,
    },
    NoInitiative,
    /// More initiatives than [`crate::model::bounds::MAX_INITIATIVES`]: refused at the row
    /// (the error's place) that passes it.
    TooManyInitiatives,
    /// More 担当課 named beside topics than [`crate::model::bounds::MAX_DIVISIONS_NAMED`].
    TooManyDivisionsNamed(Box<crate::model::bounds::DivisionsNamed>),
    /// More entries than [`crate::model::bounds::MAX_TABLE_LINES`] may stand in the rows up to
    /// the error's place (counted before they are read).
    TooManyLines,
    /// A workbook (by its name or its first bytes) that cannot be opened: damaged, cut short,
    /// or not a workbook at all. `why` is the reader's own message.
    DamagedWorkbook {
        format: &'static str,
        why: String,
    },
    /// A workbook protected by a password: its cells cannot be read.
    EncryptedWorkbook,
    /// No sheet of the workbook has a report header row (番号, 具体的取組).
    NoReportSheet {
        sheets: Vec<String>,
    },
    /// A workbook beyond what a report can be (`bounds.rs`), refused before it is read.
    TooLarge {
        format: &'static str,
        excess: crate::model::bounds::Excess,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeProblem {
    /// A UTF-8 BOM, then bytes that are not UTF-8 (the first bad byte).
    BadUtf8AfterBom { byte: usize },
    /// A UTF-16 BOM and an odd number of bytes.
    OddUtf16 { encoding: &'static str },
    /// A UTF-16 BOM, then a unit that is no character (a lone surrogate): its line and byte.
    BadUtf16 {
        encoding: &'static str,
        line: usize,
        byte: usize,
    },
    /// Neither UTF-8, UTF-16 with a BOM, nor CP932: where each of UTF-8 and CP932 stops
    /// reading (line, byte; 1-based).
    Unknown {
        utf8: (usize, usize),
        cp932: (usize, usize),
    },
}

/// A file that could not be read or written: the system's error kept as data (its kind and
/// text), worded by [`crate::lang::io_words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoProblem {
    pub kind: std::io::ErrorKind,
    pub text: String,
}

impl From<&std::io::Error> for IoProblem {
    fn from(e: &std::io::Error) -> IoProblem {
        IoProblem {
            kind: e.kind(),
            text: e.to_string(),
        }
    }
}

impl crate::lang::Describe for IoProblem {
    fn describe(&self, lang: crate::lang::Lang) -> String {
        crate::lang::io_words(self.kind, &self.text, lang)
    }
}

/// Reads a file a user hands us, knowing what it is before reading it: only a regular file
/// (a named pipe would block for ever, `/dev/zero` never end), of at most
/// [`crate::model::bounds::MAX_FILE_BYTES`] (checked by its size, and by what is read, which
/// may have grown since).
pub fn read_input(path: &std::path::Path) -> Result<Vec<u8>, FileErrorKind> {
    use std::io::Read;
    let most = crate::model::bounds::MAX_FILE_BYTES;
    let cannot = |e: &std::io::Error| FileErrorKind::CannotRead(e.into());
    // The type is asked before opening: opening a named pipe waits for a writer.
    let meta = std::fs::metadata(path).map_err(|e| cannot(&e))?;
    if meta.is_dir() {
        let e = std::io::Error::from(std::io::ErrorKind::IsADirectory);
        return Err(cannot(&e));
    }
    if !meta.is_file() {
        return Err(FileErrorKind::NotAFile);
    }
    if meta.len() > most {
        return Err(FileErrorKind::FileTooLarge { bytes: meta.len() });
    }
    let file = std::fs::File::open(path).map_err(|e| cannot(&e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(most + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > most {
        return Err(FileErrorKind::FileTooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

impl FileErrorKind {
    /// [`FileErrorKind::NotUtf8`] of a file's bytes that are not UTF-8 text.
    pub fn not_utf8(error: &std::string::FromUtf8Error) -> FileErrorKind {
        let bytes = error.as_bytes();
        let (_, _, bad) = encoding_rs::SHIFT_JIS.decode(bytes);
        FileErrorKind::NotUtf8 {
            byte: error.utf8_error().valid_up_to(),
            shift_jis: !bad,
        }
    }
}
