"""Stage 1, text: where a character is (`source`: `Source`, `Span`), how pasted decision text is
normalised before parsing (`normalize`) and its words damaged by copying repaired (`repair`), and how
text is folded for loose matching (`fold`).  Imports nothing else of cdsdsl."""
