//! The list of nominations sent to the province as a spreadsheet: which columns, in which
//! order. Provinces ask for different columns, so the choice is a setting.

use serde::{Deserialize, Serialize};

/// Settings key of the columns the list carries, in order.
pub const LIST_COLUMNS_SETTING: &str = "province_list_columns";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListColumn {
    Number,
    Name,
    BirthYear,
    Gender,
    Position,
    Unit,
    Form,
    Achievement,
    Note,
}

impl ListColumn {
    pub const ALL: [ListColumn; 9] = [
        ListColumn::Number,
        ListColumn::Name,
        ListColumn::BirthYear,
        ListColumn::Gender,
        ListColumn::Position,
        ListColumn::Unit,
        ListColumn::Form,
        ListColumn::Achievement,
        ListColumn::Note,
    ];

    /// The header as printed.
    pub fn header(self) -> &'static str {
        match self {
            ListColumn::Number => "STT",
            ListColumn::Name => "Họ và tên / Tên tập thể",
            ListColumn::BirthYear => "Năm sinh",
            ListColumn::Gender => "Giới tính",
            ListColumn::Position => "Chức vụ",
            ListColumn::Unit => "Đơn vị",
            ListColumn::Form => "Hình thức đề nghị",
            ListColumn::Achievement => "Thành tích tóm tắt",
            ListColumn::Note => "Ghi chú",
        }
    }

    /// Column width in characters.
    pub fn width(self) -> f64 {
        match self {
            ListColumn::Number => 6.0,
            ListColumn::Name => 28.0,
            ListColumn::BirthYear | ListColumn::Gender => 10.0,
            ListColumn::Position => 22.0,
            ListColumn::Unit => 28.0,
            ListColumn::Form => 30.0,
            ListColumn::Achievement => 50.0,
            ListColumn::Note => 16.0,
        }
    }
}

/// The default columns: all of them, in the order above.
pub fn default_columns() -> Vec<ListColumn> {
    ListColumn::ALL.to_vec()
}

/// The columns to write: the setting with repeats dropped, or the default when it is
/// empty. The number column and the name always stay, at the front.
pub fn effective_columns(setting: &[ListColumn]) -> Vec<ListColumn> {
    if setting.is_empty() {
        return default_columns();
    }
    let mut out = vec![ListColumn::Number, ListColumn::Name];
    for c in setting {
        if !out.contains(c) {
            out.push(*c);
        }
    }
    out
}

/// One row of the list before it is cut to the chosen columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListRow {
    pub name: String,
    pub birth_year: Option<i32>,
    pub gender: String,
    pub position: String,
    pub unit: String,
    pub form: String,
    pub achievement: String,
    pub note: String,
}

impl ListRow {
    /// The text of `column` for the row numbered `number`.
    pub fn cell(&self, column: ListColumn, number: usize) -> String {
        match column {
            ListColumn::Number => number.to_string(),
            ListColumn::Name => self.name.clone(),
            ListColumn::BirthYear => self.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            ListColumn::Gender => self.gender.clone(),
            ListColumn::Position => self.position.clone(),
            ListColumn::Unit => self.unit.clone(),
            ListColumn::Form => self.form.clone(),
            ListColumn::Achievement => self.achievement.clone(),
            ListColumn::Note => self.note.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_setting_means_all_columns() {
        assert_eq!(effective_columns(&[]).len(), 9);
    }

    #[test]
    fn setting_keeps_number_and_name_first_and_drops_repeats() {
        let cols = effective_columns(&[ListColumn::Form, ListColumn::Form, ListColumn::Name]);
        assert_eq!(
            cols,
            vec![ListColumn::Number, ListColumn::Name, ListColumn::Form]
        );
    }

    #[test]
    fn cells_follow_the_column() {
        let row = ListRow {
            name: "Nguyễn Văn An".into(),
            birth_year: Some(1980),
            ..Default::default()
        };
        assert_eq!(row.cell(ListColumn::Number, 7), "7");
        assert_eq!(row.cell(ListColumn::BirthYear, 1), "1980");
        assert_eq!(row.cell(ListColumn::Gender, 1), "");
    }
}
