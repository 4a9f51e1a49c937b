// Interpreted programs allocate and free many small objects (frames,
// coroutines, tasks); mimalloc serves them much faster than the system
// allocator. The counting wrapper lets a program that outgrows its memory
// budget get MemoryError instead of an aborted process.
#[global_allocator]
static GLOBAL: aio::memory::Counting = aio::memory::Counting;

fn main() {
    std::process::exit(aio::cli::main());
}
