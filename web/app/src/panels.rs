//! The panels beside and below the editor, one file each.

mod artifact;
mod bench;
mod code_view;
mod compare;
mod console;
mod history;
mod import_box;
mod performance;
mod provenance;
mod remarks;
mod settings;
mod share;

pub use artifact::ArtifactPanel;
pub use bench::BenchPanel;
pub use code_view::CodeViewPanel;
pub use compare::ComparePanel;
pub use console::ConsolePanel;
pub use history::HistoryPanel;
pub use performance::PerformancePanel;
pub use provenance::ProvenancePanel;
pub use remarks::RemarksPanel;
pub use settings::SettingsPanel;
pub use share::SharePanel;
