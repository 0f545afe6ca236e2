//! Work that would freeze the window if it ran in `update` (reading a large spreadsheet,
//! hashing a video, building the packet) runs on its own thread; the window gets the result as
//! a message. A panic on that thread becomes an error the window shows, so the screen never
//! stays "in progress" with nothing left to finish it.

use iced::futures::channel::oneshot;

/// What the user reads when the work died (the panic's own text is not for the office).
pub const CRASHED: &str = super::text::BACKGROUND_CRASHED;

/// Runs `work` on a new thread; the returned future, given to `Task::perform`, resolves with
/// its result, or with [`CRASHED`] if it panicked.
pub fn run<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> impl Future<Output = Result<T, String>> + Send + 'static {
    let (sender, receiver) = oneshot::channel();
    std::thread::spawn(move || {
        // The receiver is gone only if the window closed meanwhile; nothing is left to tell.
        let _ = sender.send(guarded(work));
    });
    async move { receiver.await.unwrap_or_else(|_| Err(CRASHED.into())) }
}

/// Runs `work` on a new thread, which reports progress through the function it is given; the
/// window receives each report as `progress(p)` and finally `done(result)` ([`CRASHED`] if it
/// panicked). A report is dropped rather than waited for when the window is busy: the next one
/// supersedes it.
pub fn run_with_progress<P, T, M>(
    work: impl FnOnce(&mut dyn FnMut(P)) -> Result<T, String> + Send + 'static,
    progress: impl Fn(P) -> M + Send + 'static,
    done: impl FnOnce(Result<T, String>) -> M + Send + 'static,
) -> iced::Task<M>
where
    M: Send + 'static,
{
    let (mut sender, receiver) = iced::futures::channel::mpsc::channel(64);
    std::thread::spawn(move || {
        let mut reporter = sender.clone();
        let result = guarded(move || {
            work(&mut |p| {
                let _ = reporter.try_send(progress(p));
            })
        });
        // The receiver is gone only if the window closed meanwhile; nothing is left to tell.
        let _ = iced::futures::executor::block_on(iced::futures::SinkExt::send(
            &mut sender,
            done(result),
        ));
    });
    iced::Task::run(receiver, |m| m)
}

fn guarded<T>(work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    // Unwind safety: nothing the work touched is seen again after a panic; its inputs were
    // moved into it and its output is replaced by the error.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err(CRASHED.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_on_the_thread_is_an_error_for_the_window() {
        let result: Result<(), String> =
            iced::futures::executor::block_on(run(|| panic!("index out of bounds")));
        assert_eq!(result, Err(CRASHED.to_string()));
        assert_eq!(
            iced::futures::executor::block_on(run(|| Ok::<_, String>(7))),
            Ok(7)
        );
    }
}
