//! The settings screen: Up and Down choose a setting, Enter, Space or → moves it on
//! (← back), a click on a row moves it on; every change is kept at once.

use super::{Action, pages, settings_changed};
use crate::app::layout;
use crate::app::settings::Setting;
use crate::app::{App, Command, View};

pub(super) fn open(app: &mut App) {
    if app.view != View::Settings {
        app.behind = pages::back_view(app);
    }
    app.view = View::Settings;
}

pub(super) fn settings(app: &mut App, action: Action) {
    let last = Setting::ALL.len() - 1;
    let sel = &mut app.settings_selected;
    match action {
        Action::Command(Command::Up) | Action::Scroll(..=-1) => *sel = sel.saturating_sub(1),
        Action::Command(Command::Down) | Action::Scroll(1..) => *sel = (*sel + 1).min(last),
        Action::Command(Command::Top) => *sel = 0,
        Action::Command(Command::Bottom) => *sel = last,
        Action::Command(Command::Select | Command::PageDown) | Action::Adjust(true) => adjust(app, true),
        Action::Command(Command::PageUp) | Action::Adjust(false) => adjust(app, false),
        Action::Pick(i) if i <= last => {
            app.settings_selected = i;
            adjust(app, true);
        }
        Action::Click(at) => {
            if let Some(i) = layout::settings::row_at(app, at) {
                app.settings_selected = i;
                adjust(app, true);
            }
        }
        Action::Command(Command::Back | Command::Settings) => pages::close_page(app),
        Action::Command(c) if app.session.is_some() && pages::open(app, c) => {}
        _ => {}
    }
}

fn adjust(app: &mut App, forward: bool) {
    let Some(&setting) = Setting::ALL.get(app.settings_selected) else {
        return;
    };
    if setting == Setting::Theme {
        // A theme chosen for this run (NO_COLOR) is where the cycle starts from.
        app.settings.theme = app.theme_choice();
        app.theme_override = None;
    }
    setting.adjust(&mut app.settings, forward);
    settings_changed(app);
}
