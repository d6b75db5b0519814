//! Emphasis in the full-screen game: `*words*` are drawn in italic, without the
//! asterisks, in the play view.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hailsham::app::{Action, App, Command, Input, Options, update};
use hailsham::story;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use ratatui::style::Modifier;

#[test]
fn emphasis_is_italic_in_the_play_view() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/every-form");
    let story = story::load(story::read_dir(&dir).expect("readable"))
        .expect("loads")
        .story;
    let mut app = App::new(
        story,
        Options {
            seed: 5,
            instant_text: true,
            ..Options::default()
        },
    );
    update(&mut app, Action::Command(Command::Select));
    // Walk out along the pier: "the sea is *right there*".
    if let Some(action) = app.action(&Input::Key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE))) {
        update(&mut app, action);
    }
    update(&mut app, Action::Resize(Size::new(100, 30)));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draws");
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    let mut found = false;
    for y in 0..area.height {
        let row: String = (0..area.width)
            .map(|x| buffer[(x, y)].symbol().to_owned())
            .collect();
        if let Some(at) = row.find("right there") {
            assert!(!row.contains('*'), "no asterisks: {row}");
            let x0 = u16::try_from(row[..at].chars().count()).expect("fits");
            for dx in 0..11 {
                assert!(buffer[(x0 + dx, y)].modifier.contains(Modifier::ITALIC), "{row}");
            }
            assert!(!buffer[(x0 - 2, y)].modifier.contains(Modifier::ITALIC), "{row}");
            found = true;
        }
    }
    assert!(found, "the pier's text is on screen");
}
