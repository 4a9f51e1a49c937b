// Interpreted programs allocate and free many small objects (frames,
// coroutines, tasks); mimalloc serves them much faster than the system
// allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(aio::cli::main());
}
