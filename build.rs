//! Rebuilds when anything under `story/` changes, including new files: the default
//! story is compiled into the binary, and `include_dir` cannot tell cargo about files
//! that did not exist at the last build.

fn main() {
    println!("cargo:rerun-if-changed=story");
}
