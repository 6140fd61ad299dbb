"""diplonews: a gold-standard annotated corpus of diplomatic news, and its tools."""
