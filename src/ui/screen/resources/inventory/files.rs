//! Files attached by reference: chosen or typed, hashed on a thread with progress so a gigabyte
//! video does not freeze the window, and checked again on 检查文件.

use std::path::PathBuf;

use iced::Task;

use crate::domain::resource::{FileRef, FileStatus};
use crate::exchange::files;
use crate::store::SchoolFile;
use crate::ui::screen::Action;
use crate::ui::text as t;
use crate::ui::widget::notice::Notice;

use super::{Inventory, Message};

/// A file that went missing or changed: (item title, file path, status).
pub type FileProblem = (String, String, FileStatus);

impl Inventory {
    /// The messages of attaching and checking files; the others never reach here.
    pub(super) fn update_files(
        &mut self,
        message: Message,
        file: &mut SchoolFile,
    ) -> Action<Message> {
        match message {
            Message::Attach(id) => {
                return Action::Run(Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t::ATTACH_FILE)
                        .pick_file(),
                    move |h| Message::FileChosen(id, h.map(|h| h.path().to_path_buf())),
                ));
            }
            Message::FileChosen(id, None) => {
                return Action::Run(self.typed.offer(t::RESOURCE_FILE_PATH_HINT, move |path| {
                    Message::FileChosen(id, Some(path))
                }));
            }
            Message::FileChosen(id, Some(path)) => {
                self.typed.close();
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.hashing = Some((id, name, 0, 0));
                self.notice = None;
                return Action::Run(hash_in_background(id, path));
            }
            Message::Hashing(id, done, total) => {
                if let Some(h) = &mut self.hashing
                    && h.0 == id
                {
                    (h.2, h.3) = (done, total);
                }
            }
            Message::CheckFiles => {
                let files: Vec<(String, FileRef)> = self
                    .items
                    .iter()
                    .flat_map(|(_, i)| i.files.iter().map(|f| (i.title.clone(), f.clone())))
                    .collect();
                self.checking = true;
                self.checked = None;
                return Action::Run(Task::perform(
                    crate::ui::background::run(move || {
                        let problems = files
                            .iter()
                            .map(|(title, f)| (title, f, files::verify(f)))
                            .filter(|(_, _, status)| *status != FileStatus::Unchanged)
                            .map(|(title, f, status)| (title.clone(), f.path.clone(), status))
                            .collect();
                        Ok((files.len(), problems))
                    }),
                    Message::Checked,
                ));
            }
            Message::Checked(result) => {
                self.checking = false;
                match result {
                    Ok(checked) => self.checked = Some(checked),
                    Err(e) => self.notice = Some(Notice::Failed(e)),
                }
            }
            Message::Hashed(id, result) => {
                self.hashing = None;
                self.notice = Some(Notice::from(result.and_then(|f| {
                    file.attach_file(id, &f).map_err(|e| e.to_string())?;
                    Ok(t::file_attached(&f.path, f.size))
                })));
                self.reload(file);
            }
            _ => {}
        }
        Action::None
    }
}

/// Hashes on a thread, reporting progress about every 1%.
fn hash_in_background(id: i64, path: PathBuf) -> Task<Message> {
    crate::ui::background::run_with_progress(
        move |report: &mut dyn FnMut((u64, u64))| {
            let mut last = 0u64;
            files::hash(&path, |done, total| {
                if total == 0 || (done - last) * 100 >= total {
                    last = done;
                    report((done, total));
                }
            })
            .map_err(|e| crate::store::read_failure(&path, &e))
        },
        move |(done, total)| Message::Hashing(id, done, total),
        move |result| Message::Hashed(id, result),
    )
}
