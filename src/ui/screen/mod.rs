//! One module per screen. Each screen owns its state and follows one contract:
//! `update(&mut self, Message, ..context) -> Action` and `view(&self) -> Element<Message>`;
//! the `Action` tells the app what happens next (as in hecrj/icebreaker).

pub mod declaration;
pub mod export;
pub mod new_school;
pub mod resources;
pub mod school_info;
pub mod welcome;
pub mod workload;
