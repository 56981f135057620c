//! Shinchoku's own files: the report as pretty RON with a schema version, checked against the
//! model's rules when read, saved atomically keeping backups and the file's permissions; lock
//! files beside reports open for editing; recovery copies of unsaved work.

mod backups;
mod beside;
pub mod disk;
mod escaped;
mod links;
pub mod lock;
mod lock_on_signal;
pub mod permissions;
mod quick_read;
pub mod recovery;
mod repaired;
pub use repaired::repair_warnings;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Report;
use crate::model::diag::{FileError, FileErrorKind};
use crate::model::validate::{self, Violation};

/// The schema this build writes and reads. Raise it when a saved file would be read wrongly by
/// an older build, and teach `from_ron` to bring the older schemas up to date.
///
/// - 2: results carry the plan entries they report (`reports`); a schema-1 file is given the
///   proposed links when it is opened.
/// - 3: a report rolled over to the next period keeps the periods it closed (`history`: which
///   results are the first half's, the 年次計画 and results of earlier fiscal years) and the
///   results to confirm (`to_confirm`). Both default to empty, so a schema-2 file reads as
///   it is; an older build would drop them, hence the new number.
/// - 4: the report's identity (`id`), a response's addressee (`response`) and the survey
///   status (`survey`). A file without an identity is given one on open (derived from its
///   programme, year, title and initiatives, so the same file opens with the same one until
///   it is saved with it).
/// - 5: numbers and judgements (`measures` of an initiative, the report's `measure_settings`).
///   Both default to empty and are left out when empty, so a schema-4 file reads as it is and
///   a report without them is written as before but for this number; an older build would
///   drop them, hence the new number.
pub const SCHEMA_VERSION: u32 = 5;

#[derive(Serialize)]
struct FileOut<'a> {
    schema: u32,
    report: &'a Report,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    #[allow(dead_code)]
    schema: u32,
    report: Report,
}

/// Only the version, read before anything else so a newer file is refused by what it is, not
/// by the first field this build does not know.
#[derive(Deserialize)]
struct VersionProbe {
    schema: u32,
}

pub use crate::model::diag::StoreProblem as StoreError;

fn malformed(e: ron::error::SpannedError) -> StoreError {
    // ron's own words for this one tell a programmer which option to raise: a user is told
    // what the file holds.
    if e.code == ron::Error::ExceededRecursionLimit {
        return StoreError::NestedTooDeeply {
            line: e.span.start.line,
            column: e.span.start.col,
        };
    }
    StoreError::Malformed {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
        problem: syntax_problem(&e.code),
    }
}

/// ron's error, as a user is told it.
fn syntax_problem(code: &ron::Error) -> crate::model::diag::SyntaxProblem {
    use crate::model::diag::{Expected as E, SyntaxProblem as P};
    use ron::Error as R;
    match code {
        R::Eof | R::UnclosedBlockComment | R::UnclosedLineComment => P::EndOfFile,
        R::ExpectedArray | R::ExpectedMap | R::ExpectedStructLike | R::ExpectedOption => {
            P::Expected(E::Bracket)
        }
        R::ExpectedNamedStructLike(_) | R::ExpectedUnit => P::Expected(E::Bracket),
        R::ExpectedArrayEnd | R::ExpectedMapEnd | R::ExpectedStructLikeEnd => {
            P::Expected(E::ClosingBracket)
        }
        R::ExpectedOptionEnd | R::ExpectedAttributeEnd => P::Expected(E::ClosingBracket),
        R::ExpectedComma => P::Expected(E::Comma),
        R::ExpectedMapColon => P::Expected(E::Colon),
        R::ExpectedString | R::ExpectedStringEnd | R::ExpectedChar => P::Expected(E::String),
        R::ExpectedByteString | R::ExpectedByteLiteral => P::Expected(E::String),
        R::ExpectedInteger | R::ExpectedFloat | R::FloatUnderscore => P::Expected(E::Number),
        R::InvalidIntegerDigit { .. } | R::UnderscoreAtBeginning => P::Expected(E::Number),
        R::ExpectedBoolean => P::Expected(E::Boolean),
        R::ExpectedIdentifier | R::ExpectedStructName(_) | R::InvalidIdentifier(_) => {
            P::Expected(E::Name)
        }
        R::SuggestRawIdentifier(_) | R::ExpectedDifferentStructName { .. } => P::Expected(E::Name),
        R::UnexpectedChar(c) => P::UnexpectedChar(*c),
        R::NoSuchStructField { found, .. } => P::NoSuchField(found.clone()),
        R::MissingStructField { field, .. } => P::MissingField(field.to_string()),
        R::DuplicateStructField { field, .. } => P::DuplicateField(field.to_string()),
        R::NoSuchEnumVariant { found, .. } | R::NoSuchExtension(found) => {
            P::NoSuchKind(found.clone())
        }
        R::TrailingCharacters => P::TrailingCharacters,
        R::InvalidEscape(_) => P::InvalidEscape,
        R::Utf8Error(_) => P::NotUtf8,
        R::IntegerOutOfBounds => P::NumberOutOfRange,
        R::ExceededRecursionLimit | R::ExpectedAttribute | R::ExpectedRawValue => {
            P::Expected(E::Value)
        }
        R::ExpectedRangeSyntax => P::Expected(E::Value),
        R::InvalidValueForType { .. } | R::ExpectedDifferentLength { .. } => P::BadValue,
        R::Message(_) | R::Fmt | R::Io(_) => P::BadValue,
        // ron's error is non-exhaustive in later versions: what it adds reads as a bad value.
        #[allow(unreachable_patterns)]
        _ => P::BadValue,
    }
}

pub fn to_ron(report: &Report) -> String {
    let mut text = to_ron_text(&file_out(report)).expect("a report always serialises");
    text.push('\n');
    text
}

/// `value` written as a report is: the strings escaped afterwards, to the same bytes as `ron`
/// escapes them, without its cost (escaped.rs).
pub(crate) fn to_ron_text<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let plain = ron::ser::to_string_pretty(value, ron_config().escape_strings(false))?;
    Ok(escaped::escape_strings(&plain))
}

fn file_out(report: &Report) -> FileOut<'_> {
    FileOut {
        schema: SCHEMA_VERSION,
        report,
    }
}

/// How a report is written: down to the entries, one a line — deeper than that (an entry's
/// fields, a stage lane) on one line, which reads as well and is a quarter of the bytes of
/// indenting it.
fn ron_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .depth_limit(9)
        .indentor("  ".to_string())
        .struct_names(false)
}

/// Reads a report and checks it against the model's rules (what can be repaired is repaired
/// silently here; [`from_ron_checked`] says what).
pub fn from_ron(text: &str) -> Result<Report, StoreError> {
    from_ron_checked(text).map(|(report, _)| report)
}

/// Reads a report, refusing one that breaks the model's rules; returns what was repaired:
/// what breaks them and can be repaired, and every entry whose text reads otherwise than what
/// is stored beside it (read again from its text, [`crate::model::stale`]).
pub fn from_ron_checked(text: &str) -> Result<(Report, Vec<Violation>), StoreError> {
    let (mut report, mut repaired) = from_ron_as_written(text)?;
    repaired.extend(read_again(&mut report));
    Ok((report, repaired))
}

/// Reads a report, refusing one that breaks the model's rules, its entries as stored: a
/// response's are read against what was sent when it is collected, where what the division
/// edited is known.
fn from_ron_as_written(text: &str) -> Result<(Report, Vec<Violation>), StoreError> {
    let mut report = from_ron_unchecked(text)?;
    let repaired = validate::validate(&mut report).map_err(|found| {
        // Named by what stands there, not by positions alone (「区分II、取組4、見出し3、実績、項目3」).
        let named = |v: Violation| Violation {
            place: v.place.named_in(&report),
            rule: match v.rule {
                validate::Rule::DuplicateId { id, also } => validate::Rule::DuplicateId {
                    id,
                    also: also.named_in(&report),
                },
                rule => rule,
            },
        };
        StoreError::Invalid(found.into_iter().map(named).collect())
    })?;
    Ok((report, repaired))
}

/// The entries of a sound report (next_id above every id) read again where their texts say
/// otherwise than their stored reading, as repairs to say.
fn read_again(report: &mut Report) -> Vec<Violation> {
    let read = crate::model::stale::read_again_where_stale(report, crate::model::validate::MAX_ID);
    if read.is_empty() {
        return Vec::new();
    }
    // A link to a sub-item a text no longer holds goes, as any link to no plan entry does.
    validate::drop_links_not_to_plan(report);
    read_again_said(read)
}

/// Entries read again ([`crate::model::stale`]), as the repairs they are.
pub fn read_again_said(read: Vec<crate::model::stale::ReadAgain>) -> Vec<Violation> {
    use crate::model::validate::{Place, Rule};
    read.into_iter()
        .map(|r| Violation {
            place: Place {
                section: Some(r.section),
                initiative: Some(r.initiative),
                topic: Some(r.topic),
                side: Some(r.side),
                entry: vec![r.entry],
                ..Place::default()
            },
            rule: Rule::ReadAgain {
                was: r.was,
                now: r.now,
            },
        })
        .collect()
}

fn from_ron_unchecked(text: &str) -> Result<Report, StoreError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let schema = match schema_at_head(text) {
        Some(schema) => schema,
        None => {
            // The probe's own name in ron's words (「struct `VersionProbe`」) means nothing to
            // a user: said as what a report begins with.
            let probe: VersionProbe = ron::from_str(text).map_err(|e| match malformed(e) {
                StoreError::Malformed {
                    line,
                    column,
                    message,
                    problem,
                } if message.contains("VersionProbe") => StoreError::Malformed {
                    line,
                    column,
                    message: message.replace("struct `VersionProbe`", "a report: `(schema: …`"),
                    problem,
                },
                other => other,
            })?;
            probe.schema
        }
    };
    if schema > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: schema,
            supported: SCHEMA_VERSION,
        });
    }
    // The files Shinchoku writes are read by the quick reader; anything it declines (a hand
    // edit with a comment, a broken file) by `ron`, which also says where a file is broken.
    let mut file: FileIn = match quick_read::from_str(text) {
        Ok(file) => file,
        Err(_) => ron::from_str(text).map_err(malformed)?,
    };
    if schema < 2 {
        crate::model::links::propose_all(&mut file.report);
    }
    if file.report.id.is_unset() {
        file.report.id = crate::model::ReportId::derive(&file.report);
    }
    let initiatives = file.report.sections.iter_mut();
    for initiative in initiatives.flat_map(|s| s.initiatives.iter_mut()) {
        if let Some(m) = initiative.measures.as_deref_mut() {
            m.indicators
                .iter_mut()
                .for_each(crate::model::measures::Indicator::read_figures_in_unit);
        }
    }
    file.report.shrink_to_fit();
    Ok(file.report)
}

/// The schema number when the text starts the way saved files do, `(schema: N,`, read without
/// parsing the rest (parsing a large file twice doubled its opening time). `None` for anything
/// else (comments, extensions, another field first), which is then parsed in full.
fn schema_at_head(text: &str) -> Option<u32> {
    let rest = text.trim_start().strip_prefix('(')?.trim_start();
    let rest = rest
        .strip_prefix("schema")?
        .trim_start()
        .strip_prefix(':')?;
    let rest = rest.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start();
    if !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Writes the report next to the old file, flushes it to disk, then renames it over the old
/// one: a crash or a full disk never leaves a half-written report. The version it replaces is
/// kept as `NAME.bak` ([`disk::BACKUP_GENERATIONS`] generations; the module [`disk`] says in
/// what order). The file keeps its permissions; a read-only one is refused
/// ([`disk::WriteError::ReadOnly`]).
pub fn save(path: &Path, report: &Report) -> Result<(), disk::WriteError> {
    save_with_fingerprint(path, report, disk::ReadOnly::Refuse).map(|_| ())
}

/// [`save`], returning what the file is now, to check it against before the next save;
/// `read_only` says whether a read-only file is replaced (the user chose to).
pub fn save_with_fingerprint(
    path: &Path,
    report: &Report,
    read_only: disk::ReadOnly,
) -> Result<disk::Fingerprint, disk::WriteError> {
    let text = to_ron(report);
    // A file larger than is read would leave the report unopenable: not written at all.
    if text.len() as u64 > crate::model::bounds::MAX_FILE_BYTES {
        return Err(disk::WriteError::TooLarge {
            path: path.to_path_buf(),
            bytes: text.len() as u64,
        });
    }
    disk::write_keeping_backups_with(
        path,
        text.as_bytes(),
        disk::BACKUP_GENERATIONS,
        read_only,
        &mut |_| Ok(()),
    )
}

/// Writes an output the user named (an export, a printout, a list) as [`write_atomically`]
/// does, where a link at `path` points — as a report is saved: the link was replaced by a
/// file, and the page it pointed at (a published web page) stayed as it was. (A lock file or a
/// recovery copy is not written through a link: one placed there would aim the write
/// anywhere.)
pub fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically(&links::linked_file(path), bytes)
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // A file made read-only on purpose (an export, a printout, a list) is not replaced, as a
    // report is not: the user writes elsewhere, or makes it writable first.
    if let Ok(m) = std::fs::metadata(path)
        && m.is_file()
        && permissions::is_read_only(path, &m)
    {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only; not overwritten",
        ));
    }
    disk::write_atomically_with(path, bytes, &mut |_| Ok(()))
}

pub fn open(path: &Path) -> Result<Report, FileError> {
    open_checked(path).map(|loaded| loaded.report)
}

/// A report read from its file: what was repaired on the way, and what the file was.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub report: Report,
    pub repaired: Vec<Violation>,
    pub fingerprint: disk::Fingerprint,
}

/// Opens a `.ron` report, checked against the model's rules, fingerprinting the bytes read.
pub fn open_checked(path: &Path) -> Result<Loaded, FileError> {
    let mut loaded = open_as_written(path)?;
    let read = read_again(&mut loaded.report);
    loaded.repaired.extend(read);
    Ok(loaded)
}

/// [`open_checked`] without reading entries again: a response, read again when collected,
/// against what was sent ([`read_again`]).
pub fn open_as_written(path: &Path) -> Result<Loaded, FileError> {
    let file_error = |kind| FileError {
        path: path.to_path_buf(),
        kind,
    };
    let (bytes, fingerprint) = disk::read_with_fingerprint(path).map_err(file_error)?;
    let text = String::from_utf8(bytes).map_err(|e| file_error(FileErrorKind::not_utf8(&e)))?;
    let (report, repaired) =
        from_ron_as_written(&text).map_err(|e| file_error(FileErrorKind::Store(e)))?;
    Ok(Loaded {
        report,
        repaired,
        fingerprint,
    })
}
