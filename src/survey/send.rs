//! Survey out (照会): a response per 担当課 — the whole report for context, marked with the
//! division it is for — as a Shinchoku `.ron` and/or an Excel workbook, one file per division
//! named after it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use std::collections::HashSet;

use super::{divisions, file_name, header, topic_divisions, workbook};
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
    let mut response = header(master);
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
    });
    response
}

/// A response for every 担当課 answering for a topic, in division order.
pub fn responses(master: &Report, due: Option<NaiveDate>, note: &str) -> Vec<(String, Report)> {
    divisions(master)
        .into_iter()
        .map(|d| {
            let r = response_for(master, &d, due, note);
            (d, r)
        })
        .collect()
}

/// A file a survey could not write; the files before it were written.
#[derive(Debug)]
pub struct SendError {
    pub path: PathBuf,
    pub message: String,
}

impl Describe for SendError {
    fn describe(&self, lang: Lang) -> String {
        say(
            lang,
            format!("{}: 書き込めません: {}", self.path.display(), self.message),
            format!("{}: cannot write: {}", self.path.display(), self.message),
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
/// `<担当課>.xlsx`. The master is not changed: recording that it was sent is
/// [`crate::edit::Intent::MarkSent`], for the caller to apply (and save) once this succeeded.
pub fn write_responses(
    master: &Report,
    dir: &Path,
    formats: Formats,
    due: Option<NaiveDate>,
    note: &str,
) -> Result<Vec<Sent>, SendError> {
    std::fs::create_dir_all(dir).map_err(|e| SendError {
        path: dir.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut sent = Vec::new();
    for (division, response) in responses(master, due, note) {
        if formats.ron() {
            let path = dir.join(file_name(&division, "ron"));
            write_new(&path, crate::store::to_ron(&response).as_bytes()).map_err(|e| {
                SendError {
                    path: path.clone(),
                    message: e.to_string(),
                }
            })?;
            sent.push(Sent {
                division: division.clone(),
                path,
            });
        }
        if formats.workbook() {
            let path = dir.join(file_name(&division, "xlsx"));
            let bytes = workbook::write(&response).map_err(|e| SendError {
                path: path.clone(),
                message: e.to_string(),
            })?;
            write_new(&path, &bytes).map_err(|e| SendError {
                path: path.clone(),
                message: e.to_string(),
            })?;
            sent.push(Sent {
                division: division.clone(),
                path,
            });
        }
    }
    Ok(sent)
}

/// Writes a response under a temporary name and renames it, so a file of that name is never
/// half-written. Not flushed to disk one by one as a report is (a crash mid-survey means
/// running it again, and flushing 100 files took most of a survey's second).
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!(".{}.tmp", std::process::id()));
    let temp = PathBuf::from(temp);
    let written = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}
