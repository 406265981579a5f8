"""Stage: data entry.  A ruleset -> the data-entry template; filled forms (.xlsx, .csv, .tsv, .json)
-> `Unit`s with located data errors (`forms`)."""
