//! 专业申报: the declaration of one batch as a wizard of five steps over one shared draft (as
//! wizardsardine/liana's installer). Every edit is saved to the school file at once, so nothing
//! typed is lost on 上一步, on switching areas or when the app closes mid-step.

mod details;
mod pick;
mod review;

use std::path::PathBuf;

use iced::widget::{column, container, row, scrollable, text};
use iced::{Alignment, Element, Length, Task};

use crate::domain::check::{self, Context, Finding, Inputs, Part};
use crate::domain::workload::parse_date;
use crate::domain::{
    Batch, CooperationMode, CurriculumStandard, Declaration, DeclaredSpecialty, Level, Partner,
    Programme, Schooling, Site, Specialty, Status, YearMonth,
};
use crate::store::{SchoolFile, StoreError};
use crate::ui::screen::{Action, Screen};
use crate::ui::widget::actions;
use crate::ui::widget::notice::{self, Notice};
use crate::ui::widget::typed_path::{self, TypedPath};
use crate::ui::widget::{page, steps};
use crate::ui::{style, text as t};

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Batch,
    Specialties,
    Details,
    Review,
    Confirm,
}

impl Step {
    const ALL: [Step; 5] = [
        Step::Batch,
        Step::Specialties,
        Step::Details,
        Step::Review,
        Step::Confirm,
    ];

    fn index(self) -> usize {
        Step::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }
}

pub struct Wizard {
    /// What the school file holds and the rules read: the school, batches, catalogue, the
    /// current revision of every batch (updated whenever the draft is saved) and the resource
    /// inventory shown in step 3.
    inputs: Inputs,
    step: Step,
    draft: Declaration,
    /// Which chosen specialty step 3 shows.
    open: usize,
    search: String,
    /// Date fields as typed, per specialty and partner, so a half-typed date is not lost.
    dates: Vec<Vec<String>>,
    /// A message to show once: a refusal (the limit reached, a save that failed) or the result
    /// of an import.
    notice: Option<Notice>,
    /// Specialties taken out of the draft in step 2 with their details (and dates as typed),
    /// so choosing one again brings back what was filled in. Per batch.
    set_aside: Vec<(u32, DeclaredSpecialty, Vec<String>)>,
    /// The 添加批次 form of step 1, also used to correct a batch.
    new_batch: NewBatch,
    /// The batch whose deletion waits for the user's yes.
    deleting_batch: Option<u32>,
    /// The batch last deleted, until 撤销 adds it back.
    deleted_batch: Option<Batch>,
    /// The 添加专业 form of step 2, also used to correct a catalogue entry.
    new_specialty: NewSpecialty,
    /// The catalogue entry whose deletion waits for the user's yes.
    deleting_specialty: Option<String>,
    /// The entry last deleted with its place in the catalogue, until 撤销 puts it back.
    deleted_specialty: Option<(usize, Specialty)>,
    /// A dialog came back empty: the path may be typed.
    typed: TypedPath<Message>,
}

#[derive(Default)]
struct NewBatch {
    /// The batch being corrected; a new one when `None`.
    editing: Option<u32>,
    name: String,
    start: String,
    end: String,
}

#[derive(Default)]
struct NewSpecialty {
    /// The entry being corrected, by its name before the change; a new one when `None`.
    editing: Option<String>,
    name: String,
    levels: Vec<Level>,
}

#[derive(Debug, Clone)]
pub enum Message {
    GoTo(usize),
    Back,
    Next,
    PickBatch(u32),
    Search(String),
    Toggle(String),
    Open(usize),
    Edit(Edit),
    Explain(String, String),
    MarkChecked,
    NewRevision,
    BatchName(String),
    BatchStart(String),
    BatchEnd(String),
    AddBatch,
    EditBatch(u32),
    CancelEditBatch,
    DeleteBatch(u32),
    ConfirmDeleteBatch,
    CancelDeleteBatch,
    UndoDeleteBatch,
    SpecialtyName(String),
    SpecialtyLevel(Level),
    AddSpecialty,
    EditSpecialty(String),
    CancelEditSpecialty,
    DeleteSpecialty(String),
    ConfirmDeleteSpecialty,
    CancelDeleteSpecialty,
    UndoDeleteSpecialty,
    ImportCatalogue,
    CatalogueChosen(Option<PathBuf>),
    Typed(typed_path::Message),
    /// 去改正 on a finding: the step and field where it is corrected.
    Fix(String, Part),
    /// 去导出 once the declaration is 已校验; the window's holder carries it out.
    GoToExport,
}

/// A change to the open specialty in step 3; indices are of its programmes, sites, partners.
#[derive(Debug, Clone)]
pub enum Edit {
    AddProgramme,
    Schooling(usize, Schooling),
    Enrolment(usize, String),
    RemoveProgramme(usize),
    Standard(CurriculumStandard),
    AddSite,
    SiteName(usize, String),
    SiteArea(usize, String),
    SiteStations(usize, String),
    SiteClass(usize, String),
    RemoveSite(usize),
    AddPartner,
    PartnerName(usize, String),
    PartnerCode(usize, String),
    PartnerMode(usize, CooperationMode),
    PartnerDate(usize, String),
    PartnerContribution(usize, String),
    RemovePartner(usize),
    Teachers(String),
}

impl Wizard {
    fn select_batch(&mut self, batch: u32) {
        self.draft = self
            .inputs
            .declarations
            .iter()
            .find(|d| d.batch == batch)
            .cloned()
            .unwrap_or_else(|| Declaration::new(batch));
        self.open = 0;
        self.dates = self
            .draft
            .specialties
            .iter()
            .map(|s| {
                s.partners
                    .iter()
                    .map(|p| p.agreement_date.map(|d| d.to_string()).unwrap_or_default())
                    .collect()
            })
            .collect();
    }

    /// Re-reads after a batch was added, changed or deleted; a failure is said at once.
    fn reread(&mut self, file: &SchoolFile) {
        if let Err(e) = self.refresh(file) {
            self.refuse(e.to_string());
        }
    }

    fn batch_name(&self, number: u32) -> String {
        self.inputs
            .batches
            .iter()
            .find(|b| b.number == number)
            .map_or_else(|| t::batch_number(number), |b| b.name.clone())
    }

    /// 校内审核 of the draft as it stands, against the rest of the file.
    pub fn findings(&self) -> Vec<Finding> {
        let mut declarations = self.inputs.declarations.clone();
        declarations.retain(|d| d.batch != self.draft.batch);
        declarations.push(self.draft.clone());
        check::check(
            &Context {
                declarations: &declarations,
                ..self.inputs.context()
            },
            self.draft.batch,
        )
    }

    fn refuse(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice::failed(text));
    }

    fn inform(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice::done(text));
    }

    /// A batch announced by a later notice; its number follows the last one.
    fn add_batch(&mut self, file: &mut SchoolFile) {
        let form = &self.new_batch;
        let (Some(start), Some(end)) = (YearMonth::parse(&form.start), YearMonth::parse(&form.end))
        else {
            return self.refuse(t::BATCH_MONTH_FORM);
        };
        if form.name.trim().is_empty() {
            return self.refuse(t::BATCH_NAME_MISSING);
        }
        let batch = Batch {
            number: form.editing.unwrap_or_else(|| {
                self.inputs
                    .batches
                    .iter()
                    .map(|b| b.number)
                    .max()
                    .unwrap_or(0)
                    + 1
            }),
            name: form.name.trim().to_string(),
            start,
            end,
        };
        let (written, said) = match form.editing {
            Some(_) => (file.update_batch(&batch), t::BATCH_CHANGED),
            None => (file.add_batch(&batch), t::BATCH_ADDED),
        };
        match written {
            Ok(()) => {
                self.inform(format!("{said}{}", batch.label()));
                self.new_batch = NewBatch::default();
                self.reread(file);
            }
            Err(e) => self.refuse(e.to_string()),
        }
    }

    /// An entry the office adds itself; unverified until the official list confirms it.
    fn add_specialty(&mut self, file: &mut SchoolFile) {
        let name = self.new_specialty.name.trim().to_string();
        if name.is_empty() || self.new_specialty.levels.is_empty() {
            return self.refuse(t::SPECIALTY_INCOMPLETE);
        }
        if self.inputs.catalogue.find(&name).is_some() {
            return self.refuse(t::specialty_exists(&name));
        }
        let mut levels = self.new_specialty.levels.clone();
        levels.sort();
        let entry = Specialty {
            name: name.clone(),
            code: None,
            levels,
            national_standard: None,
            source: "本校添加".into(),
            verified: false,
        };
        match file.import_catalogue(vec![entry]) {
            Ok(_) => {
                self.reload_catalogue(file);
                self.new_specialty = NewSpecialty::default();
                self.inform(t::specialty_added(&name));
            }
            Err(e) => self.refuse(e.to_string()),
        }
    }

    /// A catalogue entry corrected by the office. It no longer reads as the official list does,
    /// so it becomes 待核对 until an import of the list confirms it.
    fn correct_specialty(&mut self, file: &mut SchoolFile, old: &str) {
        let name = self.new_specialty.name.trim().to_string();
        if name.is_empty() || self.new_specialty.levels.is_empty() {
            return self.refuse(t::SPECIALTY_INCOMPLETE);
        }
        let Some(before) = self.inputs.catalogue.find(old).cloned() else {
            return self.refuse(t::specialty_not_found(old));
        };
        let mut levels = self.new_specialty.levels.clone();
        levels.sort();
        if name == before.name && levels == before.levels {
            self.new_specialty = NewSpecialty::default();
            return self.inform(t::specialty_unchanged(&name));
        }
        let entry = Specialty {
            name: name.clone(),
            levels,
            source: "本校修改".into(),
            verified: false,
            ..before
        };
        match file.update_catalogue_entry(old, &entry) {
            Ok(counts) => {
                for (_, s, _) in self.set_aside.iter_mut().filter(|(_, s, _)| s.name == old) {
                    s.name = name.clone();
                }
                self.new_specialty = NewSpecialty::default();
                self.inform(t::catalogue_entry_corrected(old, &name, counts));
                self.reread(file);
            }
            Err(e) => self.refuse(e.to_string()),
        }
    }

    fn import_catalogue(&mut self, file: &mut SchoolFile, path: &std::path::Path) {
        let imported = match crate::exchange::catalogue::read(path) {
            Ok(entries) => entries,
            Err(errors) => return self.refuse(t::catalogue_not_imported(&errors.to_string())),
        };
        match file.import_catalogue(imported) {
            Ok((added, replaced)) => {
                self.reload_catalogue(file);
                self.inform(t::catalogue_imported(added, replaced));
            }
            Err(e) => self.refuse(e.to_string()),
        }
    }

    /// Opens the step where a finding is corrected, at its specialty, with the field focused.
    fn fix(&mut self, specialty: &str, part: Part) -> Action<Message> {
        let field = match part {
            Part::Choice => {
                self.step = Step::Specialties;
                self.search = specialty.to_string();
                return Action::Run(page::to_top());
            }
            Part::Resources => return Action::None,
            Part::Programmes => Some(format!("{} 1", t::ENROLMENT)),
            Part::Site(i) => Some(format!("{} {}", t::SITE_NAME, i + 1)),
            Part::Partner(i) => Some(format!("{} {}", t::PARTNER_NAME, i + 1)),
            Part::Teachers => Some(t::TEACHERS.to_string()),
            Part::Sites | Part::Partners => None,
        };
        self.step = Step::Details;
        if let Some(i) = self
            .draft
            .specialties
            .iter()
            .position(|s| s.name == specialty)
        {
            self.open = i;
        }
        let top = page::to_top();
        Action::Run(match field {
            Some(id) => Task::batch([top, iced::widget::operation::focus(id)]),
            None => top,
        })
    }

    fn reload_catalogue(&mut self, file: &SchoolFile) {
        match file.catalogue() {
            Ok(catalogue) => self.inputs.catalogue = catalogue,
            Err(e) => self.refuse(e.to_string()),
        }
    }

    fn save(&mut self, file: &mut SchoolFile) {
        match file.save_declaration(&self.draft) {
            Ok(()) => {
                self.inputs
                    .declarations
                    .retain(|d| d.batch != self.draft.batch);
                self.inputs.declarations.push(self.draft.clone());
                self.inputs.declarations.sort_by_key(|d| d.batch);
            }
            Err(e) => self.refuse(e.to_string()),
        }
    }

    /// Adds or removes a specialty. Adding beyond the school kind's limit is refused with the
    /// policy's reason (三(一)).
    fn toggle(&mut self, name: String) {
        if let Some(i) = self.draft.specialties.iter().position(|s| s.name == name) {
            let specialty = self.draft.specialties.remove(i);
            let dates = self.dates.remove(i);
            self.open = self
                .open
                .min(self.draft.specialties.len().saturating_sub(1));
            if specialty.is_filled_in() {
                self.inform(t::set_aside(&name));
                self.set_aside
                    .retain(|(b, s, _)| !(*b == self.draft.batch && s.name == name));
                self.set_aside.push((self.draft.batch, specialty, dates));
            }
            return;
        }
        let limit = self.inputs.school.kind.max_specialties_per_batch();
        if self.draft.specialties.len() >= limit {
            let kind = self.inputs.school.kind;
            return self.refuse(t::too_many_specialties(kind.name(), limit));
        }
        let schooling = self
            .inputs
            .catalogue
            .find(&name)
            .and_then(|entry| {
                Schooling::ALL
                    .into_iter()
                    .find(|s| entry.levels.contains(&s.level()))
            })
            .unwrap_or(Schooling::JuniorThreeYearIntermediate);
        let batch = self.draft.batch;
        if let Some(i) = self
            .set_aside
            .iter()
            .position(|(b, s, _)| *b == batch && s.name == name)
        {
            let (_, specialty, dates) = self.set_aside.remove(i);
            self.draft.specialties.push(specialty);
            self.dates.push(dates);
            self.inform(t::brought_back(&name));
            return;
        }
        self.draft.specialties.push(DeclaredSpecialty {
            name,
            programmes: vec![Programme {
                schooling,
                enrolment: 0,
            }],
            standard: CurriculumStandard::National,
            sites: Vec::new(),
            partners: Vec::new(),
            teachers: 0,
        });
        self.dates.push(Vec::new());
    }

    fn edit(&mut self, edit: Edit) {
        let open = self.open;
        let Some(s) = self.draft.specialties.get_mut(open) else {
            return;
        };
        let dates = &mut self.dates[open];
        match edit {
            Edit::AddProgramme => s.programmes.push(Programme {
                schooling: Schooling::SeniorThreeYearAdvanced,
                enrolment: 0,
            }),
            Edit::Schooling(i, v) => set(&mut s.programmes, i, |p| p.schooling = v),
            Edit::Enrolment(i, v) => set(&mut s.programmes, i, |p| p.enrolment = number(&v)),
            Edit::RemoveProgramme(i) => remove(&mut s.programmes, i),
            Edit::Standard(v) => s.standard = v,
            Edit::AddSite => s.sites.push(Site {
                name: String::new(),
                area_m2: 0,
                stations: 0,
                class_size: 0,
            }),
            Edit::SiteName(i, v) => set(&mut s.sites, i, |x| x.name = v),
            Edit::SiteArea(i, v) => set(&mut s.sites, i, |x| x.area_m2 = number(&v)),
            Edit::SiteStations(i, v) => set(&mut s.sites, i, |x| x.stations = number(&v)),
            Edit::SiteClass(i, v) => set(&mut s.sites, i, |x| x.class_size = number(&v)),
            Edit::RemoveSite(i) => remove(&mut s.sites, i),
            Edit::AddPartner => {
                s.partners.push(Partner {
                    name: String::new(),
                    credit_code: String::new(),
                    mode: CooperationMode::Joint,
                    agreement_date: None,
                    contribution: String::new(),
                });
                dates.push(String::new());
            }
            Edit::PartnerName(i, v) => set(&mut s.partners, i, |p| p.name = v),
            Edit::PartnerCode(i, v) => set(&mut s.partners, i, |p| {
                p.credit_code = v.trim().to_ascii_uppercase()
            }),
            Edit::PartnerMode(i, v) => set(&mut s.partners, i, |p| p.mode = v),
            Edit::PartnerDate(i, v) => {
                let parsed = parse_date(&v);
                if v.trim().is_empty() || parsed.is_some() {
                    set(&mut s.partners, i, |p| p.agreement_date = parsed);
                }
                if let Some(slot) = dates.get_mut(i) {
                    *slot = v;
                }
            }
            Edit::PartnerContribution(i, v) => set(&mut s.partners, i, |p| p.contribution = v),
            Edit::RemovePartner(i) => {
                remove(&mut s.partners, i);
                if i < dates.len() {
                    dates.remove(i);
                }
            }
            Edit::Teachers(v) => s.teachers = number(&v),
        }
    }
}

impl Screen for Wizard {
    type Message = Message;

    /// Starts on the first batch that is not yet signed, or the last batch.
    fn open(file: &SchoolFile) -> Result<Wizard, StoreError> {
        let inputs = file.check_inputs()?;
        let first = inputs
            .batches
            .iter()
            .find(|b| {
                inputs
                    .declarations
                    .iter()
                    .find(|d| d.batch == b.number)
                    .is_none_or(|d| d.status != Status::Signed)
            })
            .or(inputs.batches.last())
            .map_or(1, |b| b.number);
        let mut wizard = Wizard {
            inputs,
            step: Step::Batch,
            draft: Declaration::new(first),
            open: 0,
            search: String::new(),
            dates: Vec::new(),
            notice: None,
            set_aside: Vec::new(),
            new_batch: NewBatch::default(),
            deleting_batch: None,
            deleted_batch: None,
            new_specialty: NewSpecialty::default(),
            deleting_specialty: None,
            deleted_specialty: None,
            typed: TypedPath::default(),
        };
        wizard.select_batch(first);
        Ok(wizard)
    }

    /// Re-reads what other areas may have changed (the school kind, the catalogue), keeping
    /// the step and the batch; the draft itself is always saved, so it is read back as is.
    /// A draft whose batch is gone (deleted in step 1) moves to the last batch.
    fn refresh(&mut self, file: &SchoolFile) -> Result<(), StoreError> {
        self.inputs = file.check_inputs()?;
        let batch = self.draft.batch;
        if self.inputs.batches.iter().any(|b| b.number == batch) {
            let open = self.open;
            self.select_batch(batch);
            self.open = open.min(self.draft.specialties.len().saturating_sub(1));
        } else if let Some(last) = self.inputs.batches.last().map(|b| b.number) {
            self.select_batch(last);
        }
        Ok(())
    }

    fn update(&mut self, message: Message, file: &mut SchoolFile) -> Action<Message> {
        self.notice = None;
        // 撤销 is offered right after a deletion, not after whatever the user did next.
        if !matches!(
            message,
            Message::UndoDeleteBatch | Message::UndoDeleteSpecialty
        ) {
            self.deleted_batch = None;
            self.deleted_specialty = None;
        }
        let before = self.draft.clone();
        let step = self.step;
        match message {
            Message::Fix(specialty, part) => return self.fix(&specialty, part),
            // The holder moves to 导出与签署 before this screen sees it.
            Message::GoToExport => {}
            Message::BatchName(v) => self.new_batch.name = v,
            Message::BatchStart(v) => self.new_batch.start = v,
            Message::BatchEnd(v) => self.new_batch.end = v,
            Message::AddBatch => self.add_batch(file),
            Message::EditBatch(number) => {
                if let Some(b) = self.inputs.batches.iter().find(|b| b.number == number) {
                    self.new_batch = NewBatch {
                        editing: Some(number),
                        name: b.name.clone(),
                        start: b.start.to_string(),
                        end: b.end.to_string(),
                    };
                    self.deleting_batch = None;
                }
            }
            Message::CancelEditBatch => self.new_batch = NewBatch::default(),
            Message::DeleteBatch(number) => {
                self.deleting_batch = Some(number);
                self.new_batch = NewBatch::default();
            }
            Message::CancelDeleteBatch => self.deleting_batch = None,
            Message::ConfirmDeleteBatch => {
                if let Some(number) = self.deleting_batch.take() {
                    match file.delete_batch(number) {
                        Ok(batch) => {
                            self.inform(t::deleted(&batch.label()));
                            self.deleted_batch = Some(batch);
                        }
                        Err(e) => self.refuse(e.to_string()),
                    }
                    self.reread(file);
                }
                return Action::None;
            }
            Message::UndoDeleteBatch => {
                if let Some(batch) = self.deleted_batch.take() {
                    match file.add_batch(&batch) {
                        Ok(()) => self.inform(t::restored(&batch.label())),
                        Err(e) => self.refuse(e.to_string()),
                    }
                    self.reread(file);
                }
                return Action::None;
            }
            Message::SpecialtyName(v) => self.new_specialty.name = v,
            Message::SpecialtyLevel(level) => {
                let levels = &mut self.new_specialty.levels;
                match levels.iter().position(|&l| l == level) {
                    Some(i) => {
                        levels.remove(i);
                    }
                    None => levels.push(level),
                }
            }
            Message::AddSpecialty => match self.new_specialty.editing.clone() {
                Some(old) => self.correct_specialty(file, &old),
                None => self.add_specialty(file),
            },
            Message::EditSpecialty(name) => {
                if let Some(entry) = self.inputs.catalogue.find(&name) {
                    self.new_specialty = NewSpecialty {
                        editing: Some(name),
                        name: entry.name.clone(),
                        levels: entry.levels.clone(),
                    };
                    self.deleting_specialty = None;
                }
            }
            Message::CancelEditSpecialty => self.new_specialty = NewSpecialty::default(),
            Message::DeleteSpecialty(name) => {
                self.deleting_specialty = Some(name);
                self.new_specialty = NewSpecialty::default();
            }
            Message::CancelDeleteSpecialty => self.deleting_specialty = None,
            Message::ConfirmDeleteSpecialty => {
                if let Some(name) = self.deleting_specialty.take() {
                    match file.delete_catalogue_entry(&name) {
                        Ok(deleted) => {
                            self.inform(t::specialty_deleted(&name));
                            self.deleted_specialty = Some(deleted);
                        }
                        Err(e) => self.refuse(e.to_string()),
                    }
                    self.reload_catalogue(file);
                }
                return Action::None;
            }
            Message::UndoDeleteSpecialty => {
                if let Some((position, entry)) = self.deleted_specialty.take() {
                    match file.restore_catalogue_entry(position, &entry) {
                        Ok(()) => self.inform(t::specialty_restored(&entry.name)),
                        Err(e) => self.refuse(e.to_string()),
                    }
                    self.reload_catalogue(file);
                }
                return Action::None;
            }
            Message::ImportCatalogue => return Action::Run(pick_catalogue_file()),
            Message::CatalogueChosen(None) => {
                return Action::Run(self.typed.offer(t::CATALOGUE_PATH_HINT, |path| {
                    Message::CatalogueChosen(Some(path))
                }));
            }
            Message::CatalogueChosen(Some(path)) => {
                self.typed.close();
                self.import_catalogue(file, &path);
            }
            Message::Typed(message) => {
                if let Some(answer) = self.typed.update(message) {
                    return self.update(answer, file);
                }
            }
            Message::GoTo(i) => {
                if i <= self.step.index() {
                    self.step = Step::ALL[i];
                }
            }
            Message::Back => self.step = Step::ALL[self.step.index().saturating_sub(1)],
            Message::Next => self.step = Step::ALL[(self.step.index() + 1).min(4)],
            Message::PickBatch(batch) => {
                // Looking at a batch is not declaring in it: nothing is saved until an edit.
                self.select_batch(batch);
                return Action::None;
            }
            Message::Search(query) => self.search = query,
            Message::Open(i) => self.open = i,
            Message::NewRevision => {
                self.draft = self.draft.next_revision();
                self.save(file);
                return Action::None;
            }
            _ if self.draft.is_read_only() => {
                self.refuse(t::SIGNED_READ_ONLY);
                return Action::None;
            }
            Message::Toggle(name) => self.toggle(name),
            Message::Edit(edit) => self.edit(edit),
            Message::Explain(id, text) => {
                if text.trim().is_empty() {
                    self.draft.explanations.remove(&id);
                } else {
                    self.draft.explanations.insert(id, text);
                }
            }
            Message::MarkChecked => {
                if check::may_sign(&self.findings(), &self.draft) {
                    self.draft.status = Status::Checked;
                } else {
                    self.refuse(t::CANNOT_CONFIRM);
                }
            }
        }
        if self.draft != before {
            if self.draft.status == Status::Checked && before.status == Status::Checked {
                // Any edit after 已校验 needs checking again, and the user is told why.
                self.draft.status = Status::Draft;
                self.notice = Some(match self.notice.take() {
                    Some(Notice::Done(said)) => {
                        Notice::done(format!("{said}。{}", t::BACK_TO_DRAFT))
                    }
                    Some(failed) => failed,
                    None => Notice::done(t::BACK_TO_DRAFT),
                });
            }
            self.save(file);
        }
        if self.step != step {
            Action::Run(page::to_top())
        } else {
            Action::None
        }
    }

    fn view(&self) -> Element<'_, Message> {
        let step_bar = steps::bar(&t::STEPS, self.step.index(), Message::GoTo);
        let mut header = column![
            text(t::AREA_DECLARATIONS).size(style::HEADING_SIZE),
            step_bar,
            text(t::draft_status(
                &self.batch_name(self.draft.batch),
                self.draft.revision,
                self.draft.status.name(),
            ))
            .size(style::SMALL_SIZE)
            .style(style::muted_text),
        ]
        .spacing(12);
        if self.draft.is_read_only() {
            header = header.push(
                row![
                    text(t::SIGNED_READ_ONLY).size(style::BODY_SIZE),
                    actions::secondary(t::NEW_REVISION).on_press(Message::NewRevision),
                ]
                .spacing(12)
                .align_y(Alignment::Center),
            );
        }
        let undo = if self.deleted_batch.is_some() {
            Some(Message::UndoDeleteBatch)
        } else {
            self.deleted_specialty
                .is_some()
                .then_some(Message::UndoDeleteSpecialty)
        };
        header = header.push(notice::slot(notice::with_undo(&self.notice, undo)));
        if let Some(typed) = self.typed.view(Message::Typed) {
            header = header.push(typed);
        }
        let body = match self.step {
            Step::Batch => pick::batches(self),
            Step::Specialties => pick::specialties(self),
            Step::Details => details::view(self),
            Step::Review => review::findings(self),
            Step::Confirm => review::summary(self),
        };
        let mut nav = row![].spacing(12);
        if self.step != Step::Batch {
            nav = nav.push(
                actions::secondary(t::BACK)
                    .padding([8, 20])
                    .on_press(Message::Back),
            );
        }
        if self.step != Step::Confirm {
            nav = nav.push(
                actions::primary(t::NEXT)
                    .padding([8, 20])
                    .on_press(Message::Next),
            );
        }
        // The step bar and 上一步/下一步 stay in place; only the step's own content scrolls.
        let body = scrollable(
            container(body)
                .padding(iced::padding::right(16))
                .max_width(1000),
        )
        .id(page::ID)
        .height(Length::Fill);
        container(column![header, body, nav].spacing(16).max_width(1000))
            .padding(32)
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }
}

/// Digits as typed into a count field; anything else is dropped, an empty field is 0.
fn number(text: &str) -> u32 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or(if digits.is_empty() { 0 } else { u32::MAX })
}

fn set<T>(items: &mut [T], i: usize, change: impl FnOnce(&mut T)) {
    if let Some(item) = items.get_mut(i) {
        change(item);
    }
}

fn remove<T>(items: &mut Vec<T>, i: usize) {
    if i < items.len() {
        items.remove(i);
    }
}

/// A count as shown in its field: empty rather than 0, so the placeholder shows.
fn shown(n: u32) -> String {
    if n == 0 { String::new() } else { n.to_string() }
}

fn pick_catalogue_file() -> Task<Message> {
    Task::perform(
        rfd::AsyncFileDialog::new()
            .set_title(t::IMPORT_CATALOGUE)
            .add_filter(t::CATALOGUE_FILTER, &["csv", "json"])
            .pick_file(),
        |handle| Message::CatalogueChosen(handle.map(|h| h.path().to_path_buf())),
    )
}
