use shinchoku::model::months::{MonthSet, TimingKind, fiscal_years_written, parse_timing};

use crate::seed;

/// (expression, calendar months in fiscal order, open end, scheduled, kind)
type Golden = (&'static str, &'static [u8], bool, bool, TimingKind);

const M: TimingKind = TimingKind::Months;

/// Every distinct month expression written in the seed, with what it must mean.
const SEED_EXPRESSIONS: &[Golden] = &[
    ("6月", &[6], false, false, M),
    ("9月", &[9], false, false, M),
    ("4月～9月", &[4, 5, 6, 7, 8, 9], false, false, M),
    ("4月", &[4], false, false, M),
    ("4月～5月", &[4, 5], false, false, M),
    ("8月", &[8], false, false, M),
    ("7月", &[7], false, false, M),
    ("6月～", &[6, 7, 8, 9, 10, 11, 12, 1, 2, 3], true, false, M),
    (
        "4月～",
        &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        true,
        false,
        M,
    ),
    ("随時", &[], false, false, TimingKind::AsNeeded),
    (
        "通年",
        &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        false,
        false,
        TimingKind::AllYear,
    ),
    (
        "5月～",
        &[5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        true,
        false,
        M,
    ),
    ("10月", &[10], false, false, M),
    ("7月～", &[7, 8, 9, 10, 11, 12, 1, 2, 3], true, false, M),
    ("1月～3月", &[1, 2, 3], false, false, M),
    ("2月～3月", &[2, 3], false, false, M),
    ("2月", &[2], false, false, M),
    (
        "4月～2月",
        &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2],
        false,
        false,
        M,
    ),
    ("11月～1月", &[11, 12, 1], false, false, M),
    ("5月～9月", &[5, 6, 7, 8, 9], false, false, M),
    ("4月～6月", &[4, 5, 6], false, false, M),
    ("9月～12月予定", &[9, 10, 11, 12], false, true, M),
    ("1月～", &[1, 2, 3], true, false, M),
    ("3月", &[3], false, false, M),
    ("5月", &[5], false, false, M),
    ("7月～9月", &[7, 8, 9], false, false, M),
    ("9月～", &[9, 10, 11, 12, 1, 2, 3], true, false, M),
    (
        "4月～3月",
        &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        false,
        false,
        M,
    ),
    ("8月～10月予定", &[8, 9, 10], false, true, M),
    ("10月～12月", &[10, 11, 12], false, false, M),
    (
        "5月～7月及び12月～2月の年2回",
        &[5, 6, 7, 12, 1, 2],
        false,
        false,
        M,
    ),
    ("8月～11月予定", &[8, 9, 10, 11], false, true, M),
    ("4月、9月", &[4, 9], false, false, M),
    ("11月～12月", &[11, 12], false, false, M),
    ("4月～8月", &[4, 5, 6, 7, 8], false, false, M),
    // Not in brackets: the era date range of initiative 4's actuals.
    (
        "平成 29 年6月1日～平成 29 年9月 29 日",
        &[6, 7, 8, 9],
        false,
        false,
        M,
    ),
];

/// Forms other reports write.
const EXTRA_EXPRESSIONS: &[Golden] = &[
    ("4月〜9月", &[4, 5, 6, 7, 8, 9], false, false, M),
    ("4月~9月", &[4, 5, 6, 7, 8, 9], false, false, M),
    ("４月～６月", &[4, 5, 6], false, false, M),
    ("１１月～１月", &[11, 12, 1], false, false, M),
    ("6月上旬", &[6], false, false, M),
    ("6月中旬～7月下旬", &[6, 7], false, false, M),
    (
        "年度内",
        &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        false,
        false,
        TimingKind::WithinYear,
    ),
    ("第1四半期", &[4, 5, 6], false, false, M),
    ("第４四半期", &[1, 2, 3], false, false, M),
    ("4月、9月、1月", &[4, 9, 1], false, false, M),
    ("6月 ～", &[6, 7, 8, 9, 10, 11, 12, 1, 2, 3], true, false, M),
    ("～9月", &[4, 5, 6, 7, 8, 9], false, false, M),
    ("10月予定", &[10], false, true, M),
    (
        "通年予定",
        &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        false,
        true,
        TimingKind::AllYear,
    ),
    ("令和元年6月～令和元年9月", &[6, 7, 8, 9], false, false, M),
    // A year written with a dot or a slash, or without its era; the month may then lack 月.
    ("H29.6月", &[6], false, false, M),
    ("H29.6～9月", &[6, 7, 8, 9], false, false, M),
    ("H29.10～", &[10, 11, 12, 1, 2, 3], true, false, M),
    ("R1.6月", &[6], false, false, M),
    ("2017年6月", &[6], false, false, M),
    ("2017/6～2017/8", &[6, 7, 8], false, false, M),
    ("29年6月", &[6], false, false, M),
    // Rounds named in the list: 「研修の実施（第1回：6月、第2回：9月）」.
    ("第1回：6月、第2回：9月", &[6, 9], false, false, M),
    ("第1回 6月、第2回 9月", &[6, 9], false, false, M),
    ("6月：第1回、9月：第2回", &[6, 9], false, false, M),
    ("6月 9月", &[6, 9], false, false, M),
    (
        "毎月",
        &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        false,
        false,
        TimingKind::AllYear,
    ),
    ("上半期", &[4, 5, 6, 7, 8, 9], false, false, M),
    ("下期に実施予定", &[10, 11, 12, 1, 2, 3], false, true, M),
    ("９月開催予定", &[9], false, true, M),
    (
        "毎月1回",
        &[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        false,
        false,
        TimingKind::AllYear,
    ),
    ("下半期", &[10, 11, 12, 1, 2, 3], false, false, M),
    ("R2年4月1日～R2年5月31日", &[4, 5], false, false, M),
    // Ranges as divisions write them: the first month bare, a dash, words for 「～」.
    ("6～8月", &[6, 7, 8], false, false, M),
    ("6月—8月", &[6, 7, 8], false, false, M),
    ("6月–8月", &[6, 7, 8], false, false, M),
    // As CP932 writes `—` (U+2015), and typed as a long vowel mark.
    ("6月―8月", &[6, 7, 8], false, false, M),
    ("6月ー8月", &[6, 7, 8], false, false, M),
    (
        "6月以降",
        &[6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        true,
        false,
        M,
    ),
    (
        "6月から",
        &[6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        true,
        false,
        M,
    ),
    (
        "6月より",
        &[6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        true,
        false,
        M,
    ),
    ("6月から8月まで", &[6, 7, 8], false, false, M),
    ("8月まで", &[4, 5, 6, 7, 8], false, false, M),
    ("10月以降予定", &[10, 11, 12, 1, 2, 3], true, true, M),
];

fn check(golden: &[Golden]) {
    for &(expr, months, open_end, scheduled, kind) in golden {
        let t = parse_timing(expr).unwrap_or_else(|e| panic!("{expr}: {e}"));
        assert_eq!(t.months.calendar_months(), months, "months of {expr}");
        assert_eq!(t.open_end, open_end, "open end of {expr}");
        assert_eq!(t.scheduled, scheduled, "予定 of {expr}");
        assert_eq!(t.kind, kind, "kind of {expr}");
    }
}

#[test]
fn every_month_expression_of_the_seed() {
    check(SEED_EXPRESSIONS);
}

#[test]
fn month_expressions_other_reports_write() {
    check(EXTRA_EXPRESSIONS);
    assert_eq!(
        parse_timing("5月～7月及び12月～2月の年2回").unwrap().times,
        Some(2)
    );
}

#[test]
fn the_seed_has_no_month_expression_outside_the_golden_list() {
    let report = seed().report;
    let mut written = std::collections::BTreeSet::new();
    for i in report.initiatives() {
        for t in &i.topics {
            let mut stack: Vec<_> = t.plan.iter().chain(&t.actual).collect();
            while let Some(e) = stack.pop() {
                if let Some(w) = &e.when {
                    assert!(e.timing.is_some(), "「{w}」 was not understood");
                    written.insert(w.clone());
                }
                stack.extend(&e.subs);
            }
        }
    }
    let golden: std::collections::BTreeSet<String> =
        SEED_EXPRESSIONS.iter().map(|g| g.0.to_string()).collect();
    assert_eq!(written, golden);
}

#[test]
fn unreadable_expressions_are_errors_that_say_why() {
    for (expr, why) in [
        ("13月", "no month 13"),
        ("6月頃合い", "頃合い"),
        ("2月～4月", "past March"),
        ("", "empty"),
        ("月", "month"),
        // A number with a range mark is meant as months, but 月 is missing and no year says so.
        ("10～", "without 月"),
        ("平成29月", "without 年"),
        ("第1回6月の頃", "頃"),
    ] {
        let err = parse_timing(expr).expect_err(expr);
        assert!(err.to_string().contains(why), "{expr}: {err}");
    }
}

#[test]
fn month_sets_run_april_to_march() {
    let s = MonthSet::range(11, 1);
    assert_eq!(s.calendar_months(), vec![11, 12, 1]);
    assert_eq!(s.runs(), vec![(7, 9)]);
    assert_eq!(s.to_japanese(), "11月～1月");
    let two = parse_timing("5月～7月及び12月～2月").unwrap().months;
    assert_eq!(two.runs(), vec![(1, 3), (8, 10)]);
    assert_eq!(two.to_japanese(), "5月～7月、12月～2月");
    assert!(MonthSet::range(4, 9).contains(9));
    assert!(!MonthSet::range(4, 9).contains(10));
}

#[test]
fn a_written_year_names_the_fiscal_year_its_month_falls_in() {
    assert_eq!(fiscal_years_written("H29.6月"), vec![2017]);
    assert_eq!(
        fiscal_years_written("平成30年2月"),
        vec![2017],
        "February is FY2017's"
    );
    assert_eq!(fiscal_years_written("R1.6月～R2.3月予定"), vec![2019, 2019]);
    assert_eq!(fiscal_years_written("2017/4"), vec![2017]);
    assert!(fiscal_years_written("6月～9月").is_empty());
    assert!(
        fiscal_years_written("29年6月").is_empty(),
        "its era is not written"
    );
}

/// Counts after the months and a `、` (`(6月～)、延べ3件`) are a note of the result: kept in its
/// text, its counts read, its name and months as without them — not a sub-item of their own
/// with no month (a row of its own in the web page, the printout and the CSV). Words there are
/// an activity whose month is not written, a sub-item still.
#[test]
fn a_note_after_the_months_and_a_comma_is_no_sub_item() {
    use shinchoku::model::entry_text::read_entry;
    let mut problems = Vec::new();
    let e = read_entry("職員説明会の開催(6月～)、延べ3件", true, &mut problems);
    assert!(e.subs.is_empty(), "{:?}", e.subs);
    assert_eq!(e.text, "職員説明会の開催(6月～)、延べ3件");
    assert_eq!(e.label, "職員説明会の開催");
    assert_eq!(e.timing.as_ref().unwrap().months.to_japanese(), "6月～3月");
    let counts: Vec<&str> = e.counts.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(counts, ["延べ3件"]);
    let e = read_entry(
        "研修の実施 新人研修(4月) 中堅研修(6月)、管理者研修、課長研修",
        true,
        &mut problems,
    );
    let subs: Vec<&str> = e.subs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        subs,
        ["新人研修(4月)", "中堅研修(6月)", "管理者研修、課長研修"]
    );
    // Sub-items each with their months are still sub-items.
    let e = read_entry(
        "研修の実施 新人研修(4月)、管理者研修(5月)",
        true,
        &mut problems,
    );
    assert_eq!(e.subs.len(), 2, "{:?}", e.subs);
    // A note with a number beside the counts: the counts still, not a month or a name.
    for (text, counts) in [
        (
            "新規採用職員研修(4回・103名受講、9月追加)(4月)",
            ["4回", "103名受講"],
        ),
        ("職員研修(2回・15名、うち管理職5名)(6月)", ["2回", "15名"]),
    ] {
        let e = read_entry(text, true, &mut problems);
        let read: Vec<&str> = e.counts.iter().map(|c| c.raw.as_str()).collect();
        assert_eq!(read, counts, "{text}");
        assert!(!e.label.contains('('), "{text}: {}", e.label);
    }
    assert!(problems.is_empty(), "{problems:?}");
}

/// Notes glued to the months with `※`, `／` or `;` (「アンケート(7月※回答率8割)」): the months
/// are read and the note kept as written. They came back without months, bar or plan-line link,
/// warned 「7月の後の「※回答率8割」は月の一部として読めません」.
#[test]
fn a_note_glued_to_the_months_by_a_mark_keeps_the_months() {
    use shinchoku::model::entry_text::read_entry;
    for (text, months) in [
        ("アンケート(7月※回答率8割)", "7月"),
        ("説明会（7月※）", "7月"),
        ("研修の実施（7月/2回）", "7月"),
        ("研修の実施（7月／2回）", "7月"),
        ("研修の実施（7月;2回）", "7月"),
        ("研修の実施（7月；2回）", "7月"),
        ("周知（6～8月※全庁）", "6月～8月"),
        ("周知（6月以降、延べ3件）", "6月～3月"),
    ] {
        let mut problems = Vec::new();
        let e = read_entry(text, true, &mut problems);
        assert!(problems.is_empty(), "{text}: {problems:?}");
        assert_eq!(e.text, text, "kept as written");
        let read = e.timing.as_ref().map(|t| t.months.to_japanese());
        assert_eq!(read.as_deref(), Some(months), "{text}");
    }
    // A note naming another month: the months before it are read, and check says the note's
    // month is not.
    let mut problems = Vec::new();
    let e = read_entry("説明会（9月※10月に追加開催）", true, &mut problems);
    assert_eq!(
        e.timing.map(|t| t.months.to_japanese()).as_deref(),
        Some("9月")
    );
    // `／` between months lists them; a half-width `/` between two months is kept whole and
    // said (it writes dates: 2017/6), never read as June with 9月 a note.
    let e = read_entry("研修（6月／9月）", true, &mut problems);
    assert_eq!(
        e.timing.map(|t| t.months.to_japanese()).as_deref(),
        Some("6月、9月")
    );
    let mut said = Vec::new();
    let e = read_entry("研修（6月/9月）", true, &mut said);
    assert!(e.timing.is_none() && !said.is_empty(), "{e:?}");
    // Words for a range outside a bracket are the sentence's: no months read there.
    for text in [
        "県有財産の自己点検 10月から",
        "周知 4月より",
        "検討 6月以降",
    ] {
        let e = read_entry(text, true, &mut problems);
        assert!(e.timing.is_none() && e.when.is_none(), "{text}: {e:?}");
    }
}

/// A ※ remark before the month bracket (「倫理研修の実施 ※管理職対象(9月)」): the bracket closing
/// the remark is the entry's months when its own words have none, the remark kept as its note.
/// They came back empty, with a warning that no month was written, where the same words with
/// the remark after the months (「服務研修の実施(9月) ※管理職対象」) read September.
#[test]
fn a_month_bracket_after_a_remark_is_the_entrys_months() {
    use shinchoku::model::entry_text::read_entry;
    for (text, months, note) in [
        ("倫理研修の実施 ※管理職対象(9月)", "9月", "管理職対象(9月)"),
        ("服務研修の実施(9月) ※管理職対象", "9月", "管理職対象"),
        (
            "勤務間インターバルの検討 ※R1年度（令和元年度）導入予定(9月)",
            "9月",
            "R1年度（令和元年度）導入予定(9月)",
        ),
    ] {
        let mut problems = Vec::new();
        let e = read_entry(text, true, &mut problems);
        assert!(problems.is_empty(), "{text}: {problems:?}");
        assert_eq!(e.text, text, "kept as written");
        let read = e.timing.as_ref().map(|t| t.months.to_japanese());
        assert_eq!(read.as_deref(), Some(months), "{text}");
        assert_eq!(e.notes.to_vec(), [note.to_string()], "{text}");
        assert!(!e.label.contains('※'), "{text}: {}", e.label);
    }
    // The entry's own months stand: a month in the remark is the remark's.
    let e = read_entry("説明会(6月) ※追加開催(10月)", true, &mut Vec::new());
    let read = e.timing.map(|t| t.months.to_japanese());
    assert_eq!(read.as_deref(), Some("6月"));
    // A remark with no month bracket leaves an entry without months as it was; so does one
    // whose bracket does not end it (it tells of another time).
    for text in ["倫理研修の実施 ※管理職対象", "研修 ※(10月)に再実施予定"]
    {
        let e = read_entry(text, true, &mut Vec::new());
        assert!(e.timing.is_none() && e.when.is_none(), "{text}: {e:?}");
    }
}

/// Words after the months of an entry that has no sub-items (「研修資料の改訂（６月）　全庁へ周知」)
/// are its note: the entry reads June, one entry, the text as typed. They were made a sub-item
/// with no month, said as a line that lost its month and listed in the review as a result
/// added.
#[test]
fn words_after_an_entrys_months_are_its_note_not_a_sub_item() {
    use shinchoku::model::entry_text::read_entry;
    for text in [
        "研修資料の改訂（６月）　全庁へ周知",
        "研修資料の改訂(5月～9月) 各部へ配布",
    ] {
        let mut problems = Vec::new();
        let e = read_entry(text, true, &mut problems);
        assert!(e.subs.is_empty(), "{text}: {:?}", e.subs);
        assert!(e.timing.is_some(), "{text}");
        assert_eq!(e.text, text);
        assert!(problems.is_empty(), "{text}: {problems:?}");
    }
    // A head and its sub-items are split as before.
    let e = read_entry(
        "職員研修の実施 新規採用職員研修(4月) 割愛採用職員研修(4月)",
        true,
        &mut Vec::new(),
    );
    assert_eq!(e.subs.len(), 2);
}

/// A run past December written as offices write it, 「9月～翌年3月予定」 or 「9月～翌3月」, is
/// months 9–3 (予定 kept): its months and its 予定 were lost (the result counted as done and
/// not asked to confirm after 次の期間へ). A month of the next year past March is outside the
/// fiscal year, said so.
#[test]
fn a_month_of_the_next_year_is_read_within_the_fiscal_year() {
    use shinchoku::lang::{Describe, Lang};
    use shinchoku::model::months::MonthProblem;
    let nine_to_three = [9, 10, 11, 12, 1, 2, 3];
    for (text, scheduled) in [
        ("9月～翌年3月予定", true),
        ("9月～翌3月", false),
        ("12月～翌年1月", false),
        ("翌年2月", false),
    ] {
        let timing = parse_timing(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(timing.scheduled, scheduled, "{text}");
        let months = timing.months.calendar_months();
        match text {
            "12月～翌年1月" => assert_eq!(months, [12, 1]),
            "翌年2月" => assert_eq!(months, [2]),
            _ => assert_eq!(months, nine_to_three, "{text}"),
        }
    }
    let outside = parse_timing("9月～翌年4月").unwrap_err();
    assert_eq!(outside.problem, MonthProblem::NextYearOutside { month: 4 });
    assert!(
        outside
            .problem
            .describe(Lang::Ja)
            .contains("翌年4月は年度（4月～翌年3月）の外です")
    );
    // A result so written in the seed's report keeps its months and its 予定.
    let mut problems = Vec::new();
    let text = "県有財産の利活用計画の策定(9月～翌年3月予定)";
    let entry = shinchoku::model::entry_text::read_entry(text, true, &mut problems);
    assert!(
        problems.is_empty() && entry.scheduled(),
        "{entry:?} {problems:?}"
    );
    assert_eq!(entry.covered_months().calendar_months(), nine_to_three);
    assert_eq!(entry.text, text);
}
