//! Work that would freeze the window if it ran in `update` (reading a large spreadsheet,
//! hashing a video) runs on its own thread; the window gets the result as a message.

use iced::futures::channel::oneshot;

/// Runs `work` on a new thread; the returned future, given to `Task::perform`, resolves with
/// its result.
pub fn run<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> impl Future<Output = T> + Send + 'static {
    let (sender, receiver) = oneshot::channel();
    std::thread::spawn(move || {
        // The receiver is gone only if the window closed meanwhile; nothing is left to tell.
        let _ = sender.send(work());
    });
    async move {
        receiver
            .await
            .expect("the worker thread sends before ending")
    }
}

/// Runs `work` on a new thread, which reports progress through the function it is given; the
/// window receives each report as `progress(p)` and finally `done(result)`. A report is dropped
/// rather than waited for when the window is busy: the next one supersedes it.
pub fn run_with_progress<P, T, M>(
    work: impl FnOnce(&mut dyn FnMut(P)) -> T + Send + 'static,
    progress: impl Fn(P) -> M + Send + 'static,
    done: impl FnOnce(T) -> M + Send + 'static,
) -> iced::Task<M>
where
    M: Send + 'static,
{
    let (mut sender, receiver) = iced::futures::channel::mpsc::channel(64);
    std::thread::spawn(move || {
        let result = work(&mut |p| {
            let _ = sender.try_send(progress(p));
        });
        // The receiver is gone only if the window closed meanwhile; nothing is left to tell.
        let _ = iced::futures::executor::block_on(iced::futures::SinkExt::send(
            &mut sender,
            done(result),
        ));
    });
    iced::Task::run(receiver, |m| m)
}
