//! Inputs the fuzz targets (`fuzz/`) found to break a reader's promise, each kept once fixed.
//! The comment names the target and what it found.

use shinchoku::model::months::{MonthProblem, parse_timing};

/// `months`: separators alone (`,`) read as a timing with no month, which writes back as an
/// empty expression that does not read.
#[test]
fn separators_alone_are_no_month_expression() {
    for text in [",", "、", "、、", "及び", "，・，"] {
        let err = parse_timing(text).expect_err(text);
        assert_eq!(err.problem, MonthProblem::NoMonth, "{text}: {err}");
    }
}

/// `months`: an open end after other months (`5月～7月及び12月～`) was written back as `5月～`
/// alone, which reads as May to March.
#[test]
fn an_open_end_after_other_months_writes_back_what_it_read() {
    for text in ["5月～7月及び12月～", "4月、1月～", "～9月、6月～", "6月～"] {
        let timing = parse_timing(text).unwrap();
        let written = timing.to_japanese();
        assert_eq!(
            parse_timing(&written).unwrap(),
            timing,
            "{text} → {written}"
        );
    }
    assert_eq!(
        parse_timing("5月～7月及び12月～").unwrap().to_japanese(),
        "5月～7月、12月～"
    );
}
