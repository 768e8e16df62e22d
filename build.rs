//! Rebuilds when a migration is added: they are embedded in the binary (`embed_migrations!`),
//! which Cargo cannot see on its own.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
