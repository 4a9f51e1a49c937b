//! REPL commands: `:help`, `:tasks`, `:time`, `:clock`, `:load`, `:quit`.

use super::{Flow, Repl};

const HELP: &str = "\
Commands:
  :help            this text
  :tasks           live tasks: name, state, and where each is suspended
  :time STMT       run a statement (or `await ...`) and print the elapsed time
  :clock virtual|real   switch the event loop's clock
  :load FILE       run a file's code in this session
  :quit            leave (Ctrl-D also works)
Top-level `await` works; `asyncio` is imported; `spawn`, `sleep`, `gather` are built in.
Spawned tasks keep running while you type. Ctrl-C cancels the running line;
at an empty prompt, Ctrl-C twice or Ctrl-D leaves. Ctrl-R searches history.";

pub fn run(repl: &mut Repl, cmd: &str) -> Flow {
    let (name, rest) = match cmd.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (cmd, ""),
    };
    match name {
        "help" | "h" => println!("{HELP}"),
        "quit" | "q" | "exit" => return Flow::Exit(0),
        "tasks" => tasks(repl),
        "time" => {
            let start = repl.vm.runtime.clock.time();
            let name = repl.input_name();
            let flow = repl.exec(&format!("{rest}\n"), &name);
            repl.vm.flush();
            let elapsed = repl.vm.runtime.clock.time() - start;
            println!("elapsed: {elapsed:.3}s");
            return flow;
        }
        "clock" => match rest {
            "virtual" | "real" => {
                repl.vm.runtime.clock = crate::runtime::clock::Clock::new(rest == "virtual");
                println!("clock: {rest}");
            }
            _ => eprintln!(":clock takes `virtual` or `real`"),
        },
        "load" => match std::fs::read_to_string(rest) {
            Ok(src) => return repl.exec(&src, rest),
            Err(e) => eprintln!("can't open file '{rest}': {e}"),
        },
        other => eprintln!("unknown command ':{other}' (try :help)"),
    }
    Flow::Continue
}

fn tasks(repl: &mut Repl) {
    let rows = repl.vm.task_rows();
    print!("{}", super::tasks::render(&rows));
}
