use shinchoku::model::FiscalYear;
use shinchoku::model::era::{find_era_year, parse_era_year, parse_short_fiscal_year};

#[test]
fn era_years_to_western() {
    for (text, year) in [
        ("平成29年度", 2017),
        ("平成 29 年度", 2017),
        ("令和元年度", 2019),
        ("令和元年", 2019),
        ("H31", 2019),
        ("H28 年度", 2016),
        ("R1", 2019),
        ("R6年度", 2024),
        ("平成３１年度", 2019),
        ("2017年度", 2017),
    ] {
        assert_eq!(parse_era_year(text), Some(year), "{text}");
    }
    assert_eq!(parse_era_year("平成年度"), None);
    assert_eq!(parse_era_year("第二次"), None);
}

#[test]
fn fiscal_years_in_era_form() {
    assert_eq!(FiscalYear(2017).era_form(), "平成29年度");
    assert_eq!(FiscalYear(2019).era_form(), "令和元年度");
    assert_eq!(FiscalYear(2020).era_form(), "令和2年度");
    assert_eq!(FiscalYear(2016).short_form(), "28年度");
    assert_eq!(FiscalYear(2019).short_form(), "元年度");
    // A Heisei report keeps counting in Heisei for its plan years.
    assert_eq!(FiscalYear(2019).short_form_like(FiscalYear(2017)), "31年度");
    assert_eq!(FiscalYear(2018).short_form_like(FiscalYear(2020)), "30年度");
    assert_eq!(FiscalYear(2021).short_form_like(FiscalYear(2020)), "3年度");
    assert_eq!(FiscalYear(2017).calendar_year_of(1), 2018);
    assert_eq!(FiscalYear(2017).calendar_year_of(4), 2017);
}

#[test]
fn stage_headings_take_the_era_nearest_the_report() {
    let fy = FiscalYear(2017);
    assert_eq!(
        parse_short_fiscal_year("28年度", fy),
        Some(FiscalYear(2016))
    );
    assert_eq!(
        parse_short_fiscal_year("31年度", fy),
        Some(FiscalYear(2019))
    );
    assert_eq!(
        parse_short_fiscal_year("元年度", FiscalYear(2019)),
        Some(FiscalYear(2019))
    );
    assert_eq!(
        parse_short_fiscal_year("3年度", FiscalYear(2020)),
        Some(FiscalYear(2021))
    );
    assert_eq!(parse_short_fiscal_year("年度", fy), None);
}

#[test]
fn the_title_names_the_year() {
    assert_eq!(
        find_era_year("平成 29 年度「第二次三重県行財政改革取組」具体的取組"),
        Some(2017)
    );
    assert_eq!(find_era_year("令和 6 年度 上半期"), Some(2024));
}

/// One reader of typed dates for the window, the workbooks and the command line: the window
/// took `2017/10/13` and `2017.11.01` while the command line refused the first and a workbook's
/// 評価日 the second.
#[test]
fn a_date_reads_the_same_wherever_it_is_typed() {
    use shinchoku::model::era::read_date;
    let day = chrono::NaiveDate::from_ymd_opt(2017, 10, 5);
    for typed in [
        "2017-10-05",
        "2017/10/5",
        "2017.10.05",
        "２０１７／１０／５",
        "２０１７．１０．０５",
        " 2017-10-5 ",
    ] {
        assert_eq!(read_date(typed), day, "{typed}");
    }
    for not in ["H29.10.5", "2017-13-01", "", "10/5"] {
        assert_eq!(read_date(not), None, "{not}");
    }
}

/// One reader of a day for the window's fields, the workbooks and the command line: digits
/// with any separator, and the words offices write (平成29年10月13日, 2017年10月13日, 令和元年…).
#[test]
fn a_day_is_read_alike_in_digits_and_in_words() {
    use shinchoku::model::era::read_date;
    let day = chrono::NaiveDate::from_ymd_opt(2017, 10, 13);
    for text in [
        "2017-10-13",
        "2017/10/13",
        "２０１７／１０／１３",
        "平成29年10月13日",
        "平成２９年１０月１３日",
        " 2017年10月13日 ",
        "H29年10月13日",
    ] {
        assert_eq!(read_date(text), day, "{text}");
    }
    assert_eq!(
        read_date("令和元年5月1日"),
        chrono::NaiveDate::from_ymd_opt(2019, 5, 1)
    );
    for not_a_day in [
        "平成29年2月30日",
        "10月13日",
        "平成29年10月13日まで",
        "H29.10.13",
        "",
    ] {
        assert_eq!(read_date(not_a_day), None, "{not_a_day}");
    }
}

/// A day written in an era it did not fall in is no date (平成 ended on 30 April 2019 and began
/// on 8 January 1989; 昭和 ended on 7 January 1989): 「平成31年5月1日」 was taken as 1 May 2019,
/// 「昭和64年1月8日」 as 8 January 1989. The days each era had are read.
#[test]
fn a_day_written_in_an_era_it_did_not_fall_in_is_no_date() {
    use shinchoku::model::era::read_date;
    for none in [
        "平成31年5月1日",
        "平成31年12月1日",
        "平成32年3月31日",
        "平成元年1月7日",
        "昭和64年1月8日",
        "令和元年4月30日",
        "H31年5月1日",
    ] {
        assert_eq!(read_date(none), None, "{none}");
    }
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    for (text, date) in [
        ("平成31年4月30日", day(2019, 4, 30)),
        ("令和元年5月1日", day(2019, 5, 1)),
        ("昭和64年1月7日", day(1989, 1, 7)),
        ("平成元年1月8日", day(1989, 1, 8)),
        ("平成29年10月13日", day(2017, 10, 13)),
        ("2019年5月1日", day(2019, 5, 1)),
    ] {
        assert_eq!(read_date(text), date, "{text}");
    }
}
