//! The period tally the Department's yearly and five-year reports quote: for years A to B,
//! how many collectives and how many individuals received each title and form, e.g.
//! "Bằng khen của Chủ tịch UBND tỉnh: 07 tập thể và 21 cá nhân; Chiến sĩ thi đua cấp tỉnh:
//! 04 cá nhân", and the awards of each year by level. Every award record counts (internal
//! and external decisions alike), except those a later decision cancelled or dropped.

use std::collections::BTreeMap;

use super::model::{AwardLevel, AwardRecord, CatalogueEntry, SubjectKind};

/// Whether an award record still stands (no later decision cancelled or dropped it).
pub fn stands(record: &AwardRecord) -> bool {
    record.in_force()
}

/// The catalogue keeps "(cá nhân)" and "(tập thể)" variants of a form as two entries; the
/// tally counts them on one line: "Bằng khen của Chủ tịch UBND tỉnh".
pub fn line_name(entry: &CatalogueEntry) -> String {
    let name = entry.name.trim();
    for suffix in ["(cá nhân)", "(tập thể)"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            return stem.trim_end().to_owned();
        }
    }
    name.to_owned()
}

/// A count as the reports write it: two digits at least ("07", "21", "132").
pub fn two_digits(n: usize) -> String {
    format!("{n:02}")
}

/// A count in a table cell: "07", or "–" for none (a zero in an official table reads as a
/// typo).
pub fn count_cell(n: usize) -> String {
    if n == 0 { "–".into() } else { two_digits(n) }
}

/// One title or form of the tally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyLine {
    pub name: String,
    pub level: AwardLevel,
    /// The smallest catalogue position among the entries counted on this line.
    pub sort_order: i64,
    pub collectives: usize,
    pub individuals: usize,
}

impl TallyLine {
    /// "Bằng khen của Chủ tịch UBND tỉnh: 07 tập thể và 21 cá nhân"; the side with no award
    /// is left out: "Chiến sĩ thi đua cấp tỉnh: 04 cá nhân".
    pub fn phrase(&self) -> String {
        let collective = format!("{} tập thể", two_digits(self.collectives));
        let individual = format!("{} cá nhân", two_digits(self.individuals));
        let counts = match (self.collectives, self.individuals) {
            (0, _) => individual,
            (_, 0) => collective,
            _ => format!("{collective} và {individual}"),
        };
        format!("{}: {counts}", self.name)
    }
}

/// The tally of years `from` to `to` (both included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub from: i32,
    pub to: i32,
    /// In catalogue order; lines without any award are left out.
    pub lines: Vec<TallyLine>,
}

impl Tally {
    pub fn total_collectives(&self) -> usize {
        self.lines.iter().map(|l| l.collectives).sum()
    }

    pub fn total_individuals(&self) -> usize {
        self.lines.iter().map(|l| l.individuals).sum()
    }

    /// Every line's phrase, joined with "; " as the reports quote them.
    pub fn sentence(&self) -> String {
        self.lines
            .iter()
            .map(TallyLine::phrase)
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// "2022–2026", or "2026" for one year.
    pub fn period(&self) -> String {
        period_text(self.from, self.to)
    }
}

/// "2022–2026", or "2026" for one year.
pub fn period_text(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// The years asked for, in order: a range typed backwards is read forwards.
pub fn ordered(from: i32, to: i32) -> (i32, i32) {
    (from.min(to), from.max(to))
}

/// Count the standing records of years `from`..=`to` by title and form. Records whose
/// catalogue entry is unknown are left out (the history screen shows them for repair).
pub fn tally(records: &[AwardRecord], catalogue: &[CatalogueEntry], from: i32, to: i32) -> Tally {
    let (from, to) = ordered(from, to);
    let mut by_name: BTreeMap<String, TallyLine> = BTreeMap::new();
    for r in records
        .iter()
        .filter(|r| (from..=to).contains(&r.year) && stands(r))
    {
        let Some(entry) = catalogue.iter().find(|c| c.id == r.catalogue_id) else {
            continue;
        };
        let name = line_name(entry);
        let line = by_name.entry(name.clone()).or_insert_with(|| TallyLine {
            name,
            level: entry.level,
            sort_order: entry.sort_order,
            collectives: 0,
            individuals: 0,
        });
        line.sort_order = line.sort_order.min(entry.sort_order);
        // The subject decides the side, whatever the entry says.
        match r.subject.kind() {
            SubjectKind::Collective => line.collectives += 1,
            SubjectKind::Individual => line.individuals += 1,
        }
    }
    let mut lines: Vec<TallyLine> = by_name.into_values().collect();
    lines.sort_by(|a, b| (a.sort_order, &a.name).cmp(&(b.sort_order, &b.name)));
    Tally { from, to, lines }
}

/// How many awards of each level one year holds, in the order of [`AwardLevel::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearLevels {
    pub year: i32,
    pub counts: Vec<usize>,
}

impl YearLevels {
    pub fn count(&self, level: AwardLevel) -> usize {
        AwardLevel::ALL
            .iter()
            .position(|l| *l == level)
            .and_then(|i| self.counts.get(i).copied())
            .unwrap_or(0)
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// Standing awards per year of `from`..=`to` by level (every year listed, empty ones too).
pub fn by_year_and_level(
    records: &[AwardRecord],
    catalogue: &[CatalogueEntry],
    from: i32,
    to: i32,
) -> Vec<YearLevels> {
    let (from, to) = ordered(from, to);
    (from..=to)
        .map(|year| {
            let mut counts = vec![0; AwardLevel::ALL.len()];
            for r in records.iter().filter(|r| r.year == year && stands(r)) {
                if let Some(entry) = catalogue.iter().find(|c| c.id == r.catalogue_id)
                    && let Some(i) = AwardLevel::ALL.iter().position(|l| *l == entry.level)
                {
                    counts[i] += 1;
                }
            }
            YearLevels { year, counts }
        })
        .collect()
}

#[cfg(test)]
#[path = "report_tally_tests.rs"]
pub(crate) mod tests;
