//! Append-only, checked schema migrations.
//!
//! Each step's SQL is stored in `schema_migrations` when it is applied. At every open the
//! stored text is compared with the program's: a changed step, or a database from a newer
//! version of the program, is refused and nothing is altered. New steps are only ever
//! appended to [`steps`]; an applied step is never edited.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;

/// One migration step.
pub struct Step {
    pub name: &'static str,
    pub sql: String,
}

/// Audit triggers for a table: every insert, update and delete lands in `audit_log` with
/// the row's values before and after as JSON.
fn audit_triggers(table: &str, columns: &[&str]) -> String {
    let json = |prefix: &str| {
        let pairs: Vec<String> = columns
            .iter()
            .map(|c| format!("'{c}', {prefix}.{c}"))
            .collect();
        format!("json_object({})", pairs.join(", "))
    };
    format!(
        "CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN \
           INSERT INTO audit_log(at, table_name, row_id, action, before, after) \
           VALUES (strftime('%Y-%m-%dT%H:%M:%f', 'now', 'localtime'), '{table}', NEW.id, 'insert', NULL, {new}); END;\n\
         CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} BEGIN \
           INSERT INTO audit_log(at, table_name, row_id, action, before, after) \
           VALUES (strftime('%Y-%m-%dT%H:%M:%f', 'now', 'localtime'), '{table}', NEW.id, 'update', {old}, {new}); END;\n\
         CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN \
           INSERT INTO audit_log(at, table_name, row_id, action, before, after) \
           VALUES (strftime('%Y-%m-%dT%H:%M:%f', 'now', 'localtime'), '{table}', OLD.id, 'delete', {old}, NULL); END;\n",
        new = json("NEW"),
        old = json("OLD"),
    )
}

const FOUNDATION: &str = "
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE base_salary (
    id INTEGER PRIMARY KEY,
    effective_from TEXT NOT NULL UNIQUE,
    amount_vnd INTEGER NOT NULL CHECK (amount_vnd > 0)
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    dissolved_on TEXT
);
CREATE UNIQUE INDEX units_name ON units(name);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    birth_date TEXT,
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    position TEXT NOT NULL DEFAULT '',
    position_rank INTEGER NOT NULL DEFAULT 50,
    is_department_leader INTEGER NOT NULL DEFAULT 0 CHECK (is_department_leader IN (0, 1)),
    recruited_on TEXT,
    status TEXT NOT NULL DEFAULT 'working',
    status_date TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX people_unit ON people(unit_id);
CREATE TABLE person_ratings (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    year INTEGER NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHT')),
    UNIQUE (person_id, year)
);
CREATE TABLE unit_ratings (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    year INTEGER NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHT')),
    UNIQUE (unit_id, year)
);
CREATE TABLE disciplines (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    form TEXT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE TABLE review_periods (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    reason TEXT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT,
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE TABLE absences (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    kind TEXT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    CHECK (to_date >= from_date)
);
CREATE TABLE catalogue (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('individual', 'collective')),
    kind TEXT NOT NULL CHECK (kind IN ('title', 'commendation')),
    level TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    coefficient REAL CHECK (coefficient IS NULL OR coefficient >= 0),
    sort_order INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
);
CREATE TABLE awards (
    id INTEGER PRIMARY KEY,
    person_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    year INTEGER NOT NULL,
    catalogue_id INTEGER NOT NULL REFERENCES catalogue(id) ON DELETE RESTRICT,
    decision_number TEXT NOT NULL DEFAULT '',
    decision_date TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE INDEX awards_person ON awards(person_id, year);
CREATE INDEX awards_unit ON awards(unit_id, year);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
";

/// Every migration step, in order. Append only.
pub fn steps() -> Vec<Step> {
    let mut foundation = FOUNDATION.to_owned();
    for (table, columns) in [
        ("base_salary", &["id", "effective_from", "amount_vnd"][..]),
        (
            "units",
            &[
                "id",
                "name",
                "short_name",
                "kind",
                "sort_order",
                "active",
                "dissolved_on",
            ][..],
        ),
        (
            "people",
            &[
                "id",
                "full_name",
                "gender",
                "birth_date",
                "unit_id",
                "position",
                "position_rank",
                "is_department_leader",
                "recruited_on",
                "status",
                "status_date",
                "active",
            ][..],
        ),
        ("person_ratings", &["id", "person_id", "year", "rating"][..]),
        ("unit_ratings", &["id", "unit_id", "year", "rating"][..]),
        (
            "disciplines",
            &["id", "person_id", "form", "from_date", "to_date", "note"][..],
        ),
        (
            "review_periods",
            &["id", "person_id", "reason", "from_date", "to_date"][..],
        ),
        (
            "absences",
            &["id", "person_id", "kind", "from_date", "to_date", "note"][..],
        ),
        (
            "catalogue",
            &[
                "id",
                "code",
                "name",
                "subject_kind",
                "kind",
                "level",
                "decided_by",
                "coefficient",
                "sort_order",
                "active",
            ][..],
        ),
        (
            "awards",
            &[
                "id",
                "person_id",
                "unit_id",
                "year",
                "catalogue_id",
                "decision_number",
                "decision_date",
                "issuer",
                "note",
            ][..],
        ),
    ] {
        foundation.push_str(&audit_triggers(table, columns));
    }
    vec![
        Step {
            name: "foundation",
            sql: foundation,
        },
        Step {
            name: "register_and_plans",
            sql: format!(
                "{REGISTER_AND_PLANS}{}{}",
                audit_triggers(
                    "outgoing_documents",
                    &["id", "year", "kind", "number", "issued_on", "summary"]
                ),
                audit_triggers(
                    "plans",
                    &[
                        "id",
                        "year",
                        "version",
                        "status",
                        "document_id",
                        "amends",
                        "data"
                    ]
                )
            ),
        },
        Step {
            name: "registrations",
            sql: {
                let mut sql = super::registrations::SCHEMA.to_owned();
                for (table, columns) in super::registrations::AUDITED {
                    sql.push_str(&audit_triggers(table, columns));
                }
                sql
            },
        },
        Step {
            name: "nominations_and_council",
            sql: {
                let mut sql = super::nominations::SCHEMA.to_owned();
                for (table, columns) in super::nominations::AUDITED {
                    sql.push_str(&audit_triggers(table, columns));
                }
                sql
            },
        },
        Step {
            name: "innovations",
            sql: {
                let mut sql = super::innovations::SCHEMA.to_owned();
                for (table, columns) in super::innovations::AUDITED {
                    sql.push_str(&audit_triggers(table, columns));
                }
                sql
            },
        },
        Step {
            name: "decisions",
            sql: {
                let mut sql = super::decisions::SCHEMA.to_owned();
                for (table, columns) in super::decisions::AUDITED {
                    sql.push_str(&audit_triggers(table, columns));
                }
                sql
            },
        },
        Step {
            name: "award_cancellations",
            sql: format!(
                "{}{}{}",
                super::awards::CANCELLATIONS,
                audit_triggers("awards", super::awards::AUDITED_COLUMNS),
                super::awards::CANCELLATIONS_BACKFILL
            ),
        },
        Step {
            name: "innovation_meetings_and_proposals",
            sql: {
                let mut sql = super::innovation_council::SCHEMA.to_owned();
                for (table, columns) in super::innovation_council::AUDITED {
                    sql.push_str(&audit_triggers(table, columns));
                }
                sql
            },
        },
    ]
}

/// Sổ văn bản đi (numbers per year and document type, never reused) and campaign plans.
const REGISTER_AND_PLANS: &str = "
CREATE TABLE outgoing_documents (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (length(kind) > 0),
    number INTEGER NOT NULL CHECK (number > 0),
    issued_on TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    UNIQUE (year, kind, number)
);
CREATE TRIGGER outgoing_documents_never_reused BEFORE DELETE ON outgoing_documents BEGIN
    SELECT RAISE(ABORT, 'Số văn bản đã cấp không được xóa hay dùng lại.');
END;
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'superseded')),
    document_id INTEGER REFERENCES outgoing_documents(id) ON DELETE RESTRICT,
    amends INTEGER REFERENCES plans(id) ON DELETE RESTRICT,
    data TEXT NOT NULL,
    UNIQUE (year, version)
);
CREATE TRIGGER plans_issued_are_read_only BEFORE UPDATE ON plans
WHEN OLD.status = 'issued' AND NOT (NEW.status = 'superseded' AND NEW.data = OLD.data) BEGIN
    SELECT RAISE(ABORT, 'Kế hoạch đã ban hành không sửa được; hãy tạo bản sửa đổi.');
END;
CREATE TRIGGER plans_issued_not_deleted BEFORE DELETE ON plans
WHEN OLD.status <> 'draft' BEGIN
    SELECT RAISE(ABORT, 'Kế hoạch đã ban hành không xóa được.');
END;
";

const BOOKKEEPING: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sql TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// Bring the database to the latest schema, or refuse without altering it.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_with(conn, &steps())
}

/// Check, without writing anything, that the database is ours and its applied steps are
/// the program's: a newer schema, a foreign file or a changed step is refused.
pub fn verify(conn: &Connection) -> Result<(), StoreError> {
    verify_with(conn, &steps())
}

fn verify_with(conn: &Connection, steps: &[Step]) -> Result<(), StoreError> {
    let user_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if user_version > steps.len() as i64 {
        return Err(StoreError::NewerSchema {
            found: user_version,
            supported: steps.len() as i64,
        });
    }
    let has_table: bool = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
            [],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if !has_table && user_version == 0 {
        let other_tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if other_tables > 0 {
            return Err(StoreError::Foreign);
        }
    }
    // Check what was applied before touching anything.
    if has_table {
        let mut stmt =
            conn.prepare("SELECT version, sql FROM schema_migrations ORDER BY version")?;
        let applied: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        drop(stmt);
        if applied.len() as i64 != user_version {
            return Err(StoreError::SchemaChanged(format!(
                "có {} bước đã ghi nhưng phiên bản là {user_version}",
                applied.len()
            )));
        }
        for (version, sql) in &applied {
            let step = steps.get((*version - 1) as usize).ok_or_else(|| {
                StoreError::SchemaChanged(format!("bước {version} không có trong chương trình"))
            })?;
            if &step.sql != sql {
                return Err(StoreError::SchemaChanged(format!(
                    "bước {version} ({}) đã bị sửa",
                    step.name
                )));
            }
        }
    }
    Ok(())
}

pub(crate) fn migrate_with(conn: &mut Connection, steps: &[Step]) -> Result<(), StoreError> {
    verify_with(conn, steps)?;
    let user_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, step) in steps.iter().enumerate().skip(user_version as usize) {
        let version = i as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(BOOKKEEPING)?;
        tx.execute_batch(&step.sql)?;
        tx.execute(
            "INSERT INTO schema_migrations(version, name, sql, applied_at) VALUES (?1, ?2, ?3, datetime('now'))",
            params![version, step.name, step.sql],
        )?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// The number of steps the program knows.
pub fn latest_version() -> i64 {
    steps().len() as i64
}
