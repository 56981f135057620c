//! Survey out (照会): a response per 担当課 — the whole report for context, marked with the
//! division it is for — as a Shinchoku `.ron` and/or an Excel workbook, one file per division
//! named after it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use std::collections::HashSet;

use super::{divisions, topic_divisions, workbook};
use crate::lang::{Describe, Lang, say};
use crate::model::history::PastPeriod;
use crate::model::{Id, Report, ResponseFor, Section};

/// Which files a survey writes per division.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formats {
    Ron,
    Workbook,
    Both,
}

impl Formats {
    fn ron(self) -> bool {
        matches!(self, Formats::Ron | Formats::Both)
    }
    fn workbook(self) -> bool {
        matches!(self, Formats::Workbook | Formats::Both)
    }
}

/// The response for one 担当課: the report's header and every initiative holding one of its
/// topics — whole, the other divisions' topics in them for context — marked as that
/// division's. The rest of the report is left out: at a prefecture's scale (1,000 initiatives,
/// 50 divisions) the whole report per division would be 50 copies of 8 MB.
pub fn response_for(master: &Report, division: &str, due: Option<NaiveDate>, note: &str) -> Report {
    let token = master
        .survey_of(division)
        .and_then(|s| s.token.clone())
        .unwrap_or_default();
    response_with_token(master, division, due, note, token)
}

/// The response for one 担当課, carrying `token` (what [`Survey`] made for it).
pub fn response_with_token(
    master: &Report,
    division: &str,
    due: Option<NaiveDate>,
    note: &str,
    token: String,
) -> Report {
    let mut response = master.header_only();
    for s in &master.sections {
        let initiatives: Vec<_> = s
            .initiatives
            .iter()
            .filter(|i| {
                i.topics
                    .iter()
                    .any(|t| topic_divisions(i, t).contains(&division))
            })
            .cloned()
            .collect();
        if !initiatives.is_empty() {
            response.sections.push(Section {
                id: s.id,
                numeral: s.numeral.clone(),
                number: s.number,
                title: s.title.clone(),
                initiatives,
            });
        }
    }
    let kept: HashSet<Id> = response
        .initiatives()
        .flat_map(|i| i.topics.iter().map(|t| t.id))
        .collect();
    response.history = master
        .history
        .iter()
        .map(|p| PastPeriod {
            cleared: p
                .cleared
                .iter()
                .filter(|c| kept.contains(&c.topic))
                .cloned()
                .collect(),
            ..p.clone()
        })
        .collect();
    response.to_confirm = master.to_confirm.clone();
    response.response = Some(ResponseFor {
        division: division.to_string(),
        report: master.id.clone(),
        fiscal_year: master.fiscal_year,
        period: master.period,
        due,
        note: note.to_string(),
        token,
        sent: Vec::new(),
    });
    let sent = super::sent::sent_parts(&response, division);
    if let Some(r) = response.response.as_mut() {
        r.sent = sent;
    }
    response
}

/// A response for every 担当課 answering for a topic, in division order, with the tokens the
/// master holds (none where the survey was not sent yet).
pub fn responses(master: &Report, due: Option<NaiveDate>, note: &str) -> Vec<(String, Report)> {
    divisions(master)
        .into_iter()
        .map(|d| {
            let r = response_for(master, &d, due, note);
            (d, r)
        })
        .collect()
}

/// One division a survey goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub division: String,
    /// Kept from the master when the survey was sent before in this period, new otherwise.
    pub token: String,
    /// The name its files get (`総務部管財課` → `総務部管財課.ron`), made safe and distinct.
    pub stem: String,
}

/// A survey about to be sent: to whom, due when, with what note. Write its files with
/// [`write_responses`], then record it in the master with [`Survey::intent`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Survey {
    pub to: Vec<Recipient>,
    pub due: Option<NaiveDate>,
    pub note: String,
}

/// Why a survey is not sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyRefusal {
    /// The due date is before the day it is sent.
    DueBeforeSending { due: NaiveDate, today: NaiveDate },
    /// No topic names a 担当課: there is no one to ask.
    NoDivision,
    /// More divisions than a survey goes to ([`MAX_DIVISIONS`]): each response holds the
    /// report, so their files grow with the square of the count.
    TooManyDivisions { count: usize },
}

/// The most divisions a survey goes to: a prefecture has 30–60 担当課. A table naming 3,000
/// under one initiative wrote 335 MB of responses before twenty seconds were up.
pub const MAX_DIVISIONS: usize = 300;

impl Describe for SurveyRefusal {
    fn describe(&self, lang: Lang) -> String {
        match self {
            SurveyRefusal::DueBeforeSending { due, today } => say(
                lang,
                format!("回答期限 {due} が照会日 {today} より前です"),
                format!("the due date {due} is before the day it is sent ({today})"),
            ),
            SurveyRefusal::NoDivision => say(
                lang,
                "担当課の名前がある見出しがありません。照会先がありません".into(),
                "no topic names a 担当課: there is no one to ask".into(),
            ),
            SurveyRefusal::TooManyDivisions { count } => say(
                lang,
                format!(
                    "担当課が{count}あり、一度に照会できる{MAX_DIVISIONS}を超えています。担当課の名前を確かめてください"
                ),
                format!(
                    "the report names {count} divisions, more than the {MAX_DIVISIONS} a survey goes to; check the divisions' names"
                ),
            ),
        }
    }
}

impl Survey {
    /// The survey of every 担当課 of the master, sent `today`.
    pub fn new(
        master: &Report,
        due: Option<NaiveDate>,
        note: &str,
        today: NaiveDate,
    ) -> Result<Survey, SurveyRefusal> {
        if let Some(due) = due.filter(|d| *d < today) {
            return Err(SurveyRefusal::DueBeforeSending { due, today });
        }
        let divisions = divisions(master);
        if divisions.is_empty() {
            return Err(SurveyRefusal::NoDivision);
        }
        if divisions.len() > MAX_DIVISIONS {
            let count = divisions.len();
            return Err(SurveyRefusal::TooManyDivisions { count });
        }
        let stems = file_stems(&divisions);
        let to = divisions
            .into_iter()
            .zip(stems)
            .map(|(division, stem)| Recipient {
                token: master
                    .survey_of(&division)
                    .and_then(|s| s.token.clone())
                    .unwrap_or_else(new_token),
                division,
                stem,
            })
            .collect();
        Ok(Survey {
            to,
            due,
            note: note.to_string(),
        })
    }

    /// Recording in the master that it was sent, and the tokens.
    pub fn intent(&self, at: chrono::NaiveDateTime) -> crate::edit::Intent {
        crate::edit::Intent::MarkSent {
            divisions: self.to.iter().map(|r| r.division.clone()).collect(),
            at,
            due: self.due,
            tokens: self
                .to
                .iter()
                .map(|r| (r.division.clone(), r.token.clone()))
                .collect(),
        }
    }
}

/// 128 random bits as 32 hexadecimal digits. The standard library's hasher keys are drawn from
/// the system's random source once per process and then stepped per hasher: random enough to
/// tell one survey's answer from another's, with no crate for it.
pub fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let half = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.finish()
    };
    format!("{:016x}{:016x}", half(), half())
}

/// Names Windows keeps for devices, whatever the extension: a file may not be called so (the
/// superscript digits, 0 and the console's names too, which Windows also takes as devices).
const RESERVED: [&str; 33] = [
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
    "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$", "CLOCK$",
];

/// Each division's file name (without extension), in the order given: characters no file
/// system takes replaced by `_`, no trailing dots or spaces, a Windows device name (`CON`,
/// `COM1` …) prefixed with `_`, at most 150 bytes — and distinct, ignoring case (Windows and
/// macOS do) and Unicode normalisation (macOS does: `が` and `か` + U+3099 are one name): a
/// name two divisions would share gets `_2`, `_3` … in order.
pub fn file_stems(divisions: &[String]) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut taken = HashSet::new();
    divisions
        .iter()
        .map(|d| {
            let base = safe_stem(d);
            let mut stem = base.clone();
            let mut n = 1;
            while !taken.insert(stem.nfc().collect::<String>().to_lowercase()) {
                n += 1;
                stem = format!("{base}_{n}");
            }
            stem
        })
        .collect()
}

fn safe_stem(division: &str) -> String {
    let mut name: String = division
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control()
                // A right-to-left override shows `slx.exe` for `exe.xls`: no mark that hides.
                || crate::model::text::is_invisible(c)
            {
                '_'
            } else {
                c
            }
        })
        .collect();
    while name.len() > 150 {
        name.pop();
    }
    let name = name.trim_end_matches(['.', ' ']).to_string();
    let device = name.split('.').next().unwrap_or_default().trim_end();
    if name.is_empty() {
        "担当課".to_string()
    } else if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(device)) || name.starts_with('.') {
        // A leading dot hides the file on Linux and macOS (`../../x` became `.._.._x`).
        format!("_{name}")
    } else {
        name
    }
}

/// A file a survey could not write (the files written before it are removed again).
#[derive(Debug)]
pub struct SendError {
    pub path: PathBuf,
    pub problem: SendProblem,
}

/// Why a survey's file could not be written.
#[derive(Debug)]
pub enum SendProblem {
    /// The folder or the file could not be written.
    Io(std::io::Error),
    /// The workbook writer refused (its own words, in English).
    Workbook(String),
    /// A cell of the division's workbook would hold more than an Excel cell can.
    CellTooLong(workbook::CellTooLong),
    /// A file of the name is already in the folder (an earlier survey's response, perhaps
    /// answered; another report's): a survey replaces none, and writes nothing when one is
    /// there. `more` other names are taken too.
    AlreadyThere { more: usize },
    /// The response would be larger than an answer is read
    /// ([`crate::model::bounds::MAX_FILE_BYTES`]): the division could not send it back.
    TooLarge { bytes: u64 },
}

impl Describe for SendError {
    fn describe(&self, lang: Lang) -> String {
        let why = match &self.problem {
            SendProblem::Io(e) => e.describe(lang),
            SendProblem::Workbook(e) => {
                // The writer's own words are English: in Japanese, what happened.
                say(
                    lang,
                    "Excelのブックを作れません（作る途中でエラーになりました）".into(),
                    format!("cannot make the Excel workbook: {e}"),
                )
            }
            SendProblem::CellTooLong(c) => {
                let heading = if c.heading.is_empty() {
                    String::new()
                } else {
                    format!(" <{}>", c.heading)
                };
                // A cell above the table (the title, the note) is of no initiative.
                let (at_ja, at_en) = if c.initiative.is_empty() {
                    (String::new(), String::new())
                } else {
                    let at = format!("{}{heading}", c.initiative);
                    (format!("{at}の"), format!("{at}: "))
                };
                let (column, length) = (&c.column, c.length);
                say(
                    lang,
                    format!(
                        "{at_ja}「{column}」は{length}文字あり、Excelのセルに入る32,767文字を超えます。切って送ると回答で残りが消えるため、Excelのブックは作りません。何も書いていません。この担当課には回答ファイルを「進捗 (.ron)」にして送ってください（コマンドでは --format ron）"
                    ),
                    format!(
                        "{at_en}「{column}」 holds {length} characters, more than an Excel cell's 32,767; cut, the rest would be lost when the answer comes back, so no workbook is made, and nothing was written: send this division a .ron response (--format ron)"
                    ),
                )
            }
            SendProblem::TooLarge { bytes } => {
                use crate::model::bounds::{MAX_FILE_BYTES, megabytes};
                let (mb, most) = (megabytes(*bytes), megabytes(MAX_FILE_BYTES));
                say(
                    lang,
                    format!(
                        "回答ファイルは{mb} MBになり、回答として読み込める大きさ（{most} MB）を超えるため作りません。何も書いていません"
                    ),
                    format!(
                        "the response would be {mb} MB, more than an answer is read ({most} MB), \
                         so it is not made, and nothing was written"
                    ),
                )
            }
            SendProblem::AlreadyThere { more } => {
                let others = match more {
                    0 => (String::new(), String::new()),
                    n => (format!("（ほかに{n}件も）"), format!(" (and {n} more)")),
                };
                say(
                    lang,
                    format!(
                        "同じ名前のファイルが既にあります{}。前の照会の回答かもしれないので置き換えません。何も書いていません。空のフォルダーを選んでください",
                        others.0
                    ),
                    format!(
                        "a file of that name is already there{}; it may be an earlier survey's \
                         answer, so it is not replaced, and nothing was written: choose an empty \
                         folder",
                        others.1
                    ),
                )
            }
        };
        say(
            lang,
            format!(
                "{}: 書き込めません: {why}",
                crate::model::text::path_shown(&self.path)
            ),
            format!(
                "{}: cannot write: {why}",
                crate::model::text::path_shown(&self.path)
            ),
        )
    }
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for SendError {}

/// One file written by a survey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent {
    pub division: String,
    pub path: PathBuf,
}

/// Writes every division's response into `dir` (made if missing): `<担当課>.ron` and/or
/// `<担当課>.xlsx`, none of which may be there already (nothing is written then). The master is
/// not changed: recording that it was sent is
/// [`Survey::intent`], for the caller to apply (and save) once this succeeded — and if that
/// fails, to take the files back with [`remove_written`]. When a file cannot be written, those
/// written before it are removed: a failed survey leaves no response the master does not record.
pub fn write_responses(
    master: &Report,
    dir: &Path,
    formats: Formats,
    survey: &Survey,
) -> Result<Vec<Sent>, SendError> {
    write_responses_telling(master, dir, formats, survey, &mut |_| {})
}

/// [`write_responses`], telling `progress` the fraction of divisions written (the command
/// line's bar).
pub fn write_responses_telling(
    master: &Report,
    dir: &Path,
    formats: Formats,
    survey: &Survey,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<Sent>, SendError> {
    // A folder made for this survey and left empty by its failure is removed with the files.
    let made = std::fs::symlink_metadata(dir).is_err();
    std::fs::create_dir_all(dir).map_err(|e| SendError {
        path: dir.to_path_buf(),
        problem: SendProblem::Io(e),
    })?;
    let names = survey.to.iter().flat_map(|to| {
        let ron = formats.ron().then(|| dir.join(format!("{}.ron", to.stem)));
        let book = formats
            .workbook()
            .then(|| dir.join(format!("{}.xlsx", to.stem)));
        ron.into_iter().chain(book)
    });
    let there: Vec<PathBuf> = names
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect();
    if let Some(first) = there.first() {
        return Err(SendError {
            path: first.clone(),
            problem: SendProblem::AlreadyThere {
                more: there.len() - 1,
            },
        });
    }
    let mut sent = Vec::new();
    for (n, to) in survey.to.iter().enumerate() {
        if let Err(e) = write_one(master, dir, formats, survey, to, &mut sent) {
            remove_written(&sent);
            if made {
                let _ = std::fs::remove_dir(dir);
            }
            return Err(e);
        }
        progress((n + 1) as f32 / survey.to.len() as f32);
    }
    Ok(sent)
}

fn write_one(
    master: &Report,
    dir: &Path,
    formats: Formats,
    survey: &Survey,
    to: &Recipient,
    sent: &mut Vec<Sent>,
) -> Result<(), SendError> {
    let response = response_with_token(
        master,
        &to.division,
        survey.due,
        &survey.note,
        to.token.clone(),
    );
    let failed = |path: &Path, problem: SendProblem| SendError {
        path: path.to_path_buf(),
        problem,
    };
    if formats.ron() {
        let path = dir.join(format!("{}.ron", to.stem));
        let text = crate::store::to_ron(&response);
        fits(text.len()).map_err(|p| failed(&path, p))?;
        write_new(&path, text.as_bytes()).map_err(|e| failed(&path, SendProblem::Io(e)))?;
        sent.push(Sent {
            division: to.division.clone(),
            path,
        });
    }
    if formats.workbook() {
        let path = dir.join(format!("{}.xlsx", to.stem));
        if let Some(long) = workbook::cell_too_long(&response) {
            return Err(failed(&path, SendProblem::CellTooLong(long)));
        }
        let bytes = workbook::write(&response)
            .map_err(|e| failed(&path, SendProblem::Workbook(e.to_string())))?;
        fits(bytes.len()).map_err(|p| failed(&path, p))?;
        write_new(&path, &bytes).map_err(|e| failed(&path, SendProblem::Io(e)))?;
        sent.push(Sent {
            division: to.division.clone(),
            path,
        });
    }
    Ok(())
}

/// A response no larger than an answer is read.
fn fits(bytes: usize) -> Result<(), SendProblem> {
    let bytes = bytes as u64;
    match bytes > crate::model::bounds::MAX_FILE_BYTES {
        true => Err(SendProblem::TooLarge { bytes }),
        false => Ok(()),
    }
}

/// Removes the files a survey wrote (its recording in the master failed).
pub fn remove_written(sent: &[Sent]) {
    for s in sent {
        let _ = std::fs::remove_file(&s.path);
    }
}

/// Writes a response under a temporary name and renames it, so a file of that name is never
/// half-written. Not flushed to disk one by one as a report is (a crash mid-survey means
/// running it again, and flushing 100 files took most of a survey's second).
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!(".{}.tmp", std::process::id()));
    let temp = PathBuf::from(temp);
    let written = crate::store::permissions::create_fresh(&mut std::fs::File::options(), &temp)
        .and_then(|mut file| std::io::Write::write_all(&mut file, bytes))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}
