//! What reading numbers and judgements warns of. Each keeps the text as written; where it is
//! (the workbook's cell, or the initiative and which of its numbers: [`MeasureAt`]) is the
//! warning's location.

use serde::Serialize;

use super::era::FiscalYear;
use super::figure::FigureProblem;
use super::text::preview;
use crate::lang::{Describe, Lang, say};
use answer_rows::{answer_row_words, answered_twice_words};

mod answer_rows;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum MeasureWarning {
    /// A number that could not be read exactly: kept as written.
    NumberNotRead { text: String, why: FigureProblem },
    /// Money in a unit that is not yen (「3件」 in an effects cell), or not a whole number of
    /// yen: kept as written.
    NotMoney { text: String },
    /// Money in yen beyond what is kept (about 922京円, `i64`): kept as written. It was said to
    /// be "no amount in yen".
    MoneyTooLarge { text: String },
    /// A figure written with a unit other than its indicator's (「285件」 where the unit is 人;
    /// `unit` empty: the indicator names none): kept as written, since reading the number
    /// alone would drop what the unit says.
    UnitDiffers { text: String, unit: String },
    /// A bare figure under a heading naming a unit (`目標値（百万円）`) other than its
    /// indicator's 単位 cell (`千円`): which of the two it is in cannot be told, so it is kept
    /// as written with the heading's unit after it (`text`: `5百万円`).
    HeadingUnitDiffers {
        heading: String,
        text: String,
        unit: String,
    },
    /// A rating the report's scale does not have: kept as written.
    RatingNotInScale { code: String, scale: Vec<String> },
    /// A second figure for one year's planned or actual effect (two columns, 実績額 and
    /// 効果額): the first is kept, `other` kept unread.
    EffectTwice {
        year: crate::model::FiscalYear,
        kept: String,
        other: String,
    },
    /// A second column for one figure, name or unit of an indicator on its row (最終目標 and
    /// 目標値, 29年度目標 and 平成29年度目標, 指標 and 項目; the second named by `heading`): the
    /// first is kept, `other` kept unread.
    FigureTwice {
        heading: String,
        kept: String,
        other: String,
    },
    /// A second rating of one layer for an initiative (two 評価 columns, or two rows): the
    /// first is kept, `other` kept unread.
    RatingTwice {
        review: bool,
        kept: String,
        other: String,
    },
    /// A sheet of figures with no 番号 column: whose they are is not known; its rows are kept
    /// unread.
    FiguresOfNoInitiative { sheet: String },
    /// A rating level declared twice with two labels: the first is the scale's.
    RatingLevelRepeated {
        code: String,
        kept: String,
        other: String,
    },
    /// A level of the scale declared without a code (its 評価 cell blank): no rating can name
    /// it, and every reader ended the scale there. Left out of the scale; the rest is read.
    RatingLevelWithoutCode { label: String },
    /// Ratings given while the report declares no scale: kept as written.
    NoRatingScale { code: String },
    /// A row's 番号 names no initiative of the report: the row is kept in the unread list.
    NoSuchInitiative { number: String },
    /// A typed 達成率 / 進捗率 differs from the one computed from the numbers (rates are
    /// computed, never typed in): the computed one is shown.
    RateDiffers { written: String, computed: String },
    /// A rate written where none can be computed (the numbers not read, no target): it cannot
    /// be checked; kept in the unread list, as a differing one is.
    RateNotComputed { written: String },
    /// A row of an effects table that is neither planned (計画) nor actual (実績): kept in
    /// the unread list.
    RowNotUnderstood { text: String },
    /// A cell under a column whose heading names no figure Shinchoku keeps, or none for
    /// certain (`29年度見込`, `29年度決算`, `29年度下半期実績`, `合計`, `備考`): kept in the
    /// unread list, never taken as the year's plan or actual.
    ColumnNotRead { heading: String, text: String },
    /// Effects counted cumulatively whose latest year has no figure in yen: the totals take
    /// an earlier year's, as of that year.
    EarlierYearTotal { figure: super::tally::EarlierFigure },
    /// An indicator on a topic its initiative no longer has (deleted): it counts for the
    /// initiative as a whole.
    TopicGone {
        initiative: String,
        indicator: String,
    },
    /// An indicator's 見出し cell names no topic of its initiative: the indicator is the
    /// initiative's, the text kept in the unread list.
    NoSuchTopic { initiative: String, heading: String },
    /// A row of an answer's 数値回答 sheet naming an initiative whose numbers another division
    /// (`owner`; none when no division answers them) answers: not taken. (The answers these
    /// warnings of an answer's rows quote are their first 300 characters.)
    NotTheDivisions {
        initiative: String,
        owner: Option<String>,
        answer: String,
    },
    /// A row of an answer's 数値回答 sheet whose hidden id (`id`) names a number the report
    /// does not have: not taken.
    NoSuchNumber { id: String, answer: String },
    /// A 数値回答 row's note beside the self-rating (取組実績・特記) of an initiative the answer
    /// leaves without a self-rating: not taken, since a note is of its rating.
    AnswerNoteWithoutRating { initiative: String, answer: String },
    /// An effect answered in a workbook sent when the report's money unit was another: read in
    /// the unit its row named (`sent`), not the report's now (`now`) — a thousandfold apart.
    AnsweredInSentUnit {
        initiative: String,
        answer: String,
        sent: &'static str,
        now: &'static str,
    },
    /// A response file's indicator the report no longer has (renamed or removed since the
    /// survey), answered `answer` for the report's year: not taken, since which indicator it
    /// is cannot be told (the answer was dropped without a word).
    IndicatorGone {
        initiative: String,
        name: String,
        answer: String,
    },
    /// One number answered in two rows of an answer's 数値回答 sheet (`rows`, 1-based): taken
    /// once when the answers are the `same`; when one row was left as sent and the other typed
    /// in, the typed one (`typed`, its row); else neither (the report's number stays).
    AnsweredTwice {
        at: MeasureAt,
        rows: [u32; 2],
        answers: [String; 2],
        same: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        typed: Option<u32>,
    },
    /// A response file's answer of a year other than the report's (a closed year's actual):
    /// not taken, the report's stays.
    OtherYearNotTaken {
        at: MeasureAt,
        old: String,
        new: String,
    },
    /// Who rated and when, changed in a response file: not the answer's to change (the
    /// answering division and the day it is taken are recorded), said.
    RaterNotTaken {
        at: MeasureAt,
        old: String,
        new: String,
    },
    /// A change of the report's year's first-half actual in an answer to a second-half or
    /// full-year report: the first half is reported and closed, so it is not taken.
    ClosedHalfNotTaken {
        at: MeasureAt,
        old: String,
        new: String,
    },
    /// An actual of a fiscal year after the report's (typed into the wrong year, most often):
    /// kept, and said, since carrying the report into that year would start it not empty.
    ActualAhead {
        at: MeasureAt,
        text: String,
        report_year: FiscalYear,
    },
    /// A total of effects (planned, else actual) too large for the whole yen kept: of the
    /// section named (`section`: its numeral and title), or of the programme (`None`). The
    /// summary shows it as not computable.
    TotalTooLarge {
        section: Option<String>,
        planned: bool,
    },
    /// An initiative with two indicators of one name (a hand-made file, a workbook's rows):
    /// both kept and counted; a comparison pairs them in their order.
    IndicatorTwice {
        initiative: String,
        indicator: String,
    },
    /// A note beside a rating (取組実績・特記欄; `review`: 本部評価・特記) of an initiative
    /// without that rating: kept in the unread list.
    NoteWithoutRating { text: String, review: bool },
    /// A rating without its code (a comment without its text) in a hand-edited report, naming
    /// a note, who or when (`kept`): left out when the file is opened, what it named kept in
    /// the unread list (`model::validate`).
    RatingWithoutCode { kept: String },
    /// A 向き that says neither higher nor lower is better (「維持」, 「目標値に近いほど良い」):
    /// kept as written, and the indicator's 達成率 and whether it was met are not computed.
    DirectionNotRead { text: String },
    /// A 基準年度 cell that names no fiscal year: kept in the unread list, the indicator
    /// given no base year.
    YearNotRead { text: String },
    /// A 評価日 cell that is no date (`2017-11-01`, `2017/11/01`): kept in the unread list,
    /// the rating given no date.
    DateNotRead { text: String },
}

impl MeasureWarning {
    /// The text a warning says was kept as written (a figure, a rating's code), where it says
    /// one: reading a file's cell and checking the report as it stands say such a text each in
    /// their words, and one is enough.
    pub fn kept_text(&self) -> Option<&str> {
        use MeasureWarning as W;
        match self {
            W::NumberNotRead { text, .. }
            | W::NotMoney { text }
            | W::MoneyTooLarge { text }
            | W::UnitDiffers { text, .. }
            | W::HeadingUnitDiffers { text, .. }
            | W::DirectionNotRead { text }
            | W::YearNotRead { text }
            | W::DateNotRead { text } => Some(text),
            W::RatingNotInScale { code, .. } | W::NoRatingScale { code } => Some(code),
            _ => None,
        }
    }

    /// Why money typed in `unit` was kept as written (see [`super::measures::money_of`]): not
    /// a number, a number too large in yen, or no amount in yen (another unit, a fraction of a
    /// yen).
    pub fn money_not_read(text: &str, unit: super::measures::YenUnit) -> MeasureWarning {
        let text_owned = || text.to_string();
        match super::figure::read(text) {
            Err(why) => MeasureWarning::NumberNotRead {
                text: text_owned(),
                why,
            },
            Ok(Some(reading)) if super::measures::too_many_yen(&reading, unit) => {
                MeasureWarning::MoneyTooLarge { text: text_owned() }
            }
            Ok(_) => MeasureWarning::NotMoney { text: text_owned() },
        }
    }
}

impl Describe for MeasureWarning {
    fn describe(&self, lang: Lang) -> String {
        use MeasureWarning as W;
        match self {
            W::NumberNotRead { text, why } => say(
                lang,
                format!("「{text}」: {}。書かれたまま残しました", why.describe(lang)),
                format!("「{text}」: {}; kept as written", why.describe(lang)),
            ),
            W::NotMoney { text } => say(
                lang,
                format!(
                    "「{text}」は円の金額として読めません（単位は円・千円・百万円）。書かれたまま残しました"
                ),
                format!("「{text}」 is not an amount in yen (円, 千円, 百万円); kept as written"),
            ),
            W::MoneyTooLarge { text } => say(
                lang,
                format!(
                    "「{text}」は金額として大きすぎます（扱えるのは約922京円まで）。書かれたまま残し、合計には入れません"
                ),
                format!(
                    "「{text}」 is too large an amount (up to about 9.2 × 10^18 yen is kept); kept as \
                     written, out of the totals"
                ),
            ),
            W::UnitDiffers { .. } | W::HeadingUnitDiffers { .. } | W::ColumnNotRead { .. } => {
                not_read_words(self, lang)
            }
            W::RatingNotInScale { code, scale } => say(
                lang,
                format!(
                    "評価「{code}」は評価の区分（{}）にありません。書かれたまま残しました",
                    scale.join("・")
                ),
                format!(
                    "the rating 「{code}」 is not a level of the scale ({}); kept as written",
                    scale.join(", ")
                ),
            ),
            W::FiguresOfNoInitiative { .. }
            | W::EffectTwice { .. }
            | W::FigureTwice { .. }
            | W::RatingTwice { .. }
            | W::RatingLevelRepeated { .. }
            | W::RatingLevelWithoutCode { .. } => declared_twice_words(self, lang),
            W::NoRatingScale { code } => say(
                lang,
                format!(
                    "評価「{code}」: 評価の区分（凡例）が見つかりません。書かれたまま残しました"
                ),
                format!(
                    "the rating 「{code}」: the workbook declares no rating scale (legend); kept as written"
                ),
            ),
            W::NoSuchInitiative { number } if number.is_empty() => say(
                lang,
                "番号のない行で、どの取組のものか分かりません。行は読まずに残しました".to_string(),
                "a row with no 番号 written on it or above it: whose it is is not known; the row is kept unread".to_string(),
            ),
            W::NoSuchInitiative { number } => say(
                lang,
                format!("番号「{number}」の取組は報告にありません。行は読まずに残しました"),
                format!(
                    "no initiative numbered 「{number}」 in the report; the row is kept unread"
                ),
            ),
            W::RateDiffers { .. } | W::RateNotComputed { .. } => rate_words(self, lang),
            W::RowNotUnderstood { text } => say(
                lang,
                format!(
                    "効果額の表の行「{text}」は計画・実績のどちらでもありません。読まずに残しました"
                ),
                format!(
                    "the effects table's row 「{text}」 is neither planned (計画) nor actual (実績); kept unread"
                ),
            ),
            W::EarlierYearTotal { figure } => earlier_year_words(figure, lang),
            W::NotTheDivisions { .. }
            | W::NoSuchNumber { .. }
            | W::AnswerNoteWithoutRating { .. }
            | W::AnsweredInSentUnit { .. }
            | W::IndicatorGone { .. }
            | W::OtherYearNotTaken { .. }
            | W::RaterNotTaken { .. }
            | W::ClosedHalfNotTaken { .. } => answer_row_words(self, lang),
            W::AnsweredTwice {
                at,
                rows,
                answers,
                same,
                typed,
            } => answered_twice_words(at, *rows, answers, (*same, *typed), lang),
            W::ActualAhead {
                at,
                text,
                report_year,
            } => ahead_words(at, text, *report_year, lang),
            W::TotalTooLarge { section, planned } => {
                too_large_words(section.as_deref(), *planned, lang)
            }
            W::TopicGone { .. }
            | W::NoSuchTopic { .. }
            | W::IndicatorTwice { .. }
            | W::DirectionNotRead { .. } => indicator_words(self, lang),
            W::NoteWithoutRating { .. }
            | W::RatingWithoutCode { .. }
            | W::YearNotRead { .. }
            | W::DateNotRead { .. } => kept_unread_words(self, lang),
        }
    }
}

/// The words of a figure kept as written for its unit ([`MeasureWarning::UnitDiffers`],
/// [`MeasureWarning::HeadingUnitDiffers`]) and of a cell not read for its column
/// ([`MeasureWarning::ColumnNotRead`]).
fn not_read_words(warning: &MeasureWarning, lang: Lang) -> String {
    use MeasureWarning as W;
    match warning {
        W::UnitDiffers { text, unit } if unit.is_empty() => say(
            lang,
            format!(
                "「{text}」には単位がありますが、指標の単位が空です（単位の欄に書いてください）。書かれたまま残しました"
            ),
            format!(
                "「{text}」 has a unit but the indicator names none (write it in 単位); kept as written"
            ),
        ),
        W::UnitDiffers { text, unit } => say(
            lang,
            format!("「{text}」の単位が指標の単位「{unit}」と違います。書かれたまま残しました"),
            format!("「{text}」 is not in the indicator's unit, {unit}; kept as written"),
        ),
        W::HeadingUnitDiffers {
            heading,
            text,
            unit,
        } => say(
            lang,
            format!(
                "見出し「{heading}」の単位が単位の欄の「{unit}」と違います。どちらの単位か分からないため、見出しの単位を付けて「{text}」と書かれたまま残しました"
            ),
            format!(
                "the heading 「{heading}」 names another unit than the 単位 cell's, {unit}: which one the figure is in cannot be told; kept as written with the heading's unit, 「{text}」"
            ),
        ),
        W::ColumnNotRead { heading, text } if heading.is_empty() => say(
            lang,
            format!("見出しのない列の「{text}」は読みません。未読の一覧に残しました"),
            format!(
                "「{text}」 in a column without a heading is not read; kept in the unread list"
            ),
        ),
        W::ColumnNotRead { heading, text } => say(
            lang,
            format!(
                "列「{heading}」の「{text}」は読みません（その年度の計画・目標・実績と決められないため）。未読の一覧に残しました"
            ),
            format!(
                "「{text}」 under the column 「{heading}」 is not read (it cannot be told to be a year's plan, target or actual); kept in the unread list"
            ),
        ),
        _ => String::new(),
    }
}

/// A sheet's figures that are no initiative's, what a workbook gives twice (an effect in two
/// columns, a rating level in two legends), and a rating level given without a code.
fn declared_twice_words(w: &MeasureWarning, lang: Lang) -> String {
    use MeasureWarning as W;
    match w {
        W::FiguresOfNoInitiative { sheet } => say(
            lang,
            format!(
                "「{sheet}」シートの数値には番号の列がなく、どの取組のものか分からないため取組の数値として読めません。各行を読めなかった記載に残しました（取組ごとに番号の列を付けると読めます）"
            ),
            format!(
                "the figures of sheet 「{sheet}」 have no 番号 column, so whose they are is not \
                 known and they are read as no initiative's; each row is kept unread (with a \
                 番号 column per initiative they are read)"
            ),
        ),
        W::EffectTwice { year, kept, other } => say(
            lang,
            format!(
                "{}の効果額が2か所にあります（「{kept}」と「{other}」）。先の「{kept}」を使い、「{other}」は読めなかった記載に残しました",
                year.era_form()
            ),
            format!(
                "FY{}'s effect is written in two places (「{kept}」 and 「{other}」): the first, \
                 「{kept}」, is used, 「{other}」 kept unread",
                year.0
            ),
        ),
        W::FigureTwice {
            heading,
            kept,
            other,
        } => say(
            lang,
            format!(
                "列「{heading}」の「{other}」: 同じ項目が左の列に「{kept}」とあります。先の「{kept}」を使い、「{other}」は読めなかった記載に残しました"
            ),
            format!(
                "column 「{heading}」 holds 「{other}」 for what a column to its left gives as 「{kept}」: the first, 「{kept}」, is used, 「{other}」 kept unread"
            ),
        ),
        W::RatingTwice {
            review,
            kept,
            other,
        } => {
            let (ja, en) = layer_names(*review);
            say(
                lang,
                format!(
                    "{ja}が2つあります（「{kept}」と「{other}」）。先の「{kept}」を使い、「{other}」は読めなかった記載に残しました"
                ),
                format!(
                    "two {en}s (「{kept}」 and 「{other}」): the first, 「{kept}」, is used, 「{other}」 kept unread"
                ),
            )
        }
        W::RatingLevelRepeated { code, kept, other } => say(
            lang,
            format!(
                "評価の区分「{code}」が2度あります（「{kept}」と「{other}」）。先の「{kept}」を区分にしました"
            ),
            format!(
                "the rating level 「{code}」 is declared twice (「{kept}」 and 「{other}」); the first, 「{kept}」, is the scale's"
            ),
        ),
        W::RatingLevelWithoutCode { label } => say(
            lang,
            format!(
                "評価の区分「{label}」に記号（S・A など）がありません。記号のない区分では評価できないため、区分から除きました"
            ),
            format!(
                "the rating level 「{label}」 has no code (S, A, …): no rating can name it, so it is left out of the scale"
            ),
        ),
        _ => unreachable!("routed by MeasureWarning::describe"),
    }
}

/// A rating layer's name (the office's review, or the division's self-rating), Japanese and
/// English.
fn layer_names(review: bool) -> (&'static str, &'static str) {
    if review {
        ("本部評価", "office review")
    } else {
        ("自己評価", "self-rating")
    }
}

/// The words of a text kept in the unread list: a note with no rating, a year or a date that
/// does not read.
fn kept_unread_words(warning: &MeasureWarning, lang: Lang) -> String {
    use MeasureWarning as W;
    match warning {
        W::NoteWithoutRating { text, review } => {
            let text = preview(text);
            let (ja, en) = layer_names(*review);
            say(
                lang,
                format!("特記「{text}」: この取組には{ja}がないため、読めなかった記載に残しました"),
                format!(
                    "the note 「{text}」: the initiative has no {en} to go with it; kept unread"
                ),
            )
        }
        W::RatingWithoutCode { kept } if kept.is_empty() => say(
            lang,
            "評価の記号（委員会意見は本文）のない空の評価です。評価として数えず、除きました"
                .to_string(),
            "an empty rating without its code (a comment without its text): not counted, left out"
                .to_string(),
        ),
        W::RatingWithoutCode { kept } => {
            let kept = preview(kept);
            say(
                lang,
                format!(
                    "評価の記号（委員会意見は本文）がないのに、特記・評価者・評価日が書かれています。評価として数えず、書かれていたこと（{kept}）は読めなかった記載に残しました"
                ),
                format!(
                    "a rating without its code (a comment without its text) names a note, who or when: not counted as a rating; what it named ({kept}) is kept unread"
                ),
            )
        }
        W::YearNotRead { text } => say(
            lang,
            format!(
                "基準年度「{text}」は年度として読めません（例: 28年度、平成28年度、2016年度）。読めなかった記載に残しました"
            ),
            format!(
                "the base year (基準年度) 「{text}」 names no fiscal year (such as 28年度, 平成28年度, 2016年度); kept unread"
            ),
        ),
        W::DateNotRead { text } => say(
            lang,
            format!(
                "評価日「{text}」は日付として読めません（例: 2017-11-01、2017/11/01）。読めなかった記載に残しました"
            ),
            format!(
                "the rating date (評価日) 「{text}」 is no date (such as 2017-11-01, 2017/11/01); kept unread"
            ),
        ),
        _ => String::new(),
    }
}

/// The words of a warning about one indicator: its topic gone or not found, its name twice,
/// its 向き not read.
fn indicator_words(warning: &MeasureWarning, lang: Lang) -> String {
    use MeasureWarning as W;
    match warning {
        W::TopicGone {
            initiative,
            indicator,
        } => say(
            lang,
            format!(
                "取組{initiative}の指標「{indicator}」が測る見出しは削除されています。取組全体の指標として扱います"
            ),
            format!(
                "the topic indicator 「{indicator}」 of initiative {initiative} measures has been deleted: it counts for the initiative as a whole"
            ),
        ),
        W::NoSuchTopic {
            initiative,
            heading,
        } => say(
            lang,
            format!(
                "取組{initiative}に見出し「{heading}」はありません。指標は取組全体のものとし、書かれた見出しは読めなかった記載に残しました"
            ),
            format!(
                "initiative {initiative} has no topic 「{heading}」: the indicator is the initiative's, and the heading written is kept unread"
            ),
        ),
        W::IndicatorTwice {
            initiative,
            indicator,
        } => say(
            lang,
            format!(
                "取組{initiative}に指標「{indicator}」が2つ以上あります。どれも残して数えます（比較では同じ名前の指標を順に対にします）"
            ),
            format!(
                "initiative {initiative} has more than one indicator named 「{indicator}」: all are kept and counted (a comparison pairs them in their order)"
            ),
        ),
        W::DirectionNotRead { text } => say(
            lang,
            format!(
                "向き「{text}」は高いほど良いか低いほど良いかを言っていません（高・↑・増、低・↓・減）。書かれたまま残し、達成率と達成は計算しません"
            ),
            format!(
                "the direction (向き) 「{text}」 says neither higher nor lower is better (高, ↑, 増 or 低, ↓, 減); kept as written, and no achievement rate or met is computed"
            ),
        ),
        _ => String::new(),
    }
}

/// A written rate set against the one computed, worded.
fn rate_words(warning: &MeasureWarning, lang: Lang) -> String {
    use MeasureWarning as W;
    match warning {
        W::RateDiffers { written, computed } => say(
            lang,
            format!(
                "書かれた率「{written}」が数値から計算した率（{computed}）と違います。率は計算したものを使い、書かれた率は未読の一覧に残しました"
            ),
            format!(
                "the rate written, 「{written}」, differs from the one computed from the numbers ({computed}); the computed one is used, the written one kept in the unread list"
            ),
        ),
        W::RateNotComputed { written } => say(
            lang,
            format!(
                "書かれた率「{written}」は、数値から率を計算できない（目標値などがない、または数値が読めない）ため、比べられません。率は数値から計算するもので、書かれた率は未読の一覧に残しました"
            ),
            format!(
                "the rate written, 「{written}」, cannot be checked: no rate can be computed from the numbers (no target or baseline, or the numbers not read); rates are computed, and the written one is kept in the unread list"
            ),
        ),
        _ => String::new(),
    }
}

/// [`MeasureWarning::ActualAhead`] worded.
fn ahead_words(at: &MeasureAt, text: &str, report_year: FiscalYear, lang: Lang) -> String {
    let what = at.describe(lang);
    let text = preview(text);
    say(
        lang,
        format!(
            "{what}「{text}」が、その年度の前の報告（{}）に入っています。次の年度へ進めるとその年度の実績として残ります。年度を確かめてください",
            report_year.era_form()
        ),
        format!(
            "{what} 「{text}」 is in a report of an earlier year (FY{}): carried into that year it stays as the year's actual; check the year",
            report_year.0
        ),
    )
}

fn too_large_words(section: Option<&str>, planned: bool, lang: Lang) -> String {
    let (side_ja, side_en) = if planned {
        ("計画額", "planned")
    } else {
        ("実績額", "actual")
    };
    let (of_ja, of_en) = match section {
        Some(s) => (format!("「{s}」"), format!("section 「{s}」")),
        None => ("全体".to_string(), "the programme".to_string()),
    };
    say(
        lang,
        format!(
            "{of_ja}の効果額（{side_ja}）の合計は大きすぎて計算できません（扱えるのは約922京円まで）。集計表には「計算不能」と示します"
        ),
        format!(
            "the total of {side_en} effects of {of_en} is too large to compute (at most about 9.2 × 10^18 yen); the summary shows it as not computable"
        ),
    )
}

fn earlier_year_words(f: &super::tally::EarlierFigure, lang: Lang) -> String {
    use super::era::FiscalYear;
    let (latest, taken) = (FiscalYear(f.latest), FiscalYear(f.taken_from));
    let n = &f.initiative;
    let (side_ja, side_en) = if f.planned {
        ("計画額", "planned")
    } else {
        ("実績額", "actual")
    };
    let (why_ja, why_en) = if f.unread {
        ("が円の額として読めない", "cannot be read in yen")
    } else {
        ("が空欄の", "is blank")
    };
    say(
        lang,
        format!(
            "取組{n}の効果額（{side_ja}）は累計で数えますが、{}の額{why_ja}ため、合計には{}の額を使いました（{}時点の累計）",
            latest.era_form(),
            taken.era_form(),
            taken.era_form()
        ),
        format!(
            "initiative {n}: effects are counted cumulatively, and the {side_en} effect of FY{} {why_en}: the totals take FY{}'s, the running total as of that year",
            latest.0, taken.0
        ),
    )
}

/// Which number or rating of an initiative: where a warning about a report's numbers points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeasureAt {
    /// The initiative's number.
    pub initiative: String,
    pub field: MeasureField,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum MeasureField {
    /// An indicator's final target (`year` None), its baseline, or a year's target.
    IndicatorTarget {
        name: String,
        year: Option<FiscalYear>,
    },
    IndicatorBaseline {
        name: String,
    },
    IndicatorDirection {
        name: String,
    },
    IndicatorActual {
        name: String,
        year: FiscalYear,
    },
    IndicatorFirstHalf {
        name: String,
        year: FiscalYear,
    },
    EffectPlanned {
        year: FiscalYear,
    },
    EffectActual {
        year: FiscalYear,
    },
    SelfRating,
    /// The note beside the self-rating (取組実績・特記).
    SelfNote,
    Review,
    /// The committee's comment (委員会意見).
    Comment,
}

impl Describe for MeasureAt {
    fn describe(&self, lang: Lang) -> String {
        use MeasureField as F;
        let n = &self.initiative;
        let (ja, en) = match &self.field {
            F::IndicatorTarget { name, year: None } => (
                format!("指標「{name}」の目標"),
                format!("indicator 「{name}」, final target"),
            ),
            F::IndicatorTarget {
                name,
                year: Some(y),
            } => (
                format!("指標「{name}」の{}目標", y.era_form()),
                format!("indicator 「{name}」, FY{} target", y.0),
            ),
            F::IndicatorBaseline { name } => (
                format!("指標「{name}」の基準値"),
                format!("indicator 「{name}」, baseline"),
            ),
            F::IndicatorDirection { name } => (
                format!("指標「{name}」の向き"),
                format!("indicator 「{name}」, direction"),
            ),
            F::IndicatorActual { name, year } => (
                format!("指標「{name}」の{}実績", year.era_form()),
                format!("indicator 「{name}」, FY{} actual", year.0),
            ),
            F::IndicatorFirstHalf { name, year } => (
                format!("指標「{name}」の{}上半期実績", year.era_form()),
                format!("indicator 「{name}」, FY{} first-half actual", year.0),
            ),
            F::EffectPlanned { year } => (
                format!("{}の効果額（計画）", year.era_form()),
                format!("FY{} effect, planned", year.0),
            ),
            F::EffectActual { year } => (
                format!("{}の効果額（実績）", year.era_form()),
                format!("FY{} effect, actual", year.0),
            ),
            F::SelfRating => ("自己評価".to_string(), "self-rating".to_string()),
            F::SelfNote => (
                "自己評価の特記".to_string(),
                "self-rating's note".to_string(),
            ),
            F::Review => ("本部評価".to_string(), "review".to_string()),
            F::Comment => ("委員会意見".to_string(), "committee comment".to_string()),
        };
        say(
            lang,
            format!("取組{n} {ja}"),
            format!("initiative {n}, {en}"),
        )
    }
}
