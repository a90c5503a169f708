//! Nominations and the council from the window: loading the year's view (with every
//! nomination's verdict) and applying the screens' intents.

use std::collections::HashSet;

use super::ThiduaApp;
use crate::docs::council_data::{Names, council_document, council_rules, is_director_level};
use crate::domain::council::{chosen_outcome, count};
use crate::domain::model::{PersonStatus, Rating, Subject};
use crate::domain::nomination::{Nomination, NominationStatus};
use crate::domain::registration::{Registration, covers};
use crate::domain::registration_progress::progress;
use crate::store::StoreError;
use crate::ui::Level;
use crate::ui::nomination_view::{NominationIntent, NominationLine, NominationsView};

/// The titles offered for nominating from registrations.
const FROM_REGISTRATIONS: [&str; 4] = ["LDTT", "CSTDCS", "TTLDTT", "TTLDXS"];

fn rating_allows(code: &str, rating: Option<Rating>) -> bool {
    match code {
        "TTLDXS" => rating == Some(Rating::Excellent),
        _ => matches!(rating, Some(Rating::Excellent | Rating::Good)),
    }
}

impl ThiduaApp {
    pub(crate) fn reload_nominations(&mut self, year: i32) -> Result<(), StoreError> {
        let names = Names::load(&self.store)?;
        let rules = council_rules(&self.store)?;
        let list = self.store.nominations(year)?;
        let mut lines = Vec::new();
        for n in &list {
            let (name, position_unit) = names.subject(n.subject);
            let entry = names.entry(n.catalogue_id);
            let innovations = match n.subject {
                Subject::Person(pid) => {
                    let mut v = Vec::new();
                    for i in self
                        .store
                        .recognised_innovations_of(pid, n.year - 5, n.year)?
                    {
                        let used = self.store.innovation_used_for(i.id, pid)?;
                        v.push((
                            i.id,
                            format!(
                                "{} ({}, {})",
                                i.name,
                                i.level.map_or("", |l| l.label()),
                                i.year
                            ),
                            used.map(|(y, c)| format!("đã dùng cho {c} năm {y}")),
                        ));
                    }
                    v
                }
                Subject::Unit(_) => Vec::new(),
            };
            lines.push(NominationLine {
                innovations,
                verdict: super::eligibility::view_of(self.evaluate(n, &names, &list)?),
                threshold: entry.map_or(rules.other_threshold, |e| rules.threshold(&e.code)),
                title: entry.map(|e| e.name.clone()).unwrap_or_default(),
                proposing_unit: names.unit(n.proposing_unit).to_owned(),
                name,
                position_unit,
                nomination: n.clone(),
            });
        }
        let registrations = self.store.registrations_of_year(year)?;
        let nominated: HashSet<(Subject, i64)> =
            list.iter().map(|n| (n.subject, n.catalogue_id)).collect();
        let from_registrations = FROM_REGISTRATIONS
            .iter()
            .filter_map(|code| {
                let entry = names.catalogue.iter().find(|e| e.code == *code)?;
                let waiting = registered_for(&registrations, &names, code)
                    .into_iter()
                    .filter(|s| !nominated.contains(&(*s, entry.id)))
                    .count();
                Some((code.to_string(), entry.name.clone(), waiting))
            })
            .collect();
        // Proposals against the plan's targets, as registrations are.
        let proposed: Vec<Registration> = list
            .iter()
            .filter(|n| n.status != NominationStatus::Rejected)
            .map(|n| Registration {
                id: n.id,
                year,
                subject: n.subject,
                catalogue_id: n.catalogue_id,
                registered_on: n.created_on,
                withdrawn_on: None,
            })
            .collect();
        let plan: Option<crate::domain::plan::Plan> = self
            .store
            .plan_for_year(year)?
            .and_then(|r| serde_json::from_str(&r.data).ok());
        let people: Vec<_> = self.store.people()?.into_iter().map(|r| r.person).collect();
        // Without a plan (or one without title targets) the usual targets apply.
        let mut targets: Vec<String> = Vec::new();
        let title_targets = match plan.map(|p| p.title_targets).filter(|t| !t.is_empty()) {
            Some(t) => t,
            None => {
                targets.push(format!(
                    "Chưa có kế hoạch năm {year}: so với chỉ tiêu mặc định"
                ));
                super::registrations::default_targets()
            }
        };
        targets.extend(
            progress(
                &title_targets,
                year,
                &people,
                &self.vm.units,
                &names.catalogue,
                &proposed,
            )
            .iter()
            .map(|t| t.text()),
        );
        // The caps of R06 (CSTĐCS) and R07 (CSTĐ tỉnh), where the settings set them.
        let count = |code: &str| {
            list.iter()
                .filter(|n| n.status != NominationStatus::Rejected)
                .filter(|n| names.entry(n.catalogue_id).is_some_and(|e| e.code == code))
                .count()
        };
        let settings = self.eligibility_settings();
        let caps = [
            crate::domain::eligibility::rules::r06_cstdcs_cap(
                count("CSTDCS"),
                count("LDTT"),
                &settings,
            ),
            crate::domain::eligibility::rules::r07_cstd_tinh_cap(
                count("CSTD_TINH"),
                count("CSTDCS"),
                &settings,
            ),
        ];
        for cap in caps {
            if cap.verdict == crate::domain::eligibility::Verdict::Warn {
                targets.push(format!("Cảnh báo: {}", cap.reason));
            }
        }
        let meetings = self.store.meetings(year)?;
        self.vm.nominations = Some(NominationsView {
            year,
            quorum_problem: meetings.last().and_then(|m| m.quorum(&rules).err()),
            lines,
            meetings,
            suggestions: self.suggestions(year)?,
            targets,
            from_registrations,
        });
        Ok(())
    }

    /// Reload the nominations and what follows from them (the decisions' waiting lists).
    fn reload_current_nominations(&mut self) -> Result<(), StoreError> {
        let year = self.ui.nominations.year(self.vm.today);
        self.reload_nominations(year)?;
        self.reload_decisions(self.ui.decisions.year(self.vm.today))
    }

    pub(super) fn apply_nomination(&mut self, intent: NominationIntent) -> Result<(), StoreError> {
        let today = self.vm.today;
        match intent {
            NominationIntent::SelectYear(year) => {
                self.ui.nominations.set_year(year);
                self.reload_nominations(year)?;
            }
            NominationIntent::FromRegistrations { year, code } => {
                let (list, skipped) = self.nominations_from_registrations(year, &code)?;
                let n = list.len();
                self.store.create_nominations(&list)?;
                self.reload_nominations(year)?;
                let mut text = format!("Đã tạo {n} đề nghị từ bản đăng ký thi đua.");
                if skipped > 0 {
                    text.push_str(&format!(
                        " {skipped} đối tượng đã đăng ký nhưng chưa có xếp loại đủ điều kiện nên chưa được đề nghị."
                    ));
                }
                self.notify(Level::Success, text);
            }
            NominationIntent::Create {
                year,
                subject,
                catalogue_id,
            } => {
                let unit = match subject {
                    Subject::Person(id) => self.store.person(id)?.unit_id,
                    Subject::Unit(id) => id,
                };
                let mut n = Nomination::new(year, subject, catalogue_id, unit, today);
                n.rating = self.rating_of(subject, year)?;
                self.store.create_nominations(&[n])?;
                self.reload_nominations(year)?;
                self.ui.nominations.created();
                self.notify(Level::Success, "Đã tạo đề nghị.");
            }
            NominationIntent::UpdateText {
                id,
                achievement,
                rating,
            } => {
                self.store
                    .update_nomination_text(id, &achievement, rating)?;
                self.reload_current_nominations()?;
                self.ui.nominations.text_saved();
                self.notify(Level::Success, "Đã lưu thành tích của đề nghị.");
            }
            NominationIntent::SendToCouncil { ids, reason } => {
                self.send_to_council(&ids, reason)?
            }
            NominationIntent::SetProposingUnit { id, unit } => {
                self.store.set_proposing_unit(id, unit)?;
                self.reload_current_nominations()?;
                self.notify(Level::Success, "Đã đổi đơn vị đề nghị.");
            }
            NominationIntent::BackToDraft(id) => {
                self.store
                    .move_nomination(id, NominationStatus::Draft, None)?;
                self.reload_current_nominations()?;
                self.notify(Level::Success, "Đã rút đề nghị về dạng nháp.");
            }
            NominationIntent::Delete(id) => {
                self.store.delete_nomination(id)?;
                self.reload_current_nominations()?;
                self.notify(Level::Success, "Đã xóa đề nghị nháp.");
            }
            NominationIntent::SaveMeeting(m) => {
                self.store.save_meeting(&m)?;
                self.reload_nominations(m.year)?;
                self.ui.council.meeting_saved();
                self.notify(Level::Success, "Đã lưu cuộc họp Hội đồng.");
            }
            NominationIntent::PutOnAgenda { meeting, ids } => {
                let n = ids.len();
                self.store.put_on_agenda(meeting, &ids)?;
                self.reload_current_nominations()?;
                self.notify(Level::Success, format!("Đã đưa {n} đề nghị vào cuộc họp."));
            }
            NominationIntent::RecordVotes { id, votes, choice } => {
                self.record_votes(id, votes, choice)?
            }
            NominationIntent::IssueProposal {
                year,
                to_province,
                date,
            } => self.issue_proposal(year, to_province, date)?,
            NominationIntent::UseInnovation { id, innovation } => {
                let n = self.store.nomination(id)?;
                let Subject::Person(person) = n.subject else {
                    return Err(StoreError::Conflict(
                        "Sáng kiến chỉ làm căn cứ cho đề nghị cá nhân.".into(),
                    ));
                };
                let code = Names::load(&self.store)?
                    .entry(n.catalogue_id)
                    .map(|e| e.code.clone())
                    .unwrap_or_default();
                self.store
                    .mark_innovation_used(innovation, person, n.year, &code, Some(id))?;
                self.reload_current_nominations()?;
                self.notify(Level::Success, "Đã ghi sáng kiến làm căn cứ cho đề nghị.");
            }
            NominationIntent::SaveReport { id, report } => {
                self.store.save_nomination_report(id, &report)?;
                self.reload_current_nominations()?;
                self.ui.nominations.report_saved();
                self.notify(Level::Success, "Đã lưu báo cáo thành tích.");
            }
            NominationIntent::Report { id, action } => {
                let (laid_out, stem) =
                    crate::docs::achievement_data::achievement_document(&self.store, id)?;
                let files = self.files.clone();
                self.spawn_document(
                    "Tạo báo cáo thành tích".into(),
                    stem,
                    action,
                    files,
                    move || laid_out,
                );
            }
            NominationIntent::Document { year, doc, action } => {
                let (laid_out, stem) = council_document(&self.store, year, doc, None, None)?;
                let files = self.files.clone();
                self.spawn_document(
                    "Tạo văn bản Hội đồng".into(),
                    stem,
                    action,
                    files,
                    move || laid_out,
                );
            }
        }
        Ok(())
    }

    fn issue_proposal(
        &mut self,
        year: i32,
        to_province: bool,
        date: chrono::NaiveDate,
    ) -> Result<(), StoreError> {
        let names = Names::load(&self.store)?;
        let carried: Vec<i64> = self
            .store
            .nominations(year)?
            .into_iter()
            .filter(|n| n.status == NominationStatus::Approved)
            .filter(|n| {
                names
                    .entry(n.catalogue_id)
                    .is_some_and(|e| is_director_level(e) != to_province)
            })
            .map(|n| n.id)
            .collect();
        if carried.is_empty() {
            return Err(StoreError::Conflict(
                "Chưa có đề nghị nào được Hội đồng thông qua cho tờ trình này.".into(),
            ));
        }
        // The number, and the nominations sent on with a tờ trình to the province: one step.
        let submitted: &[i64] = if to_province { &carried } else { &[] };
        let number = self.store.issue_proposal(
            year,
            date,
            &crate::docs::council_data::proposal_summary(year, to_province),
            submitted,
        )?;
        self.reload_current_nominations()?;
        self.notify(
            Level::Success,
            format!(
                "Đã lấy số Tờ trình {number}/TTr-{} ({} đề nghị).",
                self.vm.org.abbreviation,
                carried.len()
            ),
        );
        Ok(())
    }

    fn rating_of(&self, subject: Subject, year: i32) -> Result<Option<Rating>, StoreError> {
        let ratings = match subject {
            Subject::Person(id) => self.store.person_ratings(id)?,
            Subject::Unit(id) => self.store.unit_ratings(id)?,
        };
        Ok(ratings
            .into_iter()
            .find(|(y, _)| *y == year)
            .map(|(_, r)| r))
    }

    /// Nominations for everyone registered for `code` whose rating allows it, and how many
    /// were left out for their rating.
    fn nominations_from_registrations(
        &self,
        year: i32,
        code: &str,
    ) -> Result<(Vec<Nomination>, usize), StoreError> {
        let names = Names::load(&self.store)?;
        let entry = names
            .catalogue
            .iter()
            .find(|e| e.code == code)
            .ok_or_else(|| StoreError::NotFound(format!("danh hiệu {code}")))?;
        let existing: HashSet<Subject> = self
            .store
            .nominations(year)?
            .into_iter()
            .filter(|n| n.catalogue_id == entry.id)
            .map(|n| n.subject)
            .collect();
        let registrations = self.store.registrations_of_year(year)?;
        let mut list = Vec::new();
        let mut skipped = 0;
        for subject in registered_for(&registrations, &names, code) {
            if existing.contains(&subject) {
                continue;
            }
            let unit = match subject {
                Subject::Person(id) => {
                    let p = self.store.person(id)?;
                    if p.status != PersonStatus::Working || !p.active {
                        continue;
                    }
                    p.unit_id
                }
                Subject::Unit(id) => id,
            };
            let rating = self.rating_of(subject, year)?;
            if !rating_allows(code, rating) {
                skipped += 1;
                continue;
            }
            let mut n = Nomination::new(year, subject, entry.id, unit, self.vm.today);
            n.rating = rating;
            list.push(n);
        }
        Ok((list, skipped))
    }

    fn send_to_council(&mut self, ids: &[i64], reason: Option<String>) -> Result<(), StoreError> {
        let reason = reason.filter(|r| !r.trim().is_empty());
        // Check them all first: nothing moves if one cannot.
        for id in ids {
            let n = self.store.nomination(*id)?;
            let verdict = self.verdict_for(&n)?;
            let (name, _) = Names::load(&self.store)?.subject(n.subject);
            if verdict.blocked {
                return Err(StoreError::Conflict(format!(
                    "{name} chưa đủ điều kiện nên chưa trình Hội đồng được: {}",
                    verdict.summary
                )));
            }
            if verdict.warned && reason.is_none() {
                return Err(StoreError::Conflict(format!(
                    "{name} còn cảnh báo ({}). Hãy ghi lý do vẫn trình Hội đồng.",
                    verdict.summary
                )));
            }
        }
        self.store.send_to_council(ids, reason.as_deref())?;
        self.reload_current_nominations()?;
        self.ui.nominations.sent();
        self.notify(
            Level::Success,
            format!("Đã trình Hội đồng {} đề nghị.", ids.len()),
        );
        Ok(())
    }

    fn record_votes(
        &mut self,
        id: i64,
        votes: crate::domain::council::Votes,
        choice: Option<crate::domain::council::Outcome>,
    ) -> Result<(), StoreError> {
        let n = self.store.nomination(id)?;
        let meeting = self
            .store
            .meetings(n.year)?
            .into_iter()
            .find(|m| Some(m.id) == n.meeting)
            .ok_or_else(|| {
                StoreError::Conflict("Đề nghị chưa được đưa vào cuộc họp của Hội đồng.".into())
            })?;
        let rules = council_rules(&self.store)?;
        meeting.quorum(&rules).map_err(StoreError::Conflict)?;
        let names = Names::load(&self.store)?;
        let entry = names
            .entry(n.catalogue_id)
            .ok_or_else(|| StoreError::NotFound(format!("mục danh mục số {}", n.catalogue_id)))?;
        let result = count(votes, meeting.total(), rules.threshold(&entry.code))
            .map_err(StoreError::Conflict)?;
        let decided = chosen_outcome(&result, is_director_level(entry), choice)
            .map_err(StoreError::Conflict)?;
        self.store
            .record_outcome(id, votes, decided, meeting.total())?;
        self.reload_current_nominations()?;
        let (name, _) = names.subject(n.subject);
        self.notify(
            Level::Success,
            format!(
                "{name}: {} — {}.",
                result.text(votes, meeting.total()),
                decided.label()
            ),
        );
        Ok(())
    }
}

/// Subjects with a current registration in `year` that covers `code`.
fn registered_for(registrations: &[Registration], names: &Names, code: &str) -> Vec<Subject> {
    let mut seen = HashSet::new();
    registrations
        .iter()
        .filter(|r| r.is_current())
        .filter(|r| {
            names
                .entry(r.catalogue_id)
                .is_some_and(|e| covers(&e.code, code))
        })
        .map(|r| r.subject)
        .filter(|s| seen.insert(*s))
        .collect()
}
