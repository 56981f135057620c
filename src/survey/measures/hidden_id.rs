//! The hidden id of a row of the 数値回答 sheet, read back: which number it answers, and what
//! the row was sent with (the answer's hash, the indicator's name and unit, the money unit).

use super::MeasureCell;
use crate::model::measures::YenUnit;

/// What a hidden id carries after what it names: hashes of what was sent, and the units.
#[derive(Default)]
pub(super) struct IdHashes {
    pub(super) sent: Option<u64>,
    pub(super) name: Option<u64>,
    pub(super) office: Option<u64>,
    pub(super) money_unit: Option<YenUnit>,
    pub(super) shown_unit: Option<String>,
}

/// What a hidden id (`I 6 0 n=… o=… v=… s=…`, `E 6 u=… s=…`, `R 6 s=…`, as the sheet's lines
/// are written; without the hashes in a workbook from before them) names.
pub(super) fn read_id(id: &str) -> Option<(crate::model::Id, MeasureCell, IdHashes)> {
    let mut words: Vec<&str> = id.split_whitespace().collect();
    let mut hashes = IdHashes::default();
    while let Some(last) = words.last() {
        if let Some(hex) = last.strip_prefix("v=") {
            let bytes: Option<Vec<u8>> = (0..hex.len())
                .step_by(2)
                .map(|k| u8::from_str_radix(hex.get(k..k + 2)?, 16).ok())
                .collect();
            hashes.shown_unit = Some(String::from_utf8(bytes?).ok()?);
            words.pop();
            continue;
        }
        let hex = |p: &str| {
            last.strip_prefix(p)
                .map(|h| u64::from_str_radix(h, 16).ok())
        };
        match (hex("s="), hex("n="), hex("u="), hex("o=")) {
            (Some(h), ..) => hashes.sent = Some(h?),
            (_, Some(h), ..) => hashes.name = Some(h?),
            (.., Some(h)) => hashes.office = Some(h?),
            (_, _, Some(yen), _) => {
                let units = [YenUnit::Yen, YenUnit::Thousand, YenUnit::Million];
                hashes.money_unit = Some(units.into_iter().find(|u| Some(u.yen() as u64) == yen)?);
            }
            _ => break,
        }
        words.pop();
    }
    let (kind, initiative) = (*words.first()?, words.get(1)?.parse::<u64>().ok()?);
    let what = match (kind, words.get(2).map(|k| k.parse::<usize>()), words.len()) {
        ("I", Some(Ok(k)), 3) => MeasureCell::Indicator(k),
        ("E", None, 2) => MeasureCell::Effect,
        ("R", None, 2) => MeasureCell::SelfRating,
        ("N", None, 2) => MeasureCell::SelfNote,
        _ => return None,
    };
    Some((crate::model::Id(initiative), what, hashes))
}
