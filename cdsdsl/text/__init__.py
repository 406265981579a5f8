"""Stage 1, text: where a character is (`source`: `Source`, `Span`) and how pasted decision text is
normalised before parsing (`normalize`).  Imports nothing else of cdsdsl."""
