//! The tables printed after the grid when the report has numbers or a rating scale: the
//! 集計表 (per section and in all: initiatives per rating level and 未評価, 群馬県's
//! 数値目標等達成率 and 計画実施率, indicators met, effects planned and actual — the figures of
//! `model::tally`, worded as the web page words them), the rating scale (評価基準), and the
//! committee's comments (委員会意見一覧), which have the page's width here rather than a narrow
//! column of the grid. They count the initiatives the page setup prints. Laid out onto pages
//! by `table.rs`.

mod table;

use crate::grid::GridRow;
use crate::model::measures::MeasureSettings;
use crate::model::tally::Tally;
use crate::model::{Initiative, Report};

use super::draw::Geometry;
use super::draw::measures::Present;
use super::{PrintJob, Shape};

/// What the tagged PDF needs of a table after the grid: its title (a heading) and its size.
#[derive(Clone, Debug, PartialEq)]
pub struct TableInfo {
    pub title: String,
    pub columns: usize,
    pub rows: usize,
}

/// A table to print: its title, headings, cells (a row's first cell is its heading) and the
/// notes under it saying what the figures count.
struct Table {
    title: String,
    headings: Vec<String>,
    /// Each column's share of the page's width.
    weights: Vec<f32>,
    /// Columns of figures, set right.
    figures: Vec<bool>,
    rows: Vec<Vec<String>>,
    notes: Vec<String>,
}

impl Table {
    fn info(&self) -> TableInfo {
        TableInfo {
            title: self.title.clone(),
            columns: self.headings.len(),
            rows: self.rows.len(),
        }
    }
}

/// A page's body after the grid: its shapes and how much of it is filled.
pub struct Body {
    pub shapes: Vec<Shape>,
    pub used: f32,
}

/// The pages after the grid and what their tables are; none for a report without numbers.
pub struct Summary {
    pub pages: Vec<Body>,
    pub tables: Vec<TableInfo>,
}

/// The tables after the grid for the initiatives among `rows`, laid out on pages.
pub fn layout(job: &PrintJob, geometry: &Geometry, rows: &[GridRow]) -> Summary {
    let report = job.report;
    if !job.setup.columns.measures || !Present::of(report).any() {
        return Summary {
            pages: Vec::new(),
            tables: Vec::new(),
        };
    }
    let printed = printed_initiatives(report, rows);
    let whole = printed.iter().map(|(_, i)| i.len()).sum::<usize>() == report.initiatives().count();
    let mut tables = vec![totals(report, &printed, whole)];
    if !report.measure_settings.rating_scale.is_empty() {
        tables.push(scale(&report.measure_settings));
    }
    let comments = comments(&printed);
    if !comments.rows.is_empty() {
        tables.push(comments);
    }
    Summary {
        pages: table::pages(geometry, &tables),
        tables: tables.iter().map(Table::info).collect(),
    }
}

/// The sections with initiatives printed, each with those initiatives, in the report's order.
fn printed_initiatives<'a>(
    report: &'a Report,
    rows: &[GridRow],
) -> Vec<(usize, Vec<&'a Initiative>)> {
    let mut out: Vec<(usize, Vec<&Initiative>)> = Vec::new();
    for row in rows {
        let GridRow::Initiative {
            section: s,
            initiative: i,
        } = *row
        else {
            continue;
        };
        let Some(initiative) = report.sections.get(s).and_then(|x| x.initiatives.get(i)) else {
            continue;
        };
        match out.last_mut() {
            Some((last, list)) if *last == s => list.push(initiative),
            _ => out.push((s, vec![initiative])),
        }
    }
    out
}

/// 集計表: a row per section printed and one for all of them.
fn totals(report: &Report, printed: &[(usize, Vec<&Initiative>)], whole: bool) -> Table {
    let settings = &report.measure_settings;
    let year = report.fiscal_year;
    let mut rows: Vec<(String, Tally)> = printed
        .iter()
        .map(|(s, list)| {
            let section = &report.sections[*s];
            (
                format!("{} {}", section.numeral, section.title),
                Tally::of(settings, year, list.iter().copied()),
            )
        })
        .collect();
    let all = Tally::of(
        settings,
        year,
        printed.iter().flat_map(|(_, l)| l.iter().copied()),
    );
    // Codes the scale lacks, as written, after its levels: counted, never left out.
    let codes = all.codes();
    rows.push((
        if whole {
            "全体"
        } else {
            "印刷した取組の計"
        }
        .into(),
        all,
    ));
    // Written as the web page writes them (`model::tally`).
    let headings = crate::model::tally::headings(settings, &codes);
    let money = |yen| crate::model::tally::total_text(yen, settings.yen_unit);
    let cells = |t: &Tally| t.row_figures(settings, &codes, money, "計算不能");
    let table_rows = rows
        .iter()
        .map(|(name, t)| {
            let mut row = vec![name.clone()];
            row.extend(cells(t));
            row
        })
        .collect();
    let columns = headings.len();
    // A figure's column as wide as its heading on about two lines (「数値目標等達成率」 in
    // two halves rather than one character over); the sections' names the widest.
    let mut weights: Vec<f32> = headings
        .iter()
        .map(|h| (h.chars().count() as f32 / 4.0).clamp(1.2, 3.0))
        .collect();
    weights[0] = 4.0;
    let mut figures = vec![true; columns];
    figures[0] = false;
    Table {
        title: format!("集計表（{}）", year.era_form()),
        headings,
        weights,
        figures,
        rows: table_rows,
        notes: [
            earlier_notes(report, printed),
            crate::model::tally_notes::counted(report, whole),
            too_large_notes(&rows),
            crate::model::tally_notes::unread(
                printed.iter().flat_map(|(_, list)| list.iter().copied()),
            ),
        ]
        .concat(),
    }
}

/// The figures of an earlier year a cumulative total counts (a year's actual not reported,
/// the year before's taken), said under the table as the web page says them: the printout
/// passed the total off as the latest year's.
fn earlier_notes(report: &Report, printed: &[(usize, Vec<&Initiative>)]) -> Vec<String> {
    use crate::lang::{Describe, Lang};
    use crate::model::measure_warning::MeasureWarning;
    let numbers: std::collections::HashSet<&str> = (printed.iter().flat_map(|(_, l)| l.iter()))
        .map(|i| i.number.as_str())
        .collect();
    (crate::model::tally::earlier_figures_of(report).into_iter())
        .filter(|f| numbers.contains(f.initiative.as_str()))
        .map(|figure| {
            format!(
                "{}。",
                MeasureWarning::EarlierYearTotal { figure }.describe(Lang::Ja)
            )
        })
        .collect()
}

/// Why a total says 計算不能: too large for the whole yen kept (the last row is the whole's).
fn too_large_notes(rows: &[(String, Tally)]) -> Vec<String> {
    use crate::lang::{Describe, Lang};
    use crate::model::measure_warning::MeasureWarning;
    let mut notes = Vec::new();
    for (k, (name, t)) in rows.iter().enumerate() {
        let section = (k + 1 < rows.len()).then(|| name.clone());
        for (planned, large) in [(true, t.too_large.planned), (false, t.too_large.actual)] {
            if large {
                let section = section.clone();
                let said = MeasureWarning::TotalTooLarge { section, planned }.describe(Lang::Ja);
                notes.push(format!("{said}。"));
            }
        }
    }
    notes
}

/// 評価基準: the scale's levels.
fn scale(settings: &MeasureSettings) -> Table {
    let rows = settings
        .rating_scale
        .iter()
        .map(|l| {
            let meaning = if l.not_applicable {
                format!("{}（率の分母から除く）", l.meaning)
                    .trim_start()
                    .to_string()
            } else {
                l.meaning.clone()
            };
            vec![l.code.clone(), l.label.clone(), meaning]
        })
        .collect();
    Table {
        title: "評価基準".into(),
        headings: vec!["評価".into(), "内容".into(), "説明".into()],
        weights: vec![1.0, 3.0, 8.0],
        figures: vec![false; 3],
        rows,
        notes: Vec::new(),
    }
}

/// 委員会意見一覧: each printed initiative's comment, whole, with who and when.
fn comments(printed: &[(usize, Vec<&Initiative>)]) -> Table {
    let rows = printed
        .iter()
        .flat_map(|(_, list)| list.iter())
        .filter_map(|i| {
            let c = i.measures().comment.as_ref()?;
            let by = [
                c.by.clone(),
                c.on.map(|d| d.format("%Y年%-m月%-d日").to_string())
                    .unwrap_or_default(),
            ]
            .join(" ")
            .trim()
            .to_string();
            Some(vec![
                i.number.clone(),
                format!("{} {}", i.label, i.title).trim().to_string(),
                c.text.clone(),
                by,
            ])
        })
        .collect();
    Table {
        title: "委員会意見一覧".into(),
        headings: vec![
            "番号".into(),
            "具体的取組".into(),
            "委員会意見".into(),
            "委員会・日付".into(),
        ],
        weights: vec![1.0, 5.0, 12.0, 2.5],
        figures: vec![false; 4],
        rows,
        notes: Vec::new(),
    }
}
