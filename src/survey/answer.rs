//! An answer as read from the file a division sent back — a Shinchoku response `.ron` or the
//! response workbook `.xlsx` — and the reasons one is refused.

use crate::model::entry_text::month_brackets;
use std::path::Path;

use crate::lang::{Describe, Lang, say};
use crate::model::diag::FileError;
use crate::model::{FiscalYear, Period, Report, ReportId, ResponseFor};

use super::workbook;

/// An answer: whom it is from and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The file's name as given (`総務部管財課.xlsx`), recorded as where the answer came from.
    pub file: String,
    /// When the file was last written (local time), where it is known.
    pub modified: Option<chrono::NaiveDateTime>,
    pub response: ResponseFor,
    pub content: AnswerContent,
    /// What reading it repaired (a response's entries read again from their texts), said in
    /// the review.
    pub said: Vec<crate::model::diag::Warning>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerContent {
    /// A response edited in Shinchoku: the whole report, so changes outside the division's
    /// results can be found too.
    Report(Box<Report>),
    /// A response workbook: a row per topic (results, and the locked texts as they came back),
    /// the numbers' rows, and a warning for each cell right of the columns read.
    /// The last: the topics the workbook was sent with (those it has no row for are rows
    /// deleted, once each row is read as the topic it was sent for).
    Workbook(
        Vec<workbook::Row>,
        Vec<super::measures::MeasureRow>,
        Vec<crate::model::diag::Warning>,
        Vec<crate::model::Id>,
    ),
}

/// Why an answer is not taken in. Nothing of it is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The `.ron` file cannot be read or is no valid report.
    File(Box<FileError>),
    /// The `.xlsx` file cannot be read, or is not a response workbook.
    Workbook(workbook::WorkbookProblem),
    /// A report, but not a response sent to a division.
    NotAResponse,
    /// Neither kind of answer by its name: a report table, a PDF, a workbook that is no survey's
    /// (`extension` as named, empty when there is none).
    NotAnAnswerFile { extension: String },
    /// The survey's workbook saved again as `.xls` or `.ods` (`extension` as named): said with
    /// what to do, where it was "not an answer" as if it were any other file.
    WorkbookResaved { extension: String },
    /// A response to another report.
    AnotherReport { expected: ReportId, found: ReportId },
    /// A response to this report's programme for another period or year.
    AnotherPeriod {
        expected: (FiscalYear, Period),
        found: (FiscalYear, Period),
    },
    /// From a 担当課 the survey was not sent to.
    NotAsked { division: String },
    /// It names a 担当課 that was asked, but not with the token sent to that division (another
    /// division's file with the name changed, a hidden sheet changed by hand).
    WrongToken { division: String },
    /// More results (sub-items counted) and topics of its own than an answer may bring
    /// ([`crate::model::bounds::MAX_ANSWER_ENTRIES`]).
    TooManyEntries { count: usize },
    /// More text than an answer may bring ([`crate::model::bounds::MAX_ANSWER_TEXT_BYTES`]).
    TooMuchText { bytes: usize },
}

fn period_name(p: (FiscalYear, Period), lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{} {}", p.0.era_form(), p.1.japanese()),
        Lang::En => format!("FY{} {}", p.0.0, p.1.key()),
    }
}

impl Describe for Refusal {
    fn describe(&self, lang: Lang) -> String {
        match self {
            // The refusal is listed under the file's name already.
            Refusal::File(e) => e.what(lang),
            Refusal::Workbook(p) => p.describe(lang),
            Refusal::NotAResponse => say(
                lang,
                "担当課への回答用ファイルではありません".into(),
                "not a response sent to a 担当課".into(),
            ),
            Refusal::NotAnAnswerFile { extension } => say(
                lang,
                format!(
                    "回答のファイルではありません（.{extension}）。回答は照会で送った回答用ファイル（.ron）か回答票（.xlsx）です"
                ),
                format!(
                    "not an answer (.{extension}): an answer is the response file (.ron) or the \
                     workbook (.xlsx) the survey sent"
                ),
            ),
            Refusal::WorkbookResaved { extension } => say(
                lang,
                format!(
                    "照会で送った回答票を .{extension} で保存し直したファイルです。.{extension} の回答票は読みません。Excel ブック（.xlsx）で保存し直して送ってください"
                ),
                format!(
                    "the survey's workbook saved again as .{extension}, which is not read: save \
                     it as an Excel workbook (.xlsx) and send that"
                ),
            ),
            Refusal::AnotherReport { expected, found } => say(
                lang,
                format!("別の報告への回答です（この報告: {expected}、回答: {found}）"),
                format!(
                    "an answer to another report (this report: {expected}, the answer's: {found})"
                ),
            ),
            Refusal::AnotherPeriod { expected, found } => say(
                lang,
                format!(
                    "別の期間への回答です（この報告: {}、回答: {}）",
                    period_name(*expected, lang),
                    period_name(*found, lang)
                ),
                format!(
                    "an answer for another period (this report: {}, the answer: {})",
                    period_name(*expected, lang),
                    period_name(*found, lang)
                ),
            ),
            Refusal::NotAsked { division } => {
                // A name no division of the master has may be anything (1.7 million
                // characters): shown shortened.
                let division = crate::model::text::preview(division);
                say(
                    lang,
                    format!("{division}には照会していません"),
                    format!("{division} was not sent this survey"),
                )
            }
            Refusal::TooManyEntries { count } => {
                let most = crate::model::bounds::MAX_ANSWER_ENTRIES;
                say(
                    lang,
                    format!(
                        "回答の実績・見出しが多すぎます（{count} 件、1つの回答で {most} 件まで）。何も取り込みません"
                    ),
                    format!(
                        "the answer brings too many results and topics ({count}; at most {most} \
                         an answer); nothing is taken"
                    ),
                )
            }
            Refusal::TooMuchText { bytes } => {
                use crate::model::bounds::{MAX_ANSWER_TEXT_BYTES, megabytes};
                let (mb, most) = (
                    megabytes(*bytes as u64),
                    megabytes(MAX_ANSWER_TEXT_BYTES as u64),
                );
                say(
                    lang,
                    format!(
                        "回答の文が多すぎます（{mb} MB、1つの回答で {most} MB まで）。何も取り込みません"
                    ),
                    format!(
                        "the answer brings too much text ({mb} MB; at most {most} MB an answer); \
                         nothing is taken"
                    ),
                )
            }
            Refusal::WrongToken { division } => say(
                lang,
                format!(
                    "{division}に送った回答用ファイルではありません（照会時の識別番号が一致しません）。何も取り込みません"
                ),
                format!(
                    "not the response sent to {division} (its survey token does not match); nothing is taken"
                ),
            ),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// An answer file's name as it is recorded and shown: a line break or another character that
/// does not show by its mark (`<LF U+000A>`, `<ESC U+001B>`), a byte that is no character by
/// its value (`<FF>`) — so that a crafted name cannot print a line of its own nor act on a
/// terminal, and the office's master does not keep a sender's invisible characters (every
/// check of it warned of them, for good).
pub fn file_name(path: &Path) -> String {
    use crate::model::text::{is_invisible, mark};
    let name = path.file_name().unwrap_or(path.as_os_str());
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' | '\r' => out.push_str(&mark(c)),
                c if is_invisible(c) => out.push_str(&mark(c)),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("<{b:02X}>"));
        }
    }
    out
}

/// Reads an answer file: `.xlsx` as a response workbook, anything else as a Shinchoku `.ron`.
pub fn read_answer(path: &Path) -> Result<Answer, Refusal> {
    let file = file_name(path);
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        let bytes = crate::model::diag::read_input(path).map_err(|kind| {
            Refusal::File(Box::new(FileError {
                path: path.to_path_buf(),
                kind,
            }))
        })?;
        return answer_from_workbook(&bytes, file).map(|a| with_time(a, path));
    }
    // A file named as something else (a report table, a PDF) is no answer: said so, not as a
    // `.ron` that does not read (「3行1列: 進捗の報告ファイルではありません…」).
    let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
    if let Some(extension) = extension.filter(|e| !e.eq_ignore_ascii_case("ron")) {
        // What is no file at all (a pipe, a device) is said as that first.
        let bytes = crate::model::diag::read_input(path).map_err(|kind| {
            Refusal::File(Box::new(FileError {
                path: path.to_path_buf(),
                kind,
            }))
        })?;
        if workbook::is_response_resaved(&bytes) {
            return Err(Refusal::WorkbookResaved { extension });
        }
        return Err(Refusal::NotAnAnswerFile { extension });
    }
    // Read as written: collecting reads its entries against what was sent (`adopt`), which
    // tells a sub-item edited alone from a text rewritten; reading them again here, not
    // knowing that, put the old sub-item back.
    let loaded = crate::store::open_as_written(path).map_err(|e| Refusal::File(Box::new(e)))?;
    let said = codeless_ratings_said(&loaded.repaired);
    let answer = answer_from_report(loaded.report, file)?;
    Ok(with_time(Answer { said, ..answer }, path))
}

/// A rating the division left without its code but with a note (the code cleared, 「下期に
/// 評価します」 written): opening leaves it out, so the note is not taken — said in the review,
/// as the workbook's answer says it (it went without a word).
fn codeless_ratings_said(
    repaired: &[crate::model::validate::Violation],
) -> Vec<crate::model::diag::Warning> {
    use crate::model::measure_warning::MeasureWarning;
    use crate::model::validate::Rule;
    (repaired.iter())
        .filter_map(|v| match &v.rule {
            Rule::RatingWithoutCode { kept } if !kept.is_empty() => {
                let initiative = v.place.initiative.clone().unwrap_or_default();
                let answer = kept.clone();
                let warning = MeasureWarning::AnswerNoteWithoutRating { initiative, answer };
                let kind = crate::model::diag::WarningKind::Measure { warning };
                let at = crate::model::diag::Location::default();
                Some(crate::model::diag::Warning::new(at, kind))
            }
            _ => None,
        })
        .collect()
}

/// The answer with its file's modification time.
fn with_time(answer: Answer, path: &Path) -> Answer {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Answer {
        modified: modified
            .and_then(crate::model::clock::local)
            .map(|t| t.naive_local()),
        ..answer
    }
}

/// What reading a response again from its texts would change, said in the review: a result
/// whose text is as sent but whose stored reading beside it says otherwise (`when:` edited in
/// a text editor) is taken as its text says ([`super::adopt`]), and that is said, not done
/// without a word. A text or a sub-item edited is the division's edit, listed as such.
pub fn read_again_as_sent(mut answer: Answer) -> Answer {
    use super::sent::{SentParts, hash, result_key};
    let AnswerContent::Report(report) = &answer.content else {
        return answer;
    };
    let sent: SentParts = answer.response.sent.iter().cloned().collect();
    let as_sent =
        |e: &crate::model::Entry| sent.get(&result_key(e.id)).map(|&h| h == hash(&e.text));
    let mut read = (**report).clone();
    let bound = crate::model::validate::MAX_ID;
    let again = crate::model::stale::read_again_against(&mut read, bound, &as_sent);
    // Said where the text is as sent and what is stored beside it was edited (`when:`): a text
    // rewritten is the edit itself, listed as such. And where what was sent is not known (a
    // line the file adds) but a reading was written beside the text and differs: the text is
    // taken, and what stood beside it (「研修の実施及び効果測定」, 10月) went unsaid.
    // Only of the division's own results: another's (or a plan line) is not taken, and its
    // change is held and listed as such — read again, it was said as if taken.
    let division = answer.response.division.as_str();
    let own = |r: &crate::model::stale::ReadAgain| {
        let section = report.sections.iter().find(|s| s.numeral == r.section);
        let initiative =
            section.and_then(|s| s.initiatives.iter().find(|i| i.number == r.initiative));
        let topic = initiative.and_then(|i| Some((i, i.topics.get(r.topic.checked_sub(1)?)?)));
        r.side == crate::model::Side::Actual
            && topic.is_some_and(|(i, t)| {
                crate::model::answering::topic_divisions(i, t).contains(&division)
            })
    };
    let said = (again.into_iter())
        .filter(|r| (r.text_as_sent || r.reading_beside_unknown) && !r.subs_taken && own(r))
        .collect();
    let read_again = crate::store::repair_warnings(&read, &crate::store::read_again_said(said));
    answer.said.extend(read_again);
    answer
}

/// An answer from a response report (already read).
pub fn answer_from_report(report: Report, file: String) -> Result<Answer, Refusal> {
    let response = report.response.clone().ok_or(Refusal::NotAResponse)?;
    // What the division answers: its own topics' results (with their sub-items), as the
    // workbook's rows hold them. The rest of the response is context, or held if changed.
    let (mut entries, mut bytes) = (0, 0);
    for i in report.initiatives() {
        for t in &i.topics {
            if crate::model::answering::topic_divisions(i, t).contains(&response.division.as_str())
            {
                let results = t.actual.iter().flat_map(|e| e.and_subs());
                let (n, b) = results.fold((0, 0), |(n, b), e| {
                    (n + 1 + sub_items_unlisted(e), b + e.text.len())
                });
                (entries, bytes) = (entries + 1 + n, bytes + b);
            }
        }
    }
    within_bound(entries, bytes)?;
    Ok(Answer {
        file,
        modified: None,
        response,
        content: AnswerContent::Report(Box::new(report)),
        said: Vec::new(),
    })
}

/// An answer from the bytes of a response workbook.
pub fn answer_from_workbook(bytes: &[u8], file: String) -> Result<Answer, Refusal> {
    let answered = workbook::read(bytes).map_err(Refusal::Workbook)?;
    let entries = (answered.rows.iter()).map(|r| {
        let lines = r.results.lines();
        1 + lines
            .map(|l| 1 + month_brackets(l).saturating_sub(1))
            .sum::<usize>()
    });
    let bytes = answered.rows.iter().map(|r| r.results.len()).sum();
    within_bound(entries.sum(), bytes)?;
    Ok(Answer {
        file,
        modified: None,
        response: answered.response,
        content: AnswerContent::Workbook(
            answered.rows,
            answered.measures,
            answered.outside,
            answered.sent_topics,
        ),
        said: Vec::new(),
    })
}

/// The sub-items an entry listing none may part into when its text is read: one a month
/// bracket past its first (a line typed by hand holds its sub-items in its text alone — 900,000
/// of them went uncounted, and the master taking them was too large to save, every other
/// answer lost with it).
fn sub_items_unlisted(e: &crate::model::Entry) -> usize {
    match e.subs.is_empty() {
        true => month_brackets(&e.text).saturating_sub(1),
        false => 0,
    }
}

/// An answer bringing at most [`crate::model::bounds::MAX_ANSWER_ENTRIES`] results and
/// [`crate::model::bounds::MAX_ANSWER_TEXT_BYTES`] of their text in the division's own
/// topics: one of hundreds of thousands of lines, or of 60 MB, made the master larger than is
/// read.
fn within_bound(count: usize, bytes: usize) -> Result<(), Refusal> {
    use crate::model::bounds::{MAX_ANSWER_ENTRIES, MAX_ANSWER_TEXT_BYTES};
    if count > MAX_ANSWER_ENTRIES {
        return Err(Refusal::TooManyEntries { count });
    }
    match bytes > MAX_ANSWER_TEXT_BYTES {
        true => Err(Refusal::TooMuchText { bytes }),
        false => Ok(()),
    }
}

/// Something to tell about an answer or the results it brings (months that cannot be read,
/// months outside the period, a file older than the answer taken before): taken in as
/// written, and said in the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerWarning {
    pub file: String,
    pub division: String,
    pub warning: crate::model::diag::Warning,
}

impl Describe for AnswerWarning {
    fn describe(&self, lang: Lang) -> String {
        // A warning of the answer as a whole (a response file has no cells) names no place.
        let at = self.warning.at.describe(lang);
        let at = if at.is_empty() { at } else { format!("{at}: ") };
        format!(
            "{} ({}): {at}{}",
            self.file,
            self.division,
            self.warning.kind.describe(lang)
        )
    }
}
