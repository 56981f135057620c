//! Numbers and judgements read from a workbook: columns found by their headings (指標, 単位,
//! 基準値, 目標値, 実績値, 達成率, 進捗率, 効果額, 財政効果, 計画額, 実績額, 評価), on the report
//! sheet beside the initiatives or on sheets of their own, and an effects table by years
//! (区分 | 29年度 | 30年度 with rows 計画額 / 実績額 / 達成率). A row names its initiative by its
//! 番号 (written on the first of its rows, or merged down). Numbers are read as offices type
//! them (`model::figure`); what cannot be read is kept as written with a warning; a rate typed
//! in is checked against the one computed, never kept. A legend of `S：特に良好に進捗` cells
//! (beside a table, or on a sheet of its own under 評価 | 内容) declares the rating scale.

mod effects;
mod kept;
mod layout;
mod ratings;
mod row;
mod scale;
mod sheets;

use effects::{declared_unit, declares_cumulative, read_effects_table};
use layout::Layout;
use ratings::settle_rating_codes;
use row::read_row;
use scale::{check_ratings, legend, one_level_per_code};
use sheets::keep_figures_of_no_initiative;

use super::sheet::Sheet;
use super::warning_cap::push_warning;
use crate::model::diag::{Location, Warning, WarningKind};
use crate::model::era::{self, FiscalYear};
use crate::model::figure;
use crate::model::measure_warning::MeasureWarning;
use crate::model::measures::{
    Counting, Direction, Figure, Indicator, Money, YenUnit, figure_of, figure_typed_in, money_of,
    same_unit,
};
use crate::model::{Report, UnreadText};

/// What a column holds, by its heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    Name,
    /// The topic (見出し) of the initiative the indicator measures.
    Topic,
    Unit,
    Direction,
    Baseline,
    BaselineYear,
    /// The final target, or the target of a year its heading names.
    Target(Option<FiscalYear>),
    Actual(Option<FiscalYear>),
    FirstHalf(Option<FiscalYear>),
    /// 達成率 (or 進捗率: `progress`): computed, so only checked.
    Rate {
        progress: bool,
    },
    /// An effect of the year its heading names (else the report's), in the money unit the
    /// heading names, if any.
    EffectPlanned(Option<FiscalYear>, HeadingUnit),
    EffectActual(Option<FiscalYear>, HeadingUnit),
    SelfRating,
    Review,
    Comment,
    /// Who gave the rating to the left of it, and when (評価者, 評価日).
    RatedBy,
    RatedOn,
    /// A note beside the self-rating (取組実績・特記欄): its `note`.
    RatingNote,
    /// A note beside the office's review (本部評価・特記, 本部意見): the review's `note`.
    ReviewNote,
    /// A figure's heading that also says the figure is not the year's plan or actual for
    /// certain — a forecast (`29年度実績見込`), the second half alone (`29年度下半期実績`),
    /// the settled accounts (`29年度決算額`): its cells are kept unread with a warning, never
    /// taken as the year's (a guess of what the office meant).
    NotRead,
}

/// The money unit a heading names: 「効果額（百万円）」 — its figures are in it, whatever the
/// sheet declares (a unit written in a cell still wins).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HeadingUnit {
    None,
    Named(YenUnit),
    /// 万円 or 億円: a unit scaled by a kanji, which is not read (its figures are kept as
    /// written, as 「1.2億」 is).
    Scaled,
}

impl HeadingUnit {
    fn of(heading: &str) -> HeadingUnit {
        match YenUnit::named_in(heading) {
            Some(unit) => HeadingUnit::Named(unit),
            // 百万円 is named above; 万円 and 億円 alone are not kept.
            None if heading.contains("万円") || heading.contains("億円") => HeadingUnit::Scaled,
            None => HeadingUnit::None,
        }
    }
}

/// The fiscal year a heading names (`29年度目標`, `令和2年度実績`, and without 年度 `R3目標`,
/// `目標(H30)`), near the report's year. `R3目標` read as no year was the final target, and
/// overwrote the 最終目標 beside it.
fn year_in(heading: &str, near: FiscalYear) -> Option<FiscalYear> {
    let text = crate::model::text::normalize(heading);
    let with_nendo = text.find("年度").and_then(|at| {
        let end = at + "年度".len();
        (0..end)
            .filter(|&k| text.is_char_boundary(k))
            .find_map(|k| era::parse_short_fiscal_year(&text[k..end], near))
    });
    with_nendo.or_else(|| era::find_era_year_in_heading(&text).map(FiscalYear))
}

/// The column a heading names; `on_report_sheet` leaves 実績 / 計画 alone (the report's own
/// text columns) unless the heading says a number (実績値, 実績額, 計画額).
pub(crate) fn column_of(heading: &str, near: FiscalYear, on_report_sheet: bool) -> Option<Column> {
    let column = figure_column_of(heading, near, on_report_sheet)?;
    let figure = matches!(
        column,
        Column::Target(_)
            | Column::Actual(_)
            | Column::FirstHalf(_)
            | Column::Baseline
            | Column::EffectPlanned(..)
            | Column::EffectActual(..)
    );
    Some(
        if figure && not_for_certain(&crate::model::text::normalize(heading)) {
            Column::NotRead
        } else {
            column
        },
    )
}

/// Whether a figure's heading or 区分 (normalized) says it is not the year's plan or actual
/// for certain: a forecast (見込), the second half alone (下半期, 下期), the settled accounts
/// (決算, which a table of 計画額 / 実績額 rows does not say which of).
fn not_for_certain(text: &str) -> bool {
    ["見込", "下半期", "下期", "決算"]
        .iter()
        .any(|w| text.contains(w))
}

/// The column a heading names by its words, whatever else it says (see [`column_of`]).
fn figure_column_of(heading: &str, near: FiscalYear, on_report_sheet: bool) -> Option<Column> {
    let h = crate::model::text::normalize(heading);
    let year = year_in(&h, near);
    let has = |w: &str| h.contains(w);
    Some(if has("評価者") || has("記入者") {
        Column::RatedBy
    } else if has("評価日") || has("記入日") {
        Column::RatedOn
    } else if has("本部") && (has("特記") || has("意見")) {
        // The office's words beside its review, as the table and the workbook write them.
        Column::ReviewNote
    } else if has("特記") {
        // 木津川市's 取組実績・特記欄: what the 所管課 writes beside its rating.
        Column::RatingNote
    } else if has("委員会") || has("意見") {
        Column::Comment
    } else if has("評価") {
        if has("本部") || has("二次") || has("最終") {
            Column::Review
        } else {
            Column::SelfRating
        }
    } else if has("達成率") || has("進捗率") {
        Column::Rate {
            progress: has("進捗率"),
        }
    } else if has("計画額") || (has("効果") && (has("計画") || has("目標"))) {
        Column::EffectPlanned(year, HeadingUnit::of(&h))
    } else if has("実績額") || has("効果額") || has("財政効果") {
        Column::EffectActual(year, HeadingUnit::of(&h))
    } else if has("見出し") && has("指標") {
        // 指標の見出し; 見出し alone is the report's own (a month sheet's, a CSV's).
        Column::Topic
    } else if has("単位") {
        Column::Unit
    } else if has("向き") {
        Column::Direction
    } else if has("基準年度") {
        Column::BaselineYear
    } else if has("基準") {
        Column::Baseline
    } else if has("指標") || h == "項目" || h == "数値目標" {
        Column::Name
    } else if has("目標") {
        Column::Target(year.filter(|_| !has("最終")))
    } else if has("上半期") && has("実績") && (year.is_some() || !on_report_sheet) {
        Column::FirstHalf(year)
    } else if has("実績値") || (has("実績") && !on_report_sheet && (year.is_some() || plain(&h)))
    {
        // 実績 alone (or with its unit) beside 目標値: 福知山市's numbers table.
        Column::Actual(year)
    } else {
        return None;
    })
}

/// 「実績」 with nothing but a unit after it: the actual of a numbers sheet, not a text column
/// such as 取組実績.
fn plain(heading: &str) -> bool {
    (heading.strip_prefix("実績"))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['(', '（']))
}

/// Whether a report sheet's heading is one of the numbers' columns (not the report's own).
/// A level written as `S：特に良好に進捗` (a code of one or two capitals, a colon, a label): the
/// code and the label, where a sheet declares its scale so.
pub(crate) fn scale_line(text: &str) -> Option<(&str, &str)> {
    let (code, label) = text.split_once(['：', ':'])?;
    let code = code.trim();
    let short = !code.is_empty() && code.chars().count() <= 2;
    (short && code.chars().all(|c| c.is_ascii_uppercase()) && !label.trim().is_empty())
        .then_some((code, label))
}

/// A row under a rating scale's head that is no level but a note after it (「※ 未定稿」, a
/// sentence): a code and no label, the code a remark or longer than a code is. It ends the
/// scale (it was read as a level coded 「※ 未定稿」).
pub(crate) fn is_note_under_scale(code: &str, label: &str) -> bool {
    let code = code.trim();
    label.trim().is_empty() && (code.starts_with(['※', '＊', '*']) || code.chars().count() > 8)
}

/// Whether a cell's text declares the money unit of the figures (「（単位：百万円）」,
/// 「（百万円）」, 「（単位：億円）」): see `effects::declared_unit`.
pub(crate) fn declares_money_unit(text: &str) -> bool {
    effects::unit_declared_in(text).is_some()
}

pub(crate) fn is_measure_heading(heading: &str) -> bool {
    column_of(heading, FiscalYear(2017), true).is_some()
}

/// What is read into, and where warnings go.
pub(crate) struct Reading<'a> {
    pub report: &'a mut Report,
    pub warnings: &'a mut Vec<Warning>,
    /// The money unit the workbook declares (「（単位：百万円）」), when it does; one in 万円 or
    /// 億円 is `Scaled` (its bare figures are kept as written, as under such a heading).
    unit: Option<HeadingUnit>,
    /// Rating codes met, with where, checked against the scale once it is known.
    ratings: Vec<(String, Location)>,
    /// The initiatives by 番号 (normalised; the first of a number), made when first asked:
    /// a sheet of 400,000 rows each looked through 20,000 initiatives.
    by_number: Option<std::collections::HashMap<String, (usize, usize)>>,
    /// Each initiative's indicators by normalized name and topic (the first of a key), made
    /// when its first row is kept: each row looked through every indicator kept before.
    kept: std::collections::HashMap<(usize, usize), kept::Kept>,
}

impl Reading<'_> {
    fn warn(&mut self, sheet: &Sheet, row: usize, col: usize, warning: MeasureWarning) {
        let at = Location::cell(&sheet.name, row + 1, col + 1, None);
        push_warning(
            self.warnings,
            Warning::new(at, WarningKind::Measure { warning }),
        );
    }

    /// A figure's text as written, and the unit written in its cell (`3,297百万円`), read
    /// into a figure by [`Reading::indicator_figure`] once the indicator's unit is known.
    fn figure(&mut self, sheet: &Sheet, row: usize, col: usize) -> (String, String) {
        let text = sheet.text(row, col);
        let unit = match figure::read(text) {
            Ok(reading) => reading.map(|r| r.unit).unwrap_or_default(),
            Err(why) => {
                let warning = MeasureWarning::NumberNotRead {
                    text: text.to_string(),
                    why,
                };
                self.warn(sheet, row, col, warning);
                String::new()
            }
        };
        (text.to_string(), unit)
    }

    /// Money in the unit its column's heading names, else the one the workbook declares, else
    /// the report's (a unit written in the cell wins over all).
    fn money(&mut self, sheet: &Sheet, (row, col): (usize, usize), heading: HeadingUnit) -> Money {
        let text = sheet.text(row, col);
        // A heading's unit over the one a cell declares.
        let heading = match (heading, self.unit) {
            (HeadingUnit::None, Some(declared)) => declared,
            _ => heading,
        };
        let unit = match heading {
            HeadingUnit::Named(unit) => unit,
            HeadingUnit::None | HeadingUnit::Scaled => self.report.measure_settings.yen_unit,
        };
        let bare = figure::read(text).is_ok_and(|r| r.is_some_and(|r| r.unit.is_empty()));
        let money = if heading == HeadingUnit::Scaled && bare {
            // 「3,297」 under 効果額（万円）: read in 千円 it would be a tenth of what was meant.
            Money {
                yen: None,
                unread: text.trim().to_string(),
            }
        } else {
            money_of(text, unit)
        };
        if money.yen.is_none() && !money.unread.is_empty() {
            let warning = match figure::read(text) {
                Err(why) => MeasureWarning::NumberNotRead {
                    text: text.to_string(),
                    why,
                },
                Ok(_) if bare && heading == HeadingUnit::Scaled => MeasureWarning::NumberNotRead {
                    text: text.to_string(),
                    why: figure::FigureProblem::KanjiScale,
                },
                Ok(_) => MeasureWarning::money_not_read(text, unit),
            };
            self.warn(sheet, row, col, warning);
        }
        money
    }

    /// The initiative a row's 番号 names, as an index path; when none and the row holds
    /// numbers (`holds`), warns and keeps the row in the unread list.
    fn initiative(
        &mut self,
        sheet: &Sheet,
        row: usize,
        number: &str,
        holds: bool,
    ) -> Option<(usize, usize)> {
        let report = &*self.report;
        let by_number = self.by_number.get_or_insert_with(|| {
            let mut index = std::collections::HashMap::new();
            for (s, sec) in report.sections.iter().enumerate() {
                for (k, i) in sec.initiatives.iter().enumerate() {
                    let key = crate::model::text::normalize(&i.number);
                    index.entry(key).or_insert((s, k));
                }
            }
            index
        });
        let found = by_number
            .get(&crate::model::text::normalize(number))
            .copied();
        if found.is_none() && holds {
            let texts: Vec<&str> = sheet.row_texts(row).map(|(_, t)| t).collect();
            self.report.unread.push(UnreadText {
                row: row + 1,
                text: texts.join("\t"),
            });
            let warning = MeasureWarning::NoSuchInitiative {
                number: number.to_string(),
            };
            self.warn(sheet, row, 0, warning);
        }
        found
    }
}

impl Reading<'_> {
    /// A figure given a second time on its row: kept unread, said with the first.
    fn figure_twice(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        (heading, kept, other): (String, String, String),
    ) {
        let warning = MeasureWarning::FigureTwice {
            heading,
            kept,
            other: other.clone(),
        };
        self.warn(sheet, r, c, warning);
        self.report.unread.push(UnreadText {
            row: r + 1,
            text: other,
        });
    }

    /// A cell under a column not read (`29年度見込`, `29年度下半期実績`, `合計`): kept in the
    /// unread list with its heading, said naming the column.
    fn column_not_read(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        heading: String,
        text: String,
    ) {
        let kept = if heading.is_empty() {
            text.clone()
        } else {
            format!("{heading}: {text}")
        };
        self.warn(sheet, r, c, MeasureWarning::ColumnNotRead { heading, text });
        self.report.unread.push(UnreadText {
            row: r + 1,
            text: kept,
        });
    }

    /// A cell read in no place: kept in the unread list with a warning naming it.
    fn keep_unread(&mut self, sheet: &Sheet, (r, c): (usize, usize), text: String) {
        let at = Location::cell(&sheet.name, r + 1, c + 1, None);
        let kind = WarningKind::CellOutsideLayout { text: text.clone() };
        push_warning(self.warnings, Warning::new(at, kind));
        self.report.unread.push(UnreadText { row: r + 1, text });
    }

    /// The fiscal year a 基準年度 cell names; none when it names none, the text then kept
    /// unread with a warning (never dropped, nor left as an empty baseline).
    fn base_year(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        text: String,
    ) -> Option<FiscalYear> {
        let near = self.report.fiscal_year;
        let year = era::parse_short_fiscal_year(&text, near).or_else(|| year_in(&text, near));
        if year.is_none() {
            let warning = MeasureWarning::YearNotRead { text: text.clone() };
            self.warn(sheet, r, c, warning);
            self.report.unread.push(UnreadText { row: r + 1, text });
        }
        year
    }

    /// The topic of initiative `(s, k)` a 見出し cell names (`<見出し>` or the heading alone);
    /// none with a warning, the text kept unread, when it has no such topic.
    fn topic(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        (s, k): (usize, usize),
        text: &str,
    ) -> Option<crate::model::Id> {
        let bare = |t: &str| {
            crate::model::text::normalize(t.trim().trim_start_matches('<').trim_end_matches('>'))
        };
        let initiative = &self.report.sections[s].initiatives[k];
        let found = initiative
            .topics
            .iter()
            .find(|t| t.heading.as_deref().is_some_and(|h| bare(h) == bare(text)))
            .map(|t| t.id);
        if found.is_none() {
            let warning = MeasureWarning::NoSuchTopic {
                initiative: initiative.number.clone(),
                heading: text.to_string(),
            };
            self.report.unread.push(UnreadText {
                row: r + 1,
                text: text.to_string(),
            });
            self.warn(sheet, r, c, warning);
        }
        found
    }
}

/// Reads the numbers and judgements of a workbook into `report` (read from `report_sheet`,
/// its header at `header_row`, 番号 in `number_col`), from its own columns and from every
/// other sheet holding such a table.
pub(crate) fn read(
    report_sheet: &Sheet,
    header_row: usize,
    number_col: usize,
    others: &[Sheet],
    report: &mut Report,
    warnings: &mut Vec<Warning>,
) {
    let mut reading = Reading {
        report,
        warnings,
        unit: None,
        ratings: Vec::new(),
        by_number: None,
        kept: Default::default(),
    };
    // A sheet of its own declares the scale more fully than a legend beside the table: first.
    let mut scale = Vec::new();
    for sheet in others {
        scale.extend(legend(sheet));
        if let Some(unit) = declared_unit(sheet) {
            reading.unit.get_or_insert(unit);
        }
    }
    scale.extend(legend(report_sheet));
    if let Some(unit) = declared_unit(report_sheet) {
        reading.unit.get_or_insert(unit);
    }
    if let Some(HeadingUnit::Named(unit)) = reading.unit {
        reading.report.measure_settings.yen_unit = unit;
    }
    if others.iter().chain([report_sheet]).any(declares_cumulative) {
        reading.report.measure_settings.counting = Counting::Cumulative;
    }
    let columns = columns_of(report_sheet, header_row, reading.report.fiscal_year, true);
    if !columns.is_empty() {
        read_rows(&mut reading, report_sheet, header_row, number_col, &columns);
    }
    for sheet in others {
        read_sheet(&mut reading, sheet);
    }
    // A row whose cells were all blank or rates leaves nothing: kept as none. A year's effect
    // whose cells read as nothing (a bare dash) is none either: the exports do not write an
    // empty one, so the table would read back without it.
    for i in reading
        .report
        .sections
        .iter_mut()
        .flat_map(|s| &mut s.initiatives)
    {
        if let Some(m) = i.measures.as_mut() {
            m.effects
                .retain(|e| !(e.planned.is_blank() && e.actual.is_blank()));
        }
        if i.measures.as_ref().is_some_and(|m| m.is_empty()) {
            i.measures = None;
        }
    }
    let scale = one_level_per_code(scale, reading.warnings);
    if !scale.is_empty() {
        reading.report.measure_settings.rating_scale = scale;
    }
    settle_rating_codes(&mut reading);
    check_ratings(reading);
}

/// The measure columns of a header row, by column.
fn columns_of(sheet: &Sheet, row: usize, near: FiscalYear, report: bool) -> Vec<(usize, Column)> {
    sheet
        .row_texts(row)
        .filter_map(|(c, t)| Some((c, column_of(t, near, report)?)))
        .collect()
}

fn is_number_heading(text: &str) -> bool {
    let t = crate::model::text::normalize(text);
    t == "番号" || t == "取組番号" || t.eq_ignore_ascii_case("no") || t.eq_ignore_ascii_case("no.")
}

/// A sheet other than the report's: an indicator table (a header with 番号 and measure
/// columns) or an effects table (番号, 区分 and year columns).
fn read_sheet(reading: &mut Reading<'_>, sheet: &Sheet) {
    let near = reading.report.fiscal_year;
    let Some(header) = sheet
        .used_rows()
        .take(50)
        .find(|&r| sheet.row_texts(r).any(|(_, t)| is_number_heading(t)))
    else {
        keep_figures_of_no_initiative(reading, sheet);
        return;
    };
    let Some(number_col) = sheet
        .row_texts(header)
        .find(|(_, t)| is_number_heading(t))
        .map(|(c, _)| c)
    else {
        return;
    };
    let kind_col = sheet
        .row_texts(header)
        .find(|(_, t)| *t == "区分")
        .map(|(c, _)| c);
    let years: Vec<effects::YearColumn> = sheet
        .row_texts(header)
        .filter_map(|(c, t)| {
            let (year, unit) = effects::year_column(t, near)?;
            Some((c, year, unit))
        })
        .collect();
    match kind_col {
        Some(kind_col) if !years.is_empty() => {
            read_effects_table(reading, sheet, header, (number_col, kind_col), &years);
        }
        _ => {
            let columns = columns_of(sheet, header, near, false);
            if !columns.is_empty() {
                read_rows(reading, sheet, header, number_col, &columns);
            }
            // A table with no column read (番号 | 具体的取組 | 備考) was passed over without a
            // word; a monthly grid is the report's own, said only where edited.
            if columns.is_empty() && sheets::is_month_grid(sheet, header) {
                sheets::check_month_grid(reading, sheet);
            } else {
                keep_other_cells(reading, sheet, header, number_col, &columns);
            }
        }
    }
}

/// Cells under an indicator table's header in columns it does not read (「累計」, a note):
/// kept in the unread list, each with a warning naming it. The 具体的取組 column repeats the
/// initiative's title and is passed.
fn keep_other_cells(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    header: usize,
    number_col: usize,
    columns: &[(usize, Column)],
) {
    // Looked up, not searched, for each cell: a wide table's cells each tried every column.
    let mut read: std::collections::HashSet<usize> = sheet
        .row_texts(header)
        .filter(|(_, t)| t.contains("具体的取組") || t.contains("取組名"))
        .map(|(c, _)| c)
        .collect();
    read.insert(number_col);
    read.extend(columns.iter().map(|(c, _)| *c));
    let rows: Vec<usize> = sheet.used_rows().filter(|&r| r > header).collect();
    for r in rows {
        for (c, t) in sheet.row_texts(r) {
            if read.contains(&c) {
                continue;
            }
            let heading = sheet.text(header, c);
            let text = if heading.is_empty() {
                t.to_string()
            } else {
                format!("{heading}: {t}")
            };
            let at = Location::cell(&sheet.name, r + 1, c + 1, None);
            let kind = WarningKind::CellOutsideLayout { text: text.clone() };
            push_warning(reading.warnings, Warning::new(at, kind));
            reading.report.unread.push(UnreadText { row: r + 1, text });
        }
    }
}

/// Rows under a header, each naming its initiative by 番号 (the last one written above, when
/// the cell is blank or merged).
fn read_rows(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    header: usize,
    number_col: usize,
    columns: &[(usize, Column)],
) {
    // The initiative the rows name, or the 番号 written that names none (none yet: "").
    let mut current: Result<(usize, usize), String> = Err(String::new());
    let layout = Layout::new(sheet, header, columns);
    let rows: Vec<usize> = sheet.used_rows().filter(|&r| r > header).collect();
    for r in rows {
        let number = sheet.text(r, number_col);
        let cells = layout.cells(sheet, r);
        let holds = !cells.is_empty();
        // A section's title or a repeated header in the 番号 column names no initiative.
        if !number.is_empty() && !is_number_heading(number) {
            current = reading
                .initiative(sheet, r, number, holds)
                .ok_or_else(|| number.to_string());
        } else if holds && let Err(number) = &current {
            // A row under one whose 番号 names no initiative (or under none) is that one's:
            // kept and said as it was (it was passed over without a word).
            reading.initiative(sheet, r, &number.clone(), true);
        }
        if holds && let Ok(at) = current {
            read_row(reading, sheet, r, at, (&layout, &cells));
        }
    }
}

impl Reading<'_> {
    /// Which way is better, from a 向き cell: only words that say one way are read; any other
    /// text is kept as written on the indicator (which then has no 達成率), with a warning.
    fn direction(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        x: &mut Indicator,
        text: String,
    ) {
        match Direction::read(&text) {
            Some(direction) => x.direction = direction,
            None => {
                x.direction_unread = text.clone();
                self.warn(sheet, r, c, MeasureWarning::DirectionNotRead { text });
            }
        }
    }

    /// A figure of indicator `x`, read in its unit. The indicator takes the unit written in
    /// the cell (`3,297百万円`) when it has none yet and the table has no 単位 column (its 単位
    /// cell is read before its figures: one left blank says the indicator has none, as an
    /// exported table writes it); a cell in another unit is kept as written, with a warning
    /// naming it. A bare number under a heading naming another unit than the 単位 cell's
    /// (`目標値（百万円）` over `千円`) is in the heading's, as far as can be told: kept as
    /// written with that unit after it (`5百万円`), said naming both (it was read in the 単位
    /// cell's, a thousandfold off, without a word).
    fn indicator_figure(
        &mut self,
        sheet: &Sheet,
        (r, c): (usize, usize),
        x: &mut Indicator,
        (unit_column, heading): (bool, &str),
    ) -> Figure {
        let (text, unit) = self.figure(sheet, r, c);
        if x.unit.is_empty() && !unit.is_empty() && !unit_column {
            x.unit = unit.clone();
        }
        let bare = unit.is_empty() && figure::read(&text).is_ok_and(|f| f.is_some());
        let heading_unit = sheets::heading_unit(heading)
            .filter(|named| bare && !x.unit.is_empty() && !same_unit(named, &x.unit));
        if let Some(named) = heading_unit {
            let figure = figure_typed_in(&text, &named, &x.unit);
            let warning = MeasureWarning::HeadingUnitDiffers {
                heading: heading.to_string(),
                text: figure.unread.clone(),
                unit: x.unit.clone(),
            };
            self.warn(sheet, r, c, warning);
            return figure;
        }
        let figure = figure_of(&text, &x.unit);
        if !same_unit(&unit, &x.unit) {
            let warning = MeasureWarning::UnitDiffers {
                text: text.trim().to_string(),
                unit: x.unit.clone(),
            };
            self.warn(sheet, r, c, warning);
        }
        figure
    }
}

/// A typed rate against the one computed from the row's numbers; warns when they differ by
/// more than the rounding of a printed rate. A rate on a row without an indicator, or whose
/// indicator gives none, is said as not computed (see [`check_typed_rate`]).
fn check_rate(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    (r, c): (usize, usize),
    x: Option<&Indicator>,
    written: &str,
    progress: bool,
) {
    let year = reading.report.fiscal_year;
    // Without a baseline a body's 進捗率 is the actual against the target.
    let computed = x.and_then(|x| {
        if progress && x.baseline.is_some() {
            x.progress_rate(year)
        } else {
            x.achievement_rate(year)
        }
    });
    check_typed_rate(reading, sheet, (r, c), written, computed);
}

/// A rate typed at `(r, c)` against the one `computed`: said when they differ by more than the
/// rounding of a printed rate, or when there is none to compare with (the numbers not read);
/// either way the written rate is kept in the unread list, as written — rates are computed,
/// and one that could not be checked went without a trace.
fn check_typed_rate(
    reading: &mut Reading<'_>,
    sheet: &Sheet,
    (r, c): (usize, usize),
    written: &str,
    computed: Option<f64>,
) {
    let typed = figure::read(written);
    // A bare dash (`－`) is no rate, as everywhere else a dash is none: where none is computed
    // either, the two agree (it was said as a rate that could not be checked).
    if matches!(typed, Ok(None)) && computed.is_none() {
        return;
    }
    let typed = typed.ok().flatten();
    // A cell formatted as a percentage holds 0.95 for 95 % (and 0.015 for 1.5 %, −0.024 for
    // −2.4 %): a bare number agrees when it or a hundred times it is the computed rate.
    let agrees = match (typed, computed) {
        (Some(t), Some(c)) => {
            let v = t.value.as_f64();
            let percent = t.unit.is_empty() && v.abs() <= 2.0;
            (v - c).abs() < 0.6 || (percent && (v * 100.0 - c).abs() < 0.6)
        }
        _ => false,
    };
    if agrees {
        return;
    }
    let written = written.to_string();
    let warning = match computed {
        Some(c) => MeasureWarning::RateDiffers {
            written: written.clone(),
            computed: crate::model::measures::percent_text(c),
        },
        None => MeasureWarning::RateNotComputed {
            written: written.clone(),
        },
    };
    reading.warn(sheet, r, c, warning);
    (reading.report.unread).push(UnreadText {
        row: r + 1,
        text: written,
    });
}
