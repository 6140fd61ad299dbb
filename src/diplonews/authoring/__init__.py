"""Writing and fixing gold by hand: an inline markup that compiles to standoff and back."""
