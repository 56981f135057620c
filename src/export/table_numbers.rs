//! The numbers and judgements in the text exports — the report table and the CSV — as columns
//! after the published ones, headed the way the importer reads them (`import/measures.rs`:
//! 指標, 指標の見出し (the topic it measures), 単位, 向き, 基準値, 基準年度, 最終目標, `29年度目標`, `29年度上半期実績`, `29年度実績値`,
//! 達成率, `29年度計画額`, `29年度実績額`, 自己評価, 本部評価, 委員会意見 with who and when, and
//! 取組実績・特記 when a self-rating has a note, 本部評価・特記 when a review has one), so
//! that export → import gives the same numbers. An initiative's first row has its first
//! indicator, its effects and its ratings; each further indicator a row of its own. Above the
//! table's header, the money unit (「（単位：千円）」), the cumulative note and the scale
//! (評価 | 内容 | 説明 | 対象外) are declared as a workbook declares them. A negative number is
//! written `△120`, as offices type it: it reads back exactly, and a cell starting with `-`
//! would be taken for a formula by a spreadsheet (the CSV would have to guard it with `'`).
//! A report without numbers gets none of this: its table and CSV are as before.

use crate::model::measures::{Counting, Figure, Indicator, Measures, Money, Rating};
use crate::model::{FiscalYear, Initiative, Report};

/// The number columns of a report: the fiscal years its indicators and effects name.
pub struct NumberColumns {
    indicator_years: Vec<FiscalYear>,
    effect_years: Vec<FiscalYear>,
    /// Which layers have a note: the self-rating's, the review's (a last column each).
    notes: NoteColumns,
}

/// The heading of the self-rating's note, as the table and the workbook's 評価 sheet write it
/// (read back as the note: `import/measures.rs`, 特記).
pub(crate) const NOTE_HEADING: &str = "取組実績・特記";
/// The heading of the review's note (read back as it: `import/measures.rs`, 本部 and 特記).
pub(crate) const REVIEW_NOTE_HEADING: &str = "本部評価・特記";

/// Which rating layers of a report have a note to write: each gets a column only then, so a
/// report without notes is written as before.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NoteColumns {
    pub self_rating: bool,
    pub review: bool,
}

impl NoteColumns {
    pub(crate) fn of(report: &Report) -> NoteColumns {
        let any = |pick: fn(&Measures) -> Option<&Rating>| {
            report
                .initiatives()
                .any(|i| pick(i.measures()).is_some_and(|r| !r.note.is_empty()))
        };
        NoteColumns {
            self_rating: any(|m| m.self_rating.as_ref()),
            review: any(|m| m.review.as_ref()),
        }
    }

    /// The headings of the note columns written, in order.
    pub(crate) fn headings(self) -> impl Iterator<Item = &'static str> {
        let self_heading = self.self_rating.then_some(NOTE_HEADING);
        self_heading
            .into_iter()
            .chain(self.review.then_some(REVIEW_NOTE_HEADING))
    }

    /// The notes of `m` for the columns written, in order (blank where a layer has none).
    pub(crate) fn cells(self, m: &Measures) -> Vec<String> {
        let note = |r: &Option<Rating>| r.as_ref().map_or_else(String::new, |r| r.note.clone());
        let mut out = Vec::new();
        if self.self_rating {
            out.push(note(&m.self_rating));
        }
        if self.review {
            out.push(note(&m.review));
        }
        out
    }
}

/// The rating layers' headings, as the table and the workbook's 評価 sheet write them.
pub(crate) const RATING_HEADINGS: [&str; 9] = [
    "自己評価",
    "評価者",
    "評価日",
    "本部評価",
    "評価者",
    "評価日",
    "委員会意見",
    "記入者",
    "記入日",
];

fn years_of<'a>(
    items: impl Iterator<Item = &'a Initiative>,
    pick: fn(&Measures) -> Vec<FiscalYear>,
) -> Vec<FiscalYear> {
    let mut years: Vec<FiscalYear> = items.flat_map(|i| pick(i.measures())).collect();
    years.sort();
    years.dedup();
    years
}

impl NumberColumns {
    /// `None` for a report without numbers, a rating scale or a declared unit or counting.
    pub fn of(report: &Report) -> Option<NumberColumns> {
        let declared = report.measure_settings != Default::default();
        if !declared && !report.has_measures() {
            return None;
        }
        Some(NumberColumns {
            indicator_years: years_of(report.initiatives(), |m| {
                m.indicators
                    .iter()
                    .flat_map(|x| x.years.iter().map(|y| y.year))
                    .collect()
            }),
            effect_years: years_of(report.initiatives(), |m| {
                m.effects.iter().map(|e| e.fiscal_year).collect()
            }),
            notes: NoteColumns::of(report),
        })
    }

    pub fn headings(&self, report: &Report) -> Vec<String> {
        let short = |y: &FiscalYear| y.short_form_like(report.fiscal_year);
        let mut out: Vec<String> = [
            "指標",
            "指標の見出し",
            "単位",
            "向き",
            "基準値",
            "基準年度",
            "最終目標",
        ]
        .map(String::from)
        .to_vec();
        for y in &self.indicator_years {
            out.push(format!("{}目標", short(y)));
            out.push(format!("{}上半期実績", short(y)));
            out.push(format!("{}実績値", short(y)));
        }
        out.push("達成率".into());
        for y in &self.effect_years {
            out.push(format!("{}計画額", short(y)));
            out.push(format!("{}実績額", short(y)));
        }
        out.extend(RATING_HEADINGS.map(String::from));
        out.extend(self.notes.headings().map(String::from));
        out
    }

    /// The initiative's rows of number cells (at least one), each as long as the headings.
    pub fn rows(&self, report: &Report, i: &Initiative) -> Vec<Vec<String>> {
        let m = i.measures();
        let width = self.headings(report).len();
        let blank = || vec![String::new(); width];
        let mut rows: Vec<Vec<String>> = Vec::new();
        for x in &m.indicators {
            let mut row = self.indicator_cells(report, i, x);
            row.resize(width, String::new());
            rows.push(row);
        }
        if rows.is_empty() {
            rows.push(blank());
        }
        let first = &mut rows[0];
        let mut at = 8 + 3 * self.indicator_years.len();
        let unit = report.measure_settings.yen_unit;
        for y in &self.effect_years {
            if let Some(e) = m.effect(*y) {
                first[at] = money(&e.planned, unit);
                first[at + 1] = money(&e.actual, unit);
            }
            at += 2;
        }
        for layer in [&m.self_rating, &m.review] {
            if let Some(r) = layer {
                first[at..at + 3].clone_from_slice(&rating_cells(r));
            }
            at += 3;
        }
        if let Some(c) = &m.comment {
            first[at] = c.text.clone();
            first[at + 1] = c.by.clone();
            first[at + 2] =
                c.on.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string());
        }
        for (k, note) in self.notes.cells(m).into_iter().enumerate() {
            first[at + 3 + k] = note;
        }
        rows
    }

    fn indicator_cells(&self, report: &Report, i: &Initiative, x: &Indicator) -> Vec<String> {
        let direction = x.direction_words();
        let (base, base_year) = x.baseline.as_ref().map_or_else(Default::default, |b| {
            let year = b
                .year
                .map_or_else(String::new, |y| y.short_form_like(report.fiscal_year));
            (figure(&b.value), year)
        });
        let topic = x.topic_in(i).and_then(|t| t.heading.clone());
        let mut row = vec![
            x.name.clone(),
            topic.unwrap_or_default(),
            x.unit.clone(),
            direction.to_string(),
            base,
            base_year,
            figure(&x.target),
        ];
        for y in &self.indicator_years {
            match x.year(*y) {
                Some(v) => {
                    row.extend([figure(&v.target), figure(&v.first_half), figure(&v.actual)])
                }
                None => row.extend([String::new(), String::new(), String::new()]),
            }
        }
        row.push(
            x.achievement_rate(report.fiscal_year)
                .map_or_else(String::new, |r| format!("{}%", signed(r.to_string()))),
        );
        row
    }
}

fn rating_cells(r: &Rating) -> [String; 3] {
    [
        r.code.clone(),
        r.by.clone(),
        r.on.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
    ]
}

/// A number as written: its value with a leading `△` for a minus, or the text kept as written.
fn figure(f: &Figure) -> String {
    f.value
        .map_or_else(|| f.unread.clone(), |v| signed(v.to_string()))
}

fn money(m: &Money, unit: crate::model::measures::YenUnit) -> String {
    match m.yen {
        Some(_) => signed(m.display(unit)),
        None => m.unread.clone(),
    }
}

/// `-120` as `△120`.
fn signed(number: String) -> String {
    crate::model::measures::with_triangle(number)
}

/// The rows above the table's header that declare what the numbers are in: the money unit,
/// cumulative counting, the rating scale (a header 評価 | 内容 | 説明 | 対象外, a row per level).
pub fn declarations(report: &Report) -> Vec<Vec<String>> {
    let settings = &report.measure_settings;
    let mut rows = vec![vec![format!("（単位：{}）", settings.yen_unit.label())]];
    if settings.counting == Counting::Cumulative {
        rows.push(vec![
            "※各年度の効果額は、前年度までの効果を含めた累計で計上".into(),
        ]);
    }
    if !settings.rating_scale.is_empty() {
        rows.push(
            ["評価", "内容", "説明", "対象外"]
                .map(String::from)
                .to_vec(),
        );
        for level in &settings.rating_scale {
            rows.push(vec![
                level.code.clone(),
                level.label.clone(),
                level.meaning.clone(),
                if level.not_applicable { "○" } else { "" }.to_string(),
            ]);
        }
    }
    rows
}
