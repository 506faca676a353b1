//! Quickstart: placeholder while the foundation lands.
fn main() {
    println!(
        "{}",
        prestazioni_occasionali::Euro::from_cents(1241).to_italian()
    );
}
