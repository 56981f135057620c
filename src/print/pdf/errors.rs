//! What can keep a PDF from being made, in the user's words: krilla's refusals and its
//! PDF/UA-1 validator's findings, without the font data its own debug text would print.

use krilla::configure::ValidationError;

use crate::lang::{Describe, Lang, say};
use crate::model::text::{is_invisible, visible};

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The bundled font (regular or bold) does not load: a broken build.
    Font {
        bold: bool,
    },
    BadPageSize {
        width: f32,
        height: f32,
    },
    /// krilla's PDF/UA-1 validator rejects the document: it would not be accessible as the
    /// tagged PDF claims. `--untagged` (印刷 without the structure) still prints it.
    NotAccessible(Vec<UaFinding>),
    /// krilla refused to finish the document (its words).
    Finish(String),
    /// The user stopped the job (中止) before the last page.
    Stopped,
    /// krilla stopped (panicked) putting the document together: a fault of ours or its.
    Internal,
}

impl Describe for PdfError {
    fn describe(&self, lang: Lang) -> String {
        let why = match self {
            PdfError::Font { bold } => {
                let (ja, en) = if *bold {
                    ("太字", "bold")
                } else {
                    ("標準", "regular")
                };
                say(
                    lang,
                    format!("同梱のフォント（{ja}）を読み込めません"),
                    format!("the bundled {en} font does not load"),
                )
            }
            PdfError::BadPageSize { width, height } => say(
                lang,
                format!("用紙の大きさ {width}×{height} は使えません"),
                format!("bad page size {width}×{height}"),
            ),
            PdfError::NotAccessible(findings) => {
                let findings: Vec<String> = findings.iter().map(|f| f.describe(lang)).collect();
                say(
                    lang,
                    format!(
                        "PDF/UA-1（アクセシブルなPDF）の検査に通りません: {}（構造なしのPDFなら作れます: --untagged）",
                        findings.join("、")
                    ),
                    format!(
                        "it fails the PDF/UA-1 (accessible PDF) check: {} (an untagged PDF can still be made: --untagged)",
                        findings.join("; ")
                    ),
                )
            }
            // krilla's own words are English: in Japanese, what happened, and what still works.
            PdfError::Finish(e) => say(
                lang,
                "PDFを仕上げられませんでした（構造なしのPDFなら作れることがあります: --untagged）"
                    .into(),
                e.clone(),
            ),
            PdfError::Stopped => say(lang, "中止しました".into(), "stopped by the user".into()),
            PdfError::Internal => say(
                lang,
                "PDFをまとめる途中で内部のエラーが起きました（構造なしのPDFなら作れることがあります: --untagged）"
                    .into(),
                "an internal error stopped the PDF being put together (an untagged PDF may still be made: --untagged)"
                    .into(),
            ),
        };
        say(
            lang,
            format!("PDFを作れません: {why}"),
            format!("cannot write the PDF: {why}"),
        )
    }
}

impl PdfError {
    /// Why a printout was made untagged after this error, for the note beside it: what the
    /// check or the writer found, without 「PDFを作れません」 (it was made) or the command line's
    /// `--untagged` (the window chose it).
    pub fn why_untagged(&self, lang: Lang) -> String {
        match self {
            PdfError::NotAccessible(findings) => {
                let findings: Vec<String> = findings.iter().map(|f| f.describe(lang)).collect();
                say(
                    lang,
                    format!(
                        "PDF/UA-1（アクセシブルなPDF）の検査に通りません: {}",
                        findings.join("、")
                    ),
                    format!(
                        "it fails the PDF/UA-1 (accessible PDF) check: {}",
                        findings.join("; ")
                    ),
                )
            }
            PdfError::Internal => say(
                lang,
                "読み上げ用の構造をまとめる途中で内部のエラーが起きました".into(),
                "an internal error stopped the structure for screen readers being put together"
                    .into(),
            ),
            other => other.describe(lang),
        }
    }
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for PdfError {}

/// Why krilla's PDF/UA-1 validator rejects a document.
#[derive(Debug, Clone, PartialEq)]
pub enum UaFinding {
    /// Characters the bundled font does not have (a screen reader could not read them), in
    /// this text.
    MissingGlyph { text: String, missing: Vec<char> },
    /// A glyph of the font that stands for no character (a screen reader reads nothing).
    NoCharacter { glyph: u32 },
    /// A glyph that stands for a character it does not show (or one of the private area).
    WrongCharacter { glyph: u32, c: char },
    /// The font's licence forbids embedding it.
    LicenceForbids,
    /// Anything else, in krilla's words (English, a validator's internal name: said so).
    Other(String),
}

impl Describe for UaFinding {
    fn describe(&self, lang: Lang) -> String {
        match self {
            UaFinding::MissingGlyph { text, missing } => {
                // Each by its code point: the character itself may not show at all.
                let chars: Vec<String> = missing.iter().map(|c| glyph_name(*c)).collect();
                let text = visible(text);
                say(
                    lang,
                    format!(
                        "「{text}」にフォントにない文字 {} があります",
                        chars.join("、")
                    ),
                    format!(
                        "「{text}」 has characters the font does not have: {}",
                        chars.join(", ")
                    ),
                )
            }
            UaFinding::NoCharacter { glyph } => say(
                lang,
                format!("フォントの字形 {glyph} がどの文字も表していません"),
                format!("glyph {glyph} has no character"),
            ),
            UaFinding::WrongCharacter { glyph, c } => say(
                lang,
                format!(
                    "フォントの字形 {glyph} が U+{:04X} を表すとされています",
                    u32::from(*c)
                ),
                format!("glyph {glyph} stands for U+{:04X}", u32::from(*c)),
            ),
            UaFinding::LicenceForbids => say(
                lang,
                "フォントの使用許諾が埋め込みを禁じています".into(),
                "the font's licence forbids embedding".into(),
            ),
            // The validator's own name of the rule is all there is; in Japanese the sentence
            // says what it is, the name kept for whoever looks further.
            UaFinding::Other(words) => say(
                lang,
                format!("検査の規則に合わない箇所があります（規則の名前: {words}）"),
                words.clone(),
            ),
        }
    }
}

/// A character named in a refusal: `「𠮷」(U+20BB7)`, or the mark of one that does not show
/// (`<TAB U+0009>`).
fn glyph_name(c: char) -> String {
    if is_invisible(c) {
        crate::model::text::mark(c)
    } else {
        format!("「{c}」(U+{:04X})", c as u32)
    }
}

/// A validator's finding, without the font data krilla's own debug text would print.
pub(super) fn validation_words(error: &ValidationError) -> UaFinding {
    match error {
        ValidationError::ContainsNotDefGlyph(_, _, text) => {
            let measure = crate::print::text::TextMeasure::get();
            let mut missing: Vec<char> = Vec::new();
            for c in text.chars().filter(|c| !measure.has_glyph(*c)) {
                if !missing.contains(&c) {
                    missing.push(c);
                }
            }
            UaFinding::MissingGlyph {
                text: text.clone(),
                missing,
            }
        }
        ValidationError::NoCodepointMapping(_, glyph, _) => UaFinding::NoCharacter {
            glyph: glyph.to_u32(),
        },
        ValidationError::InvalidCodepointMapping(_, glyph, c, _)
        | ValidationError::UnicodePrivateArea(_, glyph, c, _) => UaFinding::WrongCharacter {
            glyph: glyph.to_u32(),
            c: *c,
        },
        ValidationError::RestrictedLicense(_) => UaFinding::LicenceForbids,
        other => UaFinding::Other(format!("{other:?}")),
    }
}
