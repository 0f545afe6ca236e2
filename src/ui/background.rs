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
