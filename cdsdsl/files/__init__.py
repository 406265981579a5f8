"""Files in and out, below every stage that reads or writes them: delimited text (`textfile`),
.xlsx workbooks streamed and bounded (`xlsx`), and spreadsheet cells that never become formulas
(`safe_cells`)."""
