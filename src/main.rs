fn main() {
    std::process::exit(aio::cli::main());
}
