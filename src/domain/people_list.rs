//! The people list as the clerk filters and sorts it. Keys are computed once per row so
//! that typing in the search box over 100,000 people stays smooth.

use std::cmp::Ordering;

use super::collation::{person_name_key, text_key};
#[cfg(test)]
use super::model::{Gender, PersonStatus};
use super::model::{Person, PersonId, UnitId};
use super::text::{fold, folded_matches};

/// One row of the people list with its precomputed keys.
#[derive(Debug, Clone)]
pub struct PersonListRow {
    pub person: Person,
    pub unit_name: String,
    pub unit_order: i64,
    /// Name, unit and position folded for accent-insensitive search.
    folded: String,
    name_key: Vec<u16>,
    position_key: Vec<u16>,
}

impl PersonListRow {
    pub fn new(person: &Person, unit_name: &str, unit_order: i64) -> Self {
        Self {
            person: person.clone(),
            unit_name: unit_name.to_owned(),
            unit_order,
            folded: fold(&format!(
                "{} {} {}",
                person.full_name, person.position, unit_name
            )),
            name_key: person_name_key(&person.full_name),
            position_key: text_key(&person.position),
        }
    }

    pub fn id(&self) -> PersonId {
        self.person.id
    }
}

/// The columns the list sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortColumn {
    /// Vietnamese name order: tên, họ, đệm.
    Name,
    Gender,
    BirthDate,
    Position,
    /// The units' official order, then position rank, then name (the order of official lists).
    Unit,
    Status,
}

/// What the clerk asked the list to show.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListQuery {
    pub search: String,
    pub unit: Option<UnitId>,
    pub include_inactive: bool,
    pub sort: SortColumn,
    pub ascending: bool,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self {
            search: String::new(),
            unit: None,
            include_inactive: false,
            sort: SortColumn::Unit,
            ascending: true,
        }
    }
}

fn compare(a: &PersonListRow, b: &PersonListRow, column: SortColumn) -> Ordering {
    let by_name = || a.name_key.cmp(&b.name_key);
    let (pa, pb) = (&a.person, &b.person);
    match column {
        SortColumn::Name => by_name(),
        SortColumn::Gender => pa.gender.code().cmp(pb.gender.code()).then_with(by_name),
        SortColumn::BirthDate => pa.birth_date.cmp(&pb.birth_date).then_with(by_name),
        SortColumn::Position => a.position_key.cmp(&b.position_key).then_with(by_name),
        SortColumn::Unit => a
            .unit_order
            .cmp(&b.unit_order)
            .then_with(|| pa.unit_id.cmp(&pb.unit_id))
            .then_with(|| pa.position_rank.cmp(&pb.position_rank))
            .then_with(by_name),
        SortColumn::Status => pa.status.code().cmp(pb.status.code()).then_with(by_name),
    }
    .then_with(|| pa.id.cmp(&pb.id))
}

/// The indices of `rows` that match `query`, in the order it asks for.
pub fn filter_and_sort(rows: &[PersonListRow], query: &ListQuery) -> Vec<usize> {
    let needle = fold(&query.search);
    let mut hits: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| query.include_inactive || r.person.active)
        .filter(|(_, r)| query.unit.is_none_or(|u| r.person.unit_id == u))
        .filter(|(_, r)| folded_matches(&r.folded, &needle))
        .map(|(i, _)| i)
        .collect();
    hits.sort_unstable_by(|&a, &b| {
        let o = compare(&rows[a], &rows[b], query.sort);
        if query.ascending { o } else { o.reverse() }
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        id: i64,
        name: &str,
        unit_id: i64,
        unit_order: i64,
        rank: i64,
        active: bool,
    ) -> PersonListRow {
        let p = Person {
            id,
            full_name: name.into(),
            gender: Gender::Female,
            birth_date: None,
            unit_id,
            position: "Chuyên viên".into(),
            position_rank: rank,
            is_department_leader: false,
            recruited_on: None,
            status: PersonStatus::Working,
            status_date: None,
            active,
        };
        PersonListRow::new(&p, &format!("Phòng {unit_id}"), unit_order)
    }

    fn names(rows: &[PersonListRow], idx: &[usize]) -> Vec<String> {
        idx.iter()
            .map(|&i| rows[i].person.full_name.clone())
            .collect()
    }

    #[test]
    fn accentless_search_finds_accented_names() {
        let rows = vec![
            row(1, "Nguyễn Thị Ánh", 1, 1, 50, true),
            row(2, "Đỗ Văn Đức", 1, 1, 50, true),
            row(3, "Trần Bình", 2, 2, 50, true),
        ];
        let q = |s: &str| ListQuery {
            search: s.into(),
            ..ListQuery::default()
        };
        assert_eq!(
            names(&rows, &filter_and_sort(&rows, &q("nguyen thi anh"))),
            vec!["Nguyễn Thị Ánh"]
        );
        assert_eq!(
            names(&rows, &filter_and_sort(&rows, &q("duc"))),
            vec!["Đỗ Văn Đức"]
        );
        assert_eq!(filter_and_sort(&rows, &q("")).len(), 3);
        assert!(filter_and_sort(&rows, &q("xyz")).is_empty());
    }

    #[test]
    fn sorts_by_name_in_vietnamese_order_both_ways() {
        let rows = vec![
            row(1, "Lê Văn Đức", 1, 1, 50, true),
            row(2, "Trần Dũng", 1, 1, 50, true),
            row(3, "Nguyễn Ánh", 1, 1, 50, true),
            row(4, "Phạm Anh", 1, 1, 50, true),
        ];
        let mut q = ListQuery {
            sort: SortColumn::Name,
            ..ListQuery::default()
        };
        assert_eq!(
            names(&rows, &filter_and_sort(&rows, &q)),
            vec!["Phạm Anh", "Nguyễn Ánh", "Trần Dũng", "Lê Văn Đức"]
        );
        q.ascending = false;
        assert_eq!(names(&rows, &filter_and_sort(&rows, &q))[0], "Lê Văn Đức");
    }

    #[test]
    fn unit_order_then_rank_and_inactive_hidden() {
        let rows = vec![
            row(1, "Chuyên viên B", 2, 20, 50, true),
            row(2, "Trưởng phòng A", 2, 20, 10, true),
            row(3, "Văn thư C", 1, 10, 60, true),
            row(4, "Người đã nghỉ", 1, 10, 1, false),
        ];
        let q = ListQuery::default();
        assert_eq!(
            names(&rows, &filter_and_sort(&rows, &q)),
            vec!["Văn thư C", "Trưởng phòng A", "Chuyên viên B"]
        );
        let all = ListQuery {
            include_inactive: true,
            unit: Some(1),
            ..ListQuery::default()
        };
        assert_eq!(
            names(&rows, &filter_and_sort(&rows, &all)),
            vec!["Người đã nghỉ", "Văn thư C"]
        );
    }
}
