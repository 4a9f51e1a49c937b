//! `:tasks` — the live tasks: name, what each is doing (ready to run,
//! sleeping until a loop time, or waiting on another task or future), and
//! where it is suspended in the program's own code (runtime/waiting.rs).

use crate::runtime::waiting::TaskRow;

/// The table, or a line saying there is nothing to show.
pub fn render(rows: &[TaskRow]) -> String {
    if rows.is_empty() {
        return "no live tasks\n".into();
    }
    let state = |r: &TaskRow| match &r.blocked_in {
        Some(prim) => format!("{} in {prim}()", r.state),
        None => r.state.clone(),
    };
    let wn = rows.iter().map(|r| r.name.len()).max().unwrap_or(0).max(4);
    let ws = rows
        .iter()
        .map(|r| state(r).len())
        .max()
        .unwrap_or(0)
        .max(5);
    let mut out = format!("{:<wn$}  {:<ws$}  suspended at\n", "name", "state");
    for r in rows {
        out.push_str(&format!("{:<wn$}  {:<ws$}  {}\n", r.name, state(r), r.at));
    }
    out
}
