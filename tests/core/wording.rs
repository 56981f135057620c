//! Every message has its Japanese words: each `say(lang, ja, en)` in `src/` (the one way a
//! kind of error or warning is worded, `lang::Describe`) is walked, and its Japanese text must
//! be Japanese — not the English again, not empty; and the system's file errors, which arrive
//! in English, are worded in Japanese for every kind.

use std::path::{Path, PathBuf};

use shinchoku::lang::{Lang, io_words};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of an argument (`"…".into()`, `format!("…", …)`, `"…" "…"`), joined.
fn literals(arg: &str) -> String {
    let mut out = String::new();
    let mut rest = arg;
    while let Some(open) = rest.find('"') {
        let body = &rest[open + 1..];
        let mut end = 0;
        let bytes = body.as_bytes();
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        out.push_str(&body[..end.min(body.len())]);
        rest = &body[(end + 1).min(body.len())..];
    }
    out
}

/// The arguments of each `say(` call: split at the commas outside brackets and strings.
fn say_calls(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("say(") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let (mut depth, mut args, mut cur, mut in_str, mut escaped) =
            (0i32, Vec::new(), String::new(), false, false);
        for c in code[at + 4..].chars() {
            if in_str {
                cur.push(c);
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_str = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_str = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    args.push(std::mem::take(&mut cur));
                    continue;
                }
                _ => {}
            }
            cur.push(c);
        }
        args.push(cur);
        out.push(args);
    }
    out
}

/// The text without its `{…}` placeholders.
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn japanese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}')
    })
}

#[test]
fn every_message_has_japanese_words_of_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let (mut walked, mut wrong) = (0, Vec::new());
    for path in files {
        let code = std::fs::read_to_string(&path).unwrap();
        for args in say_calls(&code) {
            if args.len() < 3 || args[0].trim() != "lang" && !args[0].trim().ends_with("lang") {
                continue;
            }
            walked += 1;
            let (ja, en) = (literals(&args[1]), literals(&args[2]));
            // Words passed through (a name, a number, `{ja}`) have no literal of their own.
            let own_words = without_placeholders(&ja).chars().any(|c| c.is_alphabetic());
            if own_words && (!japanese(&ja) || ja == en) {
                wrong.push(format!("{}: 「{ja}」 / \"{en}\"", path.display()));
            }
        }
    }
    assert!(
        walked > 200,
        "only {walked} messages found: is the walk broken?"
    );
    assert!(
        wrong.is_empty(),
        "{} not Japanese:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_walk_finds_a_message_left_in_english() {
    let code = r#"say(lang, "cannot save".into(), "cannot save".into())"#;
    let args = &say_calls(code)[0];
    assert!(!japanese(&literals(&args[1])));
    let code = r#"say(lang, format!("{}: 保存できません", p), format!("{}: x", p))"#;
    assert!(japanese(&literals(&say_calls(code)[0][1])));
}

#[test]
fn the_systems_file_errors_are_worded_in_japanese_for_every_kind() {
    use std::io::ErrorKind as K;
    for kind in [
        K::NotFound,
        K::PermissionDenied,
        K::AlreadyExists,
        K::StorageFull,
        K::ReadOnlyFilesystem,
        K::IsADirectory,
        K::UnexpectedEof,
        K::InvalidData,
        K::Other,
    ] {
        let error = std::io::Error::from(kind);
        let ja = io_words(kind, &error.to_string(), Lang::Ja);
        assert!(
            japanese(&ja) && !ja.contains(&error.to_string()),
            "{kind:?}: {ja}"
        );
        assert_eq!(
            io_words(kind, &error.to_string(), Lang::En),
            error.to_string()
        );
    }
    // The system's number is kept for whoever looks further.
    let denied = std::io::Error::from_raw_os_error(13);
    let ja = io_words(denied.kind(), &denied.to_string(), Lang::Ja);
    assert_eq!(ja, "権限がありません（OS のエラー番号 13）");
}

/// Every kind of warning about numbers and judgements (issue 25), built and worded in both
/// languages: the Japanese is Japanese and not the English, the English has no words of the
/// Japanese but what it quotes. The match below names each kind, so a new one does not compile
/// until it is walked here too.
#[test]
fn every_numbers_warning_is_worded_in_both_languages() {
    use shinchoku::lang::Describe;
    use shinchoku::model::FiscalYear;
    use shinchoku::model::figure::FigureProblem;
    use shinchoku::model::measure_warning::{MeasureAt, MeasureField, MeasureWarning as W};
    use shinchoku::model::tally::EarlierFigure;
    let text = || "約300".to_string();
    let earlier = |planned, unread| EarlierFigure {
        initiative: "1".into(),
        planned,
        taken_from: 2016,
        latest: 2017,
        unread,
    };
    let mut kinds = vec![
        W::NotMoney { text: text() },
        W::MoneyTooLarge { text: text() },
        W::RatingNotInScale {
            code: "Z".into(),
            scale: vec!["S".into(), "A".into()],
        },
        W::NoRatingScale { code: "Z".into() },
        W::FiguresOfNoInitiative {
            sheet: "進捗状況".into(),
        },
        W::EffectTwice {
            year: FiscalYear(2020),
            kept: "12百万円".into(),
            other: "15".into(),
        },
        W::RaterNotTaken {
            at: MeasureAt {
                initiative: "1".into(),
                field: MeasureField::SelfRating,
            },
            old: "総務部人事課 2017-10-10".into(),
            new: "誰かが書いた 2017-01-01".into(),
        },
        W::FigureTwice {
            heading: "目標値".into(),
            kept: "100".into(),
            other: "200".into(),
        },
        W::NoSuchInitiative {
            number: String::new(),
        },
        W::RatingTwice {
            review: false,
            kept: "A".into(),
            other: "C".into(),
        },
        W::RatingTwice {
            review: true,
            kept: "A".into(),
            other: "C".into(),
        },
        W::RatingLevelRepeated {
            code: "S".into(),
            kept: "特に良好に進捗".into(),
            other: "計画以上".into(),
        },
        W::RatingLevelWithoutCode {
            label: "未記入".into(),
        },
        W::NoSuchInitiative {
            number: "99".into(),
        },
        W::RateDiffers {
            written: "80%".into(),
            computed: "75%".into(),
        },
        W::RateNotComputed {
            written: "95.8%".into(),
        },
        W::RowNotUnderstood { text: text() },
        W::ColumnNotRead {
            heading: "29年度見込".into(),
            text: "20".into(),
        },
        W::ColumnNotRead {
            heading: String::new(),
            text: "20".into(),
        },
        W::HeadingUnitDiffers {
            heading: "目標値（百万円）".into(),
            text: "5百万円".into(),
            unit: "千円".into(),
        },
        W::TopicGone {
            initiative: "2".into(),
            indicator: "閲覧数".into(),
        },
        W::NoSuchTopic {
            initiative: "2".into(),
            heading: "ポータル".into(),
        },
        W::NotTheDivisions {
            initiative: "2".into(),
            owner: Some("総務部人事課".into()),
            answer: "132".into(),
        },
        W::NotTheDivisions {
            initiative: "2".into(),
            owner: None,
            answer: "132".into(),
        },
        W::NoSuchNumber {
            id: "m99".into(),
            answer: "132".into(),
        },
        W::AnswerNoteWithoutRating {
            initiative: "2".into(),
            answer: text(),
        },
        W::IndicatorGone {
            initiative: "2".into(),
            name: "電子申請件数".into(),
            answer: "1150".into(),
        },
        W::AnsweredInSentUnit {
            initiative: "2".into(),
            answer: "1310.2".into(),
            sent: "百万円",
            now: "千円",
        },
        W::UnitDiffers {
            text: "285件".into(),
            unit: "人".into(),
        },
        W::UnitDiffers {
            text: "285件".into(),
            unit: String::new(),
        },
        W::YearNotRead { text: text() },
        W::DirectionNotRead {
            text: "維持".into(),
        },
        W::IndicatorTwice {
            initiative: "1".into(),
            indicator: "電子申請件数".into(),
        },
        W::DateNotRead { text: text() },
        W::NoteWithoutRating {
            text: text(),
            review: false,
        },
        W::NoteWithoutRating {
            text: text(),
            review: true,
        },
        W::RatingWithoutCode { kept: text() },
    ];
    for section in [Some("I 行政運営".to_string()), None] {
        for planned in [true, false] {
            kinds.push(W::TotalTooLarge {
                section: section.clone(),
                planned,
            });
        }
    }
    kinds.push(W::ClosedHalfNotTaken {
        at: MeasureAt {
            initiative: "3".into(),
            field: MeasureField::IndicatorFirstHalf {
                name: "電子申請件数".into(),
                year: FiscalYear(2017),
            },
        },
        old: "285".into(),
        new: "290".into(),
    });
    kinds.push(W::OtherYearNotTaken {
        at: MeasureAt {
            initiative: "1".into(),
            field: MeasureField::EffectActual {
                year: FiscalYear(2016),
            },
        },
        old: "123456.788".into(),
        new: "0.999".into(),
    });
    kinds.push(W::ActualAhead {
        at: MeasureAt {
            initiative: "1".into(),
            field: MeasureField::IndicatorActual {
                name: "電子申請件数".into(),
                year: FiscalYear(2018),
            },
        },
        text: "1100".into(),
        report_year: FiscalYear(2017),
    });
    for same in [true, false] {
        kinds.push(W::AnsweredTwice {
            at: MeasureAt {
                initiative: "2".into(),
                field: MeasureField::SelfRating,
            },
            rows: [3, 4],
            answers: ["A".into(), if same { "A" } else { "B" }.into()],
            same,
            typed: None,
        });
    }
    kinds.push(W::AnsweredTwice {
        at: MeasureAt {
            initiative: "2".into(),
            field: MeasureField::SelfRating,
        },
        rows: [3, 4],
        answers: ["A".into(), "B".into()],
        same: false,
        typed: Some(4),
    });
    // Names every kind: a new one stops this compiling until it is added above.
    for why in [
        FigureProblem::KanjiScale,
        FigureProblem::NotANumber,
        FigureProblem::TooPrecise,
        FigureProblem::TooLong,
        FigureProblem::SpaceInside,
    ] {
        match why {
            FigureProblem::KanjiScale
            | FigureProblem::NotANumber
            | FigureProblem::TooPrecise
            | FigureProblem::TooLong
            | FigureProblem::SpaceInside => {}
        }
        kinds.push(W::NumberNotRead { text: text(), why });
    }
    for (planned, unread) in [(true, false), (false, false), (true, true), (false, true)] {
        kinds.push(W::EarlierYearTotal {
            figure: earlier(planned, unread),
        });
    }
    let fy = FiscalYear(2017);
    let name = || "電子申請件数".to_string();
    let places = [
        MeasureField::IndicatorTarget {
            name: name(),
            year: None,
        },
        MeasureField::IndicatorTarget {
            name: name(),
            year: Some(fy),
        },
        MeasureField::IndicatorBaseline { name: name() },
        MeasureField::IndicatorDirection { name: name() },
        MeasureField::IndicatorActual {
            name: name(),
            year: fy,
        },
        MeasureField::IndicatorFirstHalf {
            name: name(),
            year: fy,
        },
        MeasureField::EffectPlanned { year: fy },
        MeasureField::EffectActual { year: fy },
        MeasureField::SelfRating,
        MeasureField::SelfNote,
        MeasureField::Review,
        MeasureField::Comment,
    ];
    let mut worded: Vec<(String, String)> = kinds
        .iter()
        .map(|k| {
            // Names every kind: a new one stops this compiling until it is added above.
            match k {
                W::NumberNotRead { .. }
                | W::NotMoney { .. }
                | W::MoneyTooLarge { .. }
                | W::RatingNotInScale { .. }
                | W::NoRatingScale { .. }
                | W::RatingLevelRepeated { .. }
                | W::RatingLevelWithoutCode { .. }
                | W::EffectTwice { .. }
                | W::FigureTwice { .. }
                | W::RatingTwice { .. }
                | W::FiguresOfNoInitiative { .. }
                | W::NoSuchInitiative { .. }
                | W::RateDiffers { .. }
                | W::RateNotComputed { .. }
                | W::RowNotUnderstood { .. }
                | W::ColumnNotRead { .. }
                | W::HeadingUnitDiffers { .. }
                | W::EarlierYearTotal { .. }
                | W::TopicGone { .. }
                | W::NoSuchTopic { .. }
                | W::NotTheDivisions { .. }
                | W::NoSuchNumber { .. }
                | W::AnswerNoteWithoutRating { .. }
                | W::AnsweredInSentUnit { .. }
                | W::IndicatorGone { .. }
                | W::AnsweredTwice { .. }
                | W::OtherYearNotTaken { .. }
                | W::RaterNotTaken { .. }
                | W::ClosedHalfNotTaken { .. }
                | W::ActualAhead { .. }
                | W::UnitDiffers { .. }
                | W::YearNotRead { .. }
                | W::DirectionNotRead { .. }
                | W::TotalTooLarge { .. }
                | W::IndicatorTwice { .. }
                | W::DateNotRead { .. }
                | W::NoteWithoutRating { .. }
                | W::RatingWithoutCode { .. } => {}
            }
            (k.describe(Lang::Ja), k.describe(Lang::En))
        })
        .collect();
    worded.extend(places.into_iter().map(|field| {
        let at = MeasureAt {
            initiative: "1".into(),
            field,
        };
        (at.describe(Lang::Ja), at.describe(Lang::En))
    }));
    // What the English quotes: the texts and names above, and the units and headings a table
    // is to be written with (円, 計画, 実績), in Japanese.
    let quoted = [
        "約300",
        "未記入",
        "特に良好に進捗",
        "12百万円",
        "目標値",
        "誰かが書いた",
        "進捗状況",
        "番号",
        "計画以上",
        "基準年度",
        "評価日",
        "平成28年度",
        "2016年度",
        "28年度",
        "29年度見込",
        "総務部人事課",
        "285件",
        "単位",
        "人",
        "電子申請件数",
        "閲覧数",
        "ポータル",
        "維持",
        "向き",
        "I 行政運営",
        "高",
        "低",
        "↑",
        "↓",
        "増",
        "減",
        "計画",
        "実績",
        "百万円",
        "千円",
        "円",
        "億",
        "万",
    ];
    for (ja, en) in &worded {
        let own = without_placeholders(ja);
        assert!(japanese(&own) && ja != en, "「{ja}」 / \"{en}\"");
        let mut rest = en.clone();
        for q in quoted {
            rest = rest.replace(q, "");
        }
        let rest: String = rest
            .chars()
            .filter(|c| !"「」（）、".contains(*c))
            .collect();
        assert!(!japanese(&rest), "English with Japanese words: \"{en}\"");
    }
}

/// A topic without a heading, in two rows of an answer, is named as the grid names it, never
/// `<>`.
#[test]
fn a_topic_without_heading_in_two_rows_is_named_as_the_grid_names_it() {
    use shinchoku::lang::Describe;
    use shinchoku::model::diag::WarningKind;
    let kind = WarningKind::TopicInTwoRows {
        heading: String::new(),
        rows: [8, 13],
        same: true,
    };
    let ja = kind.describe(Lang::Ja);
    assert!(ja.starts_with("（見出しなし）が8行目と13行目"), "{ja}");
    let en = kind.describe(Lang::En);
    assert!(en.starts_with("(no heading) is in rows 8 and 13"), "{en}");
    assert!(!ja.contains("<>") && !en.contains("<>"));
}

/// A sheet named with millions of characters (a crafted workbook) is named shortened in the
/// warning about a second report table, as every other text is (the whole 9 MB name was
/// printed in one line).
#[test]
fn a_sheet_name_of_millions_of_characters_is_named_shortened() {
    use shinchoku::lang::Describe;
    use shinchoku::model::diag::WarningKind;
    let kind = WarningKind::OtherReportSheet {
        sheet: "表".repeat(3_000_000),
        read: "工程表".into(),
    };
    for lang in [Lang::Ja, Lang::En] {
        let said = kind.describe(lang);
        assert!(
            said.chars().count() < 200,
            "{} characters",
            said.chars().count()
        );
        assert!(said.contains("工程表"), "{said}");
    }
}

/// A `.ron` file damaged in each way the reader finds is refused in Japanese words: the
/// reader's own (`expected a ',' …`, English) were shown in the Japanese window.
#[test]
fn a_damaged_report_file_is_refused_in_japanese_words() {
    use shinchoku::document::SAMPLE_RON;
    use shinchoku::lang::Describe;
    let damaged = |old: &str, new: &str| {
        assert!(SAMPLE_RON.contains(old), "{old}");
        SAMPLE_RON.replacen(old, new, 1)
    };
    let cut = &SAMPLE_RON[..SAMPLE_RON.len() / 2];
    let cases = [
        ("cut short", cut.to_string()),
        ("a field no report has", damaged("title:", "titel:")),
        ("a character out of place", damaged("title:", "title: @")),
        ("text after the end", format!("{SAMPLE_RON})")),
        (
            "a string for a number",
            damaged("next_id: ", "next_id: \"x\", old_next_id: "),
        ),
        ("a bad escape", damaged("title: \"", "title: \"\\q")),
    ];
    for (what, text) in cases {
        let e = shinchoku::store::from_ron(&text).expect_err(what);
        let ja = e.describe(Lang::Ja);
        let en = e.describe(Lang::En);
        assert_ne!(ja, en, "{what}");
        // Japanese throughout, but for the names of the file's own fields (quoted 「…」).
        assert!(english_word(&ja, &["UTF"]).is_none(), "{what}: {ja}");
    }
}

/// Every kind of file error, each built and described: the Japanese has no English word but
/// the file's own (a path, a name quoted 「…」) — the walk of `say(` calls above sees the
/// literals, this sees what a user reads with the values filled in.
#[test]
fn every_file_error_kind_is_japanese_in_the_japanese_window() {
    use shinchoku::lang::Describe;
    use shinchoku::model::bounds::Excess;
    use shinchoku::model::diag::{
        DecodeProblem, Expected, FileError, FileErrorKind as F, ImportError, ImportErrorKind as I,
        IoProblem, Location, StoreProblem as S, SyntaxProblem as P,
    };
    let io = |kind: std::io::ErrorKind| {
        F::CannotRead(IoProblem {
            kind,
            text: std::io::Error::from(kind).to_string(),
        })
    };
    let import = |kind: I| {
        F::Import(Box::new(ImportError {
            at: Location::row(3),
            kind,
        }))
    };
    let malformed = |problem: P| {
        F::Store(S::Malformed {
            line: 2,
            column: 5,
            message: "expected something else".into(),
            problem,
        })
    };
    let mut kinds = vec![
        io(std::io::ErrorKind::NotFound),
        io(std::io::ErrorKind::PermissionDenied),
        io(std::io::ErrorKind::IsADirectory),
        F::CannotWrite(IoProblem {
            kind: std::io::ErrorKind::StorageFull,
            text: "No space left on device (os error 28)".into(),
        }),
        F::NotAFile,
        F::FileTooLarge { bytes: 200 << 20 },
        F::NotUtf8 {
            byte: 12,
            shift_jis: false,
        },
        F::NotUtf8 {
            byte: 12,
            shift_jis: true,
        },
        F::Store(S::NewerSchema {
            found: 9,
            supported: 5,
        }),
        F::Store(S::NestedTooDeeply { line: 1, column: 1 }),
        F::Store(S::Invalid(Vec::new())),
        import(I::Empty),
        import(I::NotText(Box::new(DecodeProblem::Unknown {
            utf8: (7, 90),
            cp932: (1, 4),
        }))),
        import(I::NotText(Box::new(DecodeProblem::OddUtf16 {
            encoding: "UTF-16LE",
        }))),
        import(I::Binary),
        import(I::NoHeaderRow),
        import(I::EntriesCsv),
        import(I::NoFiscalYear),
        import(I::YearNotHandled {
            written: "昭和2年".into(),
        }),
        import(I::NoInitiative),
        import(I::TooManyInitiatives),
        import(I::EncryptedWorkbook),
        import(I::NoReportSheet {
            sheets: vec!["Sheet1".into()],
        }),
        import(I::TooLarge {
            format: "XLSX",
            excess: Excess::Cells,
        }),
        // What the workbook readers say, in their own English words (a file cut short was
        // shown 「…: Zip error: invalid Zip archive: Could not find EOCD」).
        import(I::DamagedWorkbook {
            format: "XLSX",
            why: "Zip error: invalid Zip archive: Could not find EOCD".into(),
        }),
        import(I::DamagedWorkbook {
            format: "XLSX",
            why: "sheet 回答: Xml error: ill-formed document".into(),
        }),
        import(I::DamagedWorkbook {
            format: "XLS",
            why: "neither a ZIP package nor an OLE compound file".into(),
        }),
    ];
    kinds.extend(
        [
            P::EndOfFile,
            P::Expected(Expected::Comma),
            P::UnexpectedChar('@'),
            P::NoSuchField("titel".into()),
            P::MissingField("title".into()),
            P::DuplicateField("title".into()),
            P::NoSuchKind("Bogus".into()),
            P::TrailingCharacters,
            P::InvalidEscape,
            P::NotUtf8,
            P::NumberOutOfRange,
            P::BadValue,
        ]
        .map(malformed),
    );
    // Names of formats and encodings, written so in Japanese too.
    const KNOWN: [&str; 17] = [
        "UTF", "XLSX", "XLS", "CSV", "TSV", "RON", "BOM", "Shift", "JIS", "NUL", "Excel", "xlsx",
        "tsv", "csv", "ron", "XML", "ZIP",
    ];
    let mut english_found = Vec::new();
    for kind in kinds {
        let e = FileError {
            path: "/tmp/回答.ron".into(),
            kind,
        };
        let ja = e.describe(Lang::Ja);
        let english = english_word(&ja.replace("/tmp/回答.ron", ""), &KNOWN);
        if english.is_some() {
            english_found.push(ja);
        }
    }
    assert!(english_found.is_empty(), "{english_found:#?}");
}

/// The first English word (three letters or more) of a Japanese message outside 「…」 (the
/// file's own words), other than the names in `known`.
fn english_word(ja: &str, known: &[&str]) -> Option<String> {
    let mut depth = 0;
    let unquoted: String = ja
        .chars()
        .filter(|&c| {
            match c {
                '「' => depth += 1,
                '」' => depth -= 1,
                _ => return depth == 0,
            }
            false
        })
        .collect();
    unquoted
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| w.len() >= 3 && !known.contains(w))
        .map(str::to_string)
}

/// An answer refused for what it is — a workbook cut short, a report table given as an answer
/// — is said in Japanese, and names what an answer is (a table was refused as a `.ron` that
/// does not read: 「3行1列: 進捗の報告ファイルではありません…」).
#[test]
fn an_answer_refused_for_what_it_is_is_said_in_japanese() {
    use shinchoku::lang::Describe;
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("seed.tsv");
    std::fs::write(&table, crate::SEED).unwrap();
    let cut = dir.path().join("人事課.xlsx");
    std::fs::write(&cut, b"PK\x03\x04 cut short").unwrap();
    for (path, words) in [
        (&table, "回答のファイルではありません（.tsv）"),
        (&cut, "Excelのブックとして読めません"),
    ] {
        let said = shinchoku::survey::read_answer(path)
            .map(|_| ())
            .unwrap_err()
            .describe(Lang::Ja);
        assert!(said.contains(words), "{said}");
        assert_eq!(
            english_word(&said, &["Excel", "ron", "xlsx", "tsv"]),
            None,
            "{said}"
        );
    }
}

/// A division's workbook saved again by its office program as `.ods` or `.xls` (fixtures: the
/// survey's workbook saved so by LibreOffice) is refused with what to do — save it as `.xlsx` —
/// where it was "not an answer" like a PDF; a workbook that is no answer is still that.
#[test]
fn an_answer_workbook_saved_as_ods_or_xls_is_told_how_to_send() {
    use shinchoku::lang::Describe;
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "人事課.ods",
            &include_bytes!("../fixtures/answer-resaved-libreoffice.ods")[..],
        ),
        (
            "人事課.xls",
            &include_bytes!("../fixtures/answer-resaved-libreoffice.xls")[..],
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let refusal = shinchoku::survey::read_answer(&path)
            .map(|_| ())
            .unwrap_err();
        let extension = &name[name.len() - 3..];
        let said = refusal.describe(Lang::Ja);
        assert!(
            said.contains(&format!("回答票を .{extension} で保存し直したファイルです"))
                && said.contains("Excel ブック（.xlsx）で保存し直して送ってください"),
            "{said}"
        );
        assert!(
            refusal
                .describe(Lang::En)
                .contains("save it as an Excel workbook (.xlsx)")
        );
    }
    let table = dir.path().join("seed.ods");
    std::fs::write(&table, include_bytes!("../fixtures/seed-libreoffice.ods")).unwrap();
    let said = shinchoku::survey::read_answer(&table)
        .map(|_| ())
        .unwrap_err();
    assert!(
        said.describe(Lang::Ja)
            .contains("回答のファイルではありません（.ods）")
    );
}

/// Errors whose cause is a writer's or a checker's own words (English: the XLSX writer's, the
/// PDF library's, the RON reader's) say in Japanese what happened, the English kept for the
/// English window: `書き出せません: XLSX: Maximum number of …`, a recovery copy
/// 「壊れています（Expected …）」 and a PDF's 「同梱のフォント（bold）」 reached the Japanese window.
#[test]
fn the_writers_own_english_stays_out_of_the_japanese_window() {
    use shinchoku::export::ExportError;
    use shinchoku::lang::Describe;
    use shinchoku::print::pdf::{PdfError, UaFinding};
    use shinchoku::store::recovery::{CopyProblem, NotWritten, RecoveryError};
    use shinchoku::survey::send::{SendError, SendProblem};
    let writer = "Maximum number of horizontal or vertical pagebreaks allowed by Excel is 1023";
    let damaged = shinchoku::store::from_ron("(schema: 5, title: ").unwrap_err();
    let path = std::path::PathBuf::from("/tmp/x.ron");
    let unreadable = |problem| RecoveryError::Unreadable {
        path: path.clone(),
        problem,
    };
    let errors: Vec<Box<dyn Describe>> = vec![
        Box::new(ExportError::Writer(format!("XLSX: {writer}"))),
        Box::new(SendError {
            path: path.clone(),
            problem: SendProblem::Workbook(writer.into()),
        }),
        Box::new(unreadable(CopyProblem::Damaged(damaged))),
        Box::new(RecoveryError::NotWritten {
            path: path.clone(),
            why: NotWritten::Ron(writer.into()),
        }),
        Box::new(PdfError::Font { bold: true }),
        Box::new(PdfError::Font { bold: false }),
        Box::new(PdfError::Finish(writer.into())),
        Box::new(PdfError::NotAccessible(vec![
            UaFinding::NoCharacter { glyph: 7 },
            UaFinding::WrongCharacter {
                glyph: 8,
                c: '\u{E000}',
            },
            UaFinding::LicenceForbids,
        ])),
    ];
    for e in &errors {
        let (ja, en) = (e.describe(Lang::Ja), e.describe(Lang::En));
        assert!(
            english_word(&ja, &["PDF", "untagged", "tmp", "ron", "Excel"]).is_none(),
            "{ja}"
        );
        assert_ne!(ja, en);
    }
    assert!(
        errors[0].describe(Lang::En).contains(writer),
        "the English keeps the writer's words"
    );
}

/// One 担当課 written two ways — with a full-width space, a trailing space, or stacked on two
/// lines of its cell (「総務部<br>人事課」, read as 「総務部」 and 「人事課」) — is several divisions,
/// each sent its own survey: said, naming the names (nothing was said).
#[test]
fn a_division_written_two_ways_is_said() {
    let seed = crate::SEED;
    let at: Vec<usize> = seed.match_indices("総務部人事課").map(|(k, _)| k).collect();
    let mut table = seed.to_string();
    table.replace_range(at[3]..at[3] + "総務部人事課".len(), "総務部<br>人事課");
    table.replace_range(at[1]..at[1] + "総務部人事課".len(), "総務部　人事課");
    let report = shinchoku::import::import_bytes(table.as_bytes())
        .unwrap()
        .report;
    let said = crate::described_ja(&shinchoku::model::check::divisions_alike(&report));
    assert!(
        said.contains(&"担当課名「総務部人事課」と「総務部　人事課」は空白や見えない文字のほかは同じですが、別々の担当課として扱います（照会も別々に送ります）。同じ課なら書き方を揃えてください".to_string()),
        "{said:?}"
    );
    assert!(
        said.iter().any(|w| w.contains(
            "担当課「総務部」と「人事課」は、2行に分けて書いた「総務部人事課」かもしれません"
        )),
        "{said:?}"
    );
    // The seed as published says neither.
    assert!(shinchoku::model::check::divisions_alike(&crate::seed().report).is_empty());
}

/// A response edited in a Windows text editor and saved as "ANSI" (Shift_JIS) is refused saying
/// so and what to do — save it as UTF-8 — where it was "not a Shinchoku file … byte 42"; bytes
/// that are no Shift_JIS either are still "not UTF-8".
#[test]
fn a_file_saved_as_shift_jis_is_said_to_be_one() {
    use shinchoku::lang::Describe;
    let dir = tempfile::tempdir().unwrap();
    let report = crate::seed().report;
    let text = shinchoku::store::to_ron(&report);
    let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!bad);
    let path = dir.path().join("総務部人事課.ron");
    std::fs::write(&path, &sjis).unwrap();
    let refused = shinchoku::store::open(&path).unwrap_err();
    let said = refused.describe(Lang::Ja);
    assert!(
        said.contains("Shift_JIS（メモ帳などの「ANSI」）で保存されたファイルです。UTF-8 で保存し直してください"),
        "{said}"
    );
    let answer = shinchoku::survey::read_answer(&path)
        .map(|_| ())
        .unwrap_err();
    assert!(
        answer
            .describe(Lang::Ja)
            .contains("UTF-8 で保存し直してください")
    );
    std::fs::write(&path, b"(schema: 5, \xff\xfe\xff").unwrap();
    let said = shinchoku::store::open(&path)
        .unwrap_err()
        .describe(Lang::Ja);
    assert!(said.contains("UTF-8の文字ではありません"), "{said}");
}
